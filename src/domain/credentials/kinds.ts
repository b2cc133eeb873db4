// The registered credential kinds, in the order sign-in offers them. A new kind is one folder plus
// one entry here; createApp builds the CredentialRegistry (registry.ts) from this list.
import type { CredentialKind } from './credential-kind.js';
import { backupCodeKind } from './kinds/backup-code.kind.js';
import { passkeyKind } from './kinds/passkey.kind.js';
import { passwordKind } from './kinds/password.kind.js';
import { socialIdentityKind } from './kinds/social-identity.kind.js';
import { totpKind } from './kinds/totp.kind.js';
import { emailCodeKind, phoneCodeKind } from './kinds/verification-code.kind.js';

export const CREDENTIAL_KINDS: readonly CredentialKind[] = [
  passwordKind,
  emailCodeKind,
  phoneCodeKind,
  totpKind,
  passkeyKind,
  backupCodeKind,
  socialIdentityKind,
];
