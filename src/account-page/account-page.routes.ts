// The account page at /account (docs/account-page.md): the web app routes (files and the cookie
// endpoints), off while the admin setting pageEnabled is false.
import { getAccountCenter } from '../domain/account-center/account-center.service.js';
import type { HttpDeps } from '../context.js';
import type { Deps } from '../domain/deps.js';
import { createWebAppRoutes } from './web-app.routes.js';

export const REFRESH_COOKIE = 'account_refresh';
export const CSRF_HEADER = 'x-account-page';

export function createAccountPageRoutes(deps: Deps, http: HttpDeps) {
  return createWebAppRoutes(deps, http, {
    base: '/account',
    app: 'account',
    cookie: REFRESH_COOKIE,
    header: CSRF_HEADER,
    trustedDevices: true,
    linkPages: ['report', 'revert-email'],
    disabled: async () => !(await getAccountCenter(deps.prisma)).pageEnabled,
  });
}
