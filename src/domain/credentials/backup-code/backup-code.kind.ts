// Backup codes: generateBackupCodes (src/domain/mfa/backup-codes.ts), spent one at a time with
// verifySignIn { backupCode }.
import { consumeBackupCode } from '../../mfa/backup-codes.js';
import { type CredentialKind, optionalText } from '../credential-kind.js';

export const backupCodeKind: CredentialKind = {
  key: 'backup_code',
  label: 'a backup code',
  accountField: 'mfa',
  factorType: 'BACKUP_CODE',
  notices: { added: 'backup_codes_generated', removed: 'mfa_removed' },
  mfa: {
    inputField: 'backupCode',
    parse: optionalText,
    amr: 'otp',
    verify: async ({ deps, tx, user }, code) => {
      const spent = await consumeBackupCode(deps, tx, user.id, code as string);
      return spent ? { ok: true, details: { remainingBackupCodes: spent.remaining } } : { ok: false, counts: true };
    },
  },
};
