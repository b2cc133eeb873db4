// Authenticator app (TOTP): enrolled by generateTotpSecret + enrollTotp (src/domain/mfa/totp.ts),
// the second step of sign-in with verifySignIn { totpCode }, step-up with me.verifyTotp.
import { spendTotpCode } from '../../mfa/totp.js';
import { type CredentialKind, optionalText } from '../credential-kind.js';

export const totpKind: CredentialKind = {
  key: 'totp',
  label: 'an authenticator app',
  accountField: 'mfa',
  factorType: 'TOTP',
  notices: { added: 'mfa_added', removed: 'mfa_removed' },
  mfa: {
    inputField: 'totpCode',
    parse: optionalText,
    amr: 'otp',
    verify: async ({ deps, tx, user }, code) => ((await spendTotpCode(deps, tx, user.id, code as string)) ? { ok: true } : { ok: false, counts: true }),
  },
  stepUp: { recordKind: 'TOTP', operation: 'verifyTotp' },
};
