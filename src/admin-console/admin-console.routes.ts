// The admin console at /admin (docs/admin-console.md): the same web app routes as the account page,
// with its own cookie scoped to /admin and its own CSRF header. The console holds no private
// endpoint: everything it shows comes from the `admin` namespace of the GraphQL API.
import { createWebAppRoutes } from '../account-page/web-app.routes.js';
import type { HttpDeps } from '../context.js';
import type { Deps } from '../domain/deps.js';

export const ADMIN_REFRESH_COOKIE = 'admin_refresh';
export const ADMIN_CSRF_HEADER = 'x-admin-console';

export function createAdminConsoleRoutes(deps: Deps, http: HttpDeps) {
  return createWebAppRoutes(deps, http, { base: '/admin', app: 'admin', cookie: ADMIN_REFRESH_COOKIE, header: ADMIN_CSRF_HEADER });
}
