// Deleting a user (docs/account-lifecycle.md): with a grace period the deletion is scheduled and
// can be cancelled until then; `Delete now` purges at once. The page shows a scheduled deletion.
import { mutate } from '../../shared/api';
import { announce, formatDate, h } from '../../shared/dom';
import { actionButton, chooseDialog } from '../../shared/form';
import { type AdminCtx, can } from '../context';
import { graphql } from '../gql';
import type { ConsoleUser } from './user-types';
import { userLabel } from './user-label';

const DeleteUser = graphql(`
  mutation ConsoleDeleteUser($id: ID!, $immediately: Boolean) {
    admin { deleteUser(id: $id, immediately: $immediately) { __typename ... on User { id deletionScheduledAt } ... on Error { code message } } }
  }
`);
const CancelDeletion = graphql(`
  mutation ConsoleCancelUserDeletion($id: ID!) {
    admin { cancelUserDeletion(id: $id) { __typename ... on User { id deletionScheduledAt } ... on Error { code message } } }
  }
`);

/**
 * `Delete user`: the dialog's `Confirm` schedules the deletion when the service keeps a grace
 * period (and deletes at once when it does not: the console cannot know which beforehand, the
 * answer tells); `Delete now` purges at once. A user already scheduled is only offered `Delete now`.
 */
export function deleteUserButton(ctx: AdminCtx, user: ConsoleUser, reload: () => Promise<void>): HTMLElement {
  const name = userLabel(user);
  const scheduled = !!user.deletionScheduledAt;
  return actionButton('user-delete', 'Delete user', async () => {
    const choice = await chooseDialog(`Delete ${name}?`, scheduled
      ? `The deletion is scheduled for ${formatDate(user.deletionScheduledAt)}. Delete now removes the account, its sign-in methods and tokens at once. The audit history is kept.`
      : 'Every session and token of this user stops at once. Confirm schedules the deletion when a grace period is configured (it can be cancelled until then); Delete now removes the account, its sign-in methods and tokens at once. The audit history is kept.',
    [...(scheduled ? [] : [{ id: 'ok', label: 'Confirm' }]), { id: 'delete-now', label: 'Delete now' }]);
    if (!choice) return null;
    const immediately = choice === 'delete-now';
    const r = await mutate(DeleteUser, { id: user.id, immediately }, (d) => d.admin.deleteUser);
    if (r.error) return r.error;
    if (!immediately && r.value.deletionScheduledAt) {
      await reload();
      return announce(`Deletion of ${name} scheduled for ${formatDate(r.value.deletionScheduledAt)}.`);
    }
    ctx.go('users');
    announce(`${name} deleted.`);
  }, { class: 'danger' });
}

/** "Deletion scheduled for …", with `Cancel deletion` for write tokens; nothing when none is scheduled. */
export function deletionNotice(ctx: AdminCtx, user: ConsoleUser, reload: () => Promise<void>): HTMLElement | null {
  if (!user.deletionScheduledAt) return null;
  return h('div', { class: 'notice', id: 'user-deletion' },
    h('p', null, `Deletion scheduled for ${formatDate(user.deletionScheduledAt)}. Until then the account cannot sign in except to restore it.`),
    can(ctx, 'admin:users:write') && actionButton('user-cancel-deletion', 'Cancel deletion', async () => {
      const r = await mutate(CancelDeletion, { id: user.id }, (d) => d.admin.cancelUserDeletion);
      if (r.error) return r.error;
      await reload();
      announce(`Deletion of ${userLabel(user)} cancelled.`);
    }, { class: 'secondary' }));
}
