// Account recovery: startAccountRecovery sends a code to the account's email or phone, and
// resetPassword(code, new password) proves that address, sets the password and signs in, still
// asking an enrolled second factor. Not a sign-in method of its own (it needs an address and
// ends in a password), so isSignInMethod is left out.
import type { CredentialKind } from '../credential-kind.js';

export const recoveryKind: CredentialKind = {
  key: 'recovery',
  label: 'account recovery',
  accountField: 'password',
  notices: { added: 'password_reset' },
  noticeOn: [{ event: 'user.password.reset', notice: 'added', to: 'every-address' }],
  signIn: { operation: 'resetPassword', amr: ['otp'], satisfiesMfa: false },
};
