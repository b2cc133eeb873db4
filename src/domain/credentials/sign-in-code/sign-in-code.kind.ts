// Sign-in by a code sent to the account's email (emailCode) or phone (smsCode): one factor, so an
// enrolled TOTP or passkey is still asked. The address on file is the way in (the identifier
// kinds, password.kind.ts and the code kinds, already count it), so no isSignInMethod here.
import type { CredentialKind } from '../credential-kind.js';

export const signInCodeKind: CredentialKind = {
  key: 'sign_in_code',
  label: 'a sign-in code',
  accountField: 'email',
  notices: {},
  signIn: { operation: 'startCodeSignIn + finishCodeSignIn', amr: ['otp'], satisfiesMfa: false },
};
