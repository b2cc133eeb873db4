// Social identities, in src/domain/social/: linked by social sign-in (new account or trusted
// email), me.startSocialLink + finishSocialLink or admin.linkUserIdentity; a sign-in of their own
// (startSocialSignIn + finishSocialSignIn) that an enrolled MFA factor follows, as after a
// password; step-up by signing in again at the provider (startSocialVerification +
// verifySocialIdentity). Stored as UserIdentity rows, not MfaFactor rows.
import type { CredentialKind } from '../credential-kind.js';

export const socialIdentityKind: CredentialKind = {
  key: 'social',
  label: 'a linked sign-in provider',
  accountField: 'social',
  notices: { added: 'identity_linked', removed: 'identity_unlinked' },
  noticeOn: [
    { event: 'identity.linked', notice: 'added', to: 'account-email' },
    { event: 'identity.unlinked', notice: 'removed', to: 'account-email' },
  ],
  // RFC 8176 has no value for federated sign-in; "fed" is the customary one.
  signIn: { operation: 'startSocialSignIn + finishSocialSignIn', amr: ['fed'], satisfiesMfa: false },
  stepUp: { recordKind: 'SOCIAL', operation: 'startSocialVerification + verifySocialIdentity' },
  isSignInMethod: ({ identityProviderIds }) => identityProviderIds.length > 0,
};
