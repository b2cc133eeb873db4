// The root types and the `me` / `admin` namespaces (docs/api.md#conventions). Namespace objects carry no data;
// their fields authorize themselves through `authScopes`.
import { ME_MUTATION_SCOPES } from './auth/scopes.js';
import { builder } from './builder.js';
import { WRITE_NAMESPACE } from './own-writes.js';

export interface Namespace {
  readonly namespace: true;
}
const NAMESPACE: Namespace = { namespace: true };

builder.queryType({});
builder.mutationType({});

export const AdminQuery = builder.objectRef<Namespace>('AdminQuery');
AdminQuery.implement({ description: 'Management queries: each field demands its own admin scope.' });

export const MeMutation = builder.objectRef<Namespace>('MeMutation');
MeMutation.implement({
  description: "Self-service changes to the caller's own account, under the account-center settings.",
  // Refuses impersonation tokens and machine clients on every field unless it opts in (scopes.ts).
  authScopes: ME_MUTATION_SCOPES,
});

export const AdminMutation = builder.objectRef<Namespace>('AdminMutation');
AdminMutation.implement({ description: 'Management mutations: each field demands its own admin scope.' });

builder.queryField('admin', (t) =>
  t.field({ type: AdminQuery, description: 'The management namespace.', resolve: () => NAMESPACE }),
);
builder.mutationField('me', (t) =>
  t.field({ type: MeMutation, description: 'The self-service namespace.', extensions: WRITE_NAMESPACE, resolve: () => NAMESPACE }),
);
builder.mutationField('admin', (t) =>
  t.field({ type: AdminMutation, description: 'The management namespace.', extensions: WRITE_NAMESPACE, resolve: () => NAMESPACE }),
);
