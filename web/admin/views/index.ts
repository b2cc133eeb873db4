// The console's views in navigation order, each shown only when the token has its read scope.
import type { AdminCtx, View } from '../context';
import { accountCenterView } from './account-center';
import { auditView } from './audit';
import { identityProvidersView } from './identity-providers';
import { machineClientsView } from './machine-clients';
import { overviewView } from './overview';
import { passwordPolicyView } from './password-policy';
import { usersView } from './users';
import { webhooksView } from './webhooks';

export const VIEWS: View[] = [
  overviewView, usersView, auditView, webhooksView, identityProvidersView, machineClientsView, accountCenterView, passwordPolicyView,
];

export const visibleViews = (ctx: AdminCtx) => VIEWS.filter((v) => v.scope === 'any' || ctx.scopes.has(v.scope));

/** `#/users/usr_1?search=ann` → the users view, ['usr_1'], search=ann. Unknown or hidden: the first view. */
export function parseRoute(hash: string, views: View[]) {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [head = '', ...params] = path.split('/').filter(Boolean).map(decodeURIComponent);
  const view = views.find((v) => v.route === head) ?? views[0]!;
  return { view, params: view.route === head ? params : [], query: new URLSearchParams(search) };
}
