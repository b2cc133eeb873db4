// A user's actions: `Suspend`/`Restore`, `Reset MFA`, `Revoke sessions`, `Set password`,
// `Impersonate`, `Delete user` (user-deletion.ts). Destructive ones ask in a dialog (`Confirm` / `Cancel`).
import { mutate } from '../../shared/api';
import { announce, h } from '../../shared/dom';
import { actionButton, confirmDialog, form, type Result } from '../../shared/form';
import { type AdminCtx, can } from '../context';
import { graphql } from '../gql';
import type { ConsoleUser } from './user-types';
import { deleteUserButton } from './user-deletion';
import { userLabel } from './user-label';

const SetSuspended = graphql(`
  mutation ConsoleSetSuspended($id: ID!, $suspended: Boolean!) {
    admin { setUserSuspended(id: $id, suspended: $suspended) { __typename ... on User { id isSuspended } ... on Error { code message } } }
  }
`);
export const RemoveFactor = graphql(`
  mutation ConsoleRemoveFactor($userId: ID!, $factorId: ID!) {
    admin { removeUserMfaFactor(userId: $userId, factorId: $factorId) { __typename ... on User { id } ... on Error { code message } } }
  }
`);
const RevokeSessions = graphql(`
  mutation ConsoleRevokeSessions($id: ID!) { admin { revokeUserSessions(id: $id) { __typename ... on AdminRevokeSessionsPayload { revokedCount } ... on Error { code message } } } }
`);
const SetPassword = graphql(`
  mutation ConsoleSetPassword($id: ID!, $password: String!) {
    admin { setUserPassword(id: $id, password: $password) { __typename ... on User { id } ... on PasswordRejectedError { rules } ... on Error { code message } } }
  }
`);
const Impersonate = graphql(`
  mutation ConsoleImpersonate($input: ImpersonateUserInput!) {
    admin { impersonateUser(input: $input) { __typename ... on TokenSet { accessToken expiresIn } ... on Error { code message } } }
  }
`);

/** Asks, then runs; nothing happens on `Cancel`. */
export const confirmed = async (title: string, body: string, run: () => Promise<Result>): Promise<Result> =>
  (await confirmDialog(title, body)) ? run() : null;

export function userActions(ctx: AdminCtx, user: ConsoleUser, reload: () => Promise<void>): HTMLElement | null {
  const write = can(ctx, 'admin:users:write');
  const impersonate = can(ctx, 'admin:users:impersonate');
  if (!write && !impersonate) return null;
  const name = userLabel(user);
  const after = async (done: string) => {
    await reload();
    announce(done);
  };
  const buttons: (HTMLElement | false)[] = [];
  if (write) {
    buttons.push(
      user.isSuspended
        ? actionButton('user-restore', 'Restore', () => confirmed(`Restore ${name}?`, 'They can sign in again.', async () => {
            const r = await mutate(SetSuspended, { id: user.id, suspended: false }, (d) => d.admin.setUserSuspended);
            return r.error ?? after(`${name} restored.`);
          }))
        : actionButton('user-suspend', 'Suspend', () => confirmed(`Suspend ${name}?`, 'Every session and token of this user stops at once, and sign-in is refused until restored.', async () => {
            const r = await mutate(SetSuspended, { id: user.id, suspended: true }, (d) => d.admin.setUserSuspended);
            return r.error ?? after(`${name} suspended.`);
          }), { class: 'danger' }),
      user.mfaFactors.length > 0 && actionButton('user-reset-mfa', 'Reset MFA', () => confirmed(`Reset two-step sign-in of ${name}?`, 'Every authenticator app, backup code and passkey of this user is removed.', async () => {
        for (const f of user.mfaFactors) {
          const r = await mutate(RemoveFactor, { userId: user.id, factorId: f.id }, (d) => d.admin.removeUserMfaFactor);
          if (r.error && r.error.code !== 'NOT_FOUND') return r.error;
        }
        return after(`Two-step sign-in of ${name} reset.`);
      }), { class: 'secondary' }),
      actionButton('user-revoke-sessions', 'Revoke sessions', () => confirmed(`Sign ${name} out everywhere?`, 'Every session of this user ends now.', async () => {
        const r = await mutate(RevokeSessions, { id: user.id }, (d) => d.admin.revokeUserSessions);
        return r.error ?? after(`${r.value.revokedCount} sessions revoked.`);
      }), { class: 'secondary' }),
      deleteUserButton(ctx, user, reload),
    );
  }
  return h('div', { class: 'user-actions' },
    h('div', { class: 'actions' }, buttons),
    write && h('details', null, h('summary', { id: 'user-set-password-open' }, 'Set password'), form({
      id: 'user-set-password',
      fields: [{ name: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', required: true }],
      submit: 'Set password',
      onSubmit: async ({ password }) => {
        const r = await mutate(SetPassword, { id: user.id, password: password! }, (d) => d.admin.setUserPassword);
        return r.error ?? after(`Password of ${name} set.`);
      },
    })),
    impersonate && h('details', null, h('summary', { id: 'user-impersonate-open' }, 'Impersonate'), form({
      id: 'user-impersonate',
      fields: [{ name: 'reason', label: 'Reason (recorded in the audit log)', required: true }],
      submit: 'Impersonate',
      onSubmit: async ({ reason }) => {
        const r = await mutate(Impersonate, { input: { userId: user.id, reason: reason!.trim() } }, (d) => d.admin.impersonateUser);
        if (r.error) return r.error;
        // A fragment never reaches a server or a Referer; the account page drops it at once.
        const back = `/admin#/users/${encodeURIComponent(user.id)}`;
        location.assign(`/account#${new URLSearchParams({ impersonate: r.value.accessToken, expiresIn: String(r.value.expiresIn), back })}`);
      },
    })));
}
