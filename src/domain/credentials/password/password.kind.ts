// Password: signIn(identifier, password), me.verifyPassword, me.setPassword (field `password`).
import type { CredentialKind } from '../credential-kind.js';

export const passwordKind: CredentialKind = {
  key: 'password',
  label: 'a password',
  accountField: 'password',
  notices: { added: 'password_changed' },
  noticeOn: [{ event: 'user.password.changed', notice: 'added', to: 'account-email' }],
  signIn: { operation: 'signIn', amr: ['pwd'], satisfiesMfa: false },
  stepUp: { recordKind: 'PASSWORD', operation: 'verifyPassword' },
  // signIn takes an identifier (username, email or phone) and the password: without either nobody
  // gets in this way. (An account created by social sign-in has an email but no password: its
  // email alone is no way in, so its last identity cannot be unlinked.)
  isSignInMethod: ({ user }) => user.passwordHash !== null && Boolean(user.username || user.primaryEmail || user.primaryPhone),
};
