// The registered credential kinds, in the order sign-in offers them. A new kind is one folder plus
// one entry here; createApp builds the CredentialRegistry (registry.ts) from this list.
import type { CredentialKind } from './credential-kind.js';
import { backupCodeKind } from './backup-code/backup-code.kind.js';
import { passkeyKind } from './passkey/passkey.kind.js';
import { passwordKind } from './password/password.kind.js';
import { socialIdentityKind } from './social/social-identity.kind.js';
import { totpKind } from './totp/totp.kind.js';
import { magicLinkKind } from './magic-link/magic-link.kind.js';
import { recoveryKind } from './recovery/recovery.kind.js';
import { signInCodeKind } from './sign-in-code/sign-in-code.kind.js';
import { emailCodeKind, phoneCodeKind } from './email-code/verification-code.kind.js';

export const CREDENTIAL_KINDS: readonly CredentialKind[] = [
  passwordKind,
  emailCodeKind,
  phoneCodeKind,
  totpKind,
  passkeyKind,
  backupCodeKind,
  socialIdentityKind,
  signInCodeKind,
  magicLinkKind,
  recoveryKind,
];
