// Sign-in by a link emailed to the account's address: startLinkSignIn + finishLinkSignIn. One
// factor, like a code: an enrolled TOTP or passkey is still asked.
import type { CredentialKind } from '../credential-kind.js';

export const magicLinkKind: CredentialKind = {
  key: 'magic_link',
  label: 'a sign-in link',
  accountField: 'email',
  notices: {},
  signIn: { operation: 'startLinkSignIn + finishLinkSignIn', amr: ['otp'], satisfiesMfa: false },
};
