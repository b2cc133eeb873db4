// Password: signIn(identifier, password), me.verifyPassword, me.setPassword (field `password`).
import type { CredentialKind } from '../credential-kind.js';

export const passwordKind: CredentialKind = {
  key: 'password',
  label: 'a password',
  accountField: 'password',
  notices: { added: 'password_changed' },
  signIn: { operation: 'signIn', amr: ['pwd'], satisfiesMfa: false },
  stepUp: { recordKind: 'PASSWORD', operation: 'verifyPassword' },
  // signIn takes an identifier (username, email or phone): without one nobody can use a password,
  // and an account with an identifier can always get a password (setPassword, admin.setUserPassword).
  isSignInMethod: ({ user }) => Boolean(user.username || user.primaryEmail || user.primaryPhone),
};
