// Codes sent to the user's current email or phone (me.sendVerificationCode + me.verifyCode) prove
// identity; the addresses themselves are managed by setPrimaryEmail/Phone (fields `email`, `phone`).
import type { CredentialKind } from '../credential-kind.js';

export const emailCodeKind: CredentialKind = {
  key: 'email_code',
  label: 'a code sent to your email',
  accountField: 'email',
  notices: { added: 'email_changed', removed: 'email_removed' },
  // The previous address hears of it: whoever took the account cannot silence its owner this way.
  noticeOn: [
    // With revertLinkSent the previous address got the notice with the undo link instead
    // (src/domain/lifecycle/email-revert.service.ts).
    { event: 'user.email.changed', notice: 'added', to: 'previous-email', when: (d) => d.email !== null && !d.revertLinkSent },
    { event: 'user.email.changed', notice: 'removed', to: 'previous-email', when: (d) => d.email === null && !d.revertLinkSent },
  ],
  stepUp: { recordKind: 'EMAIL_CODE', operation: 'sendVerificationCode + verifyCode' },
};

export const phoneCodeKind: CredentialKind = {
  key: 'phone_code',
  label: 'a code sent to your phone',
  accountField: 'phone',
  notices: {},
  stepUp: { recordKind: 'PHONE_CODE', operation: 'sendVerificationCode + verifyCode' },
};
