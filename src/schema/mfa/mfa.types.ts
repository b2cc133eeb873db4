import type { TotpSecret } from '../../domain/mfa/totp.js';
import { builder } from '../builder.js';

export const TotpSecretType = builder.objectRef<TotpSecret>('TotpSecret').implement({
  description: 'A new authenticator-app secret: show the QR code, then confirm with enrollTotp.',
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'Base32, for typing into an authenticator app.' }),
    otpauthUri: t.exposeString('otpauthUri', { description: 'otpauth://totp/… URI with issuer and account label.' }),
    qrCode: t.exposeString('qrCode', { description: 'The otpauth URI as a QR code, a PNG data URL for an <img src>.' }),
  }),
});

export const BackupCodesType = builder.objectRef<{ codes: string[] }>('BackupCodes').implement({
  description: 'Single-use recovery codes. Shown only now: they are stored hashed.',
  fields: (t) => ({
    codes: t.exposeStringList('codes'),
  }),
});
