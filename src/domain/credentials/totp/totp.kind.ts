// Authenticator app (TOTP): enrolled by generateTotpSecret + enrollTotp (src/domain/mfa/totp.ts),
// the second step of sign-in with verifySignIn { totpCode }, step-up with me.verifyTotp.
import { spendTotpCode, totpCodeReplayed } from '../../mfa/totp.js';
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
    verify: async ({ deps, tx, user }, code) => {
      const spend = await spendTotpCode(deps, tx, user.id, code as string);
      if (spend === 'spent') return { ok: true };
      // A replay counts toward the lockout like a wrong code: only the message differs.
      return spend === 'replayed' ? { ok: false, counts: true, error: totpCodeReplayed() } : { ok: false, counts: true };
    },
  },
  stepUp: { recordKind: 'TOTP', operation: 'verifyTotp' },
};
