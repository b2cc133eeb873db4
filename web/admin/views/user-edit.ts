// Editing a user: profile and identifiers, roles, and the per-row removals on the user's page.
import { mutate } from '../../shared/api';
import { announce } from '../../shared/dom';
import { actionButton, form } from '../../shared/form';
import type { AdminCtx } from '../context';
import { graphql } from '../gql';
import type { UpdateUserInput } from '../gql/graphql';
import type { ConsoleUser } from './user-types';
import { confirmed, RemoveFactor } from './user-actions';
import { splitList } from './user-create';

const UpdateUser = graphql(`
  mutation ConsoleUpdateUser($id: ID!, $input: UpdateUserInput!) { admin { updateUser(id: $id, input: $input) { __typename ... on User { id } ... on Error { code message } } } }
`);
const SetRoles = graphql(`
  mutation ConsoleSetRoles($id: ID!, $roles: [String!]!) { admin { setUserRoles(id: $id, roles: $roles) { __typename ... on User { id roles } ... on Error { code message } } } }
`);
const RevokeToken = graphql(`
  mutation ConsoleRevokeToken($id: ID!) { admin { revokePersonalAccessToken(id: $id) { __typename ... on PersonalAccessToken { id } ... on Error { code message } } } }
`);
const Unlink = graphql(`
  mutation ConsoleUnlink($input: UnlinkUserIdentityInput!) { admin { unlinkUserIdentity(input: $input) { __typename ... on User { id } ... on Error { code message } } } }
`);

const FIELDS = [['name', 'Name'], ['primaryEmail', 'Email'], ['username', 'Username'], ['primaryPhone', 'Phone']] as const;

export function profileForm(_ctx: AdminCtx, user: ConsoleUser, reload: () => Promise<void>): HTMLFormElement {
  return form({
    id: 'user-profile-form',
    fields: FIELDS.map(([name, label]) => ({ name, label, value: user[name] })),
    submit: 'Save',
    onSubmit: async (values) => {
      const input: UpdateUserInput = {};
      for (const [name] of FIELDS) {
        const next = values[name]?.trim() || null;
        if (next !== (user[name] ?? null)) input[name] = next;
      }
      if (!Object.keys(input).length) return announce('Nothing to save: no changes.');
      const r = await mutate(UpdateUser, { id: user.id, input }, (d) => d.admin.updateUser);
      if (r.error) return r.error;
      await reload();
      announce('Profile saved.');
    },
  });
}

export function rolesForm(_ctx: AdminCtx, user: ConsoleUser, reload: () => Promise<void>): HTMLFormElement {
  return form({
    id: 'user-roles-form',
    fields: [{ name: 'roles', label: 'Roles', value: user.roles.join(', '), hint: 'Comma-separated. Role admin grants every admin scope at the next sign-in.' }],
    submit: 'Save roles',
    onSubmit: async ({ roles }) => {
      const r = await mutate(SetRoles, { id: user.id, roles: splitList(roles) }, (d) => d.admin.setUserRoles);
      if (r.error) return r.error;
      await reload();
      announce('Roles saved.');
    },
  });
}

export const rowActions = {
  removeFactor: (_ctx: AdminCtx, user: ConsoleUser, f: ConsoleUser['mfaFactors'][number], reload: () => Promise<void>) =>
    actionButton(`factor-remove-${f.id}`, 'Remove', () => confirmed('Remove this factor?', 'The user can no longer sign in with it.', async () => {
      const r = await mutate(RemoveFactor, { userId: user.id, factorId: f.id }, (d) => d.admin.removeUserMfaFactor);
      if (r.error) return r.error;
      await reload();
      announce('Factor removed.');
    }), { class: 'secondary', 'aria-label': `Remove ${f.name ?? f.type}` }),
  revokeToken: (_ctx: AdminCtx, t: { id: string; name: string }, reload: () => Promise<void>) =>
    actionButton(`token-revoke-${t.id}`, 'Revoke', () => confirmed(`Revoke token ${t.name}?`, 'Scripts using it stop working at once.', async () => {
      const r = await mutate(RevokeToken, { id: t.id }, (d) => d.admin.revokePersonalAccessToken);
      if (r.error) return r.error;
      await reload();
      announce('Token revoked.');
    }), { class: 'secondary', 'aria-label': `Revoke token ${t.name}` }),
  unlink: (_ctx: AdminCtx, user: ConsoleUser, i: { provider: string; providerName: string }, reload: () => Promise<void>) =>
    actionButton(`identity-unlink-${i.provider}`, 'Unlink', () => confirmed(`Unlink ${i.providerName}?`, 'The user can no longer sign in with it.', async () => {
      const r = await mutate(Unlink, { input: { userId: user.id, provider: i.provider } }, (d) => d.admin.unlinkUserIdentity);
      if (r.error) return r.error;
      await reload();
      announce('Identity unlinked.');
    }), { class: 'secondary', 'aria-label': `Unlink ${i.providerName}` }),
};
