// The registered credential kinds, in the order sign-in offers them (MfaChallenge.factors lists
// TOTP, WEBAUTHN, BACKUP_CODE in registry order). A new kind is one module in kinds/ plus one entry
// here; everything below is what the rest of the service asks the seam.
import type { MfaFactorType, VerificationKind } from '../../generated/prisma/client.js';
import type { AccountField } from '../account-center/account-center.service.js';
import { AppError } from '../errors.js';
import type { CredentialKind, CredentialState, MfaStep } from './credential-kind.js';
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

export function kindByKey(key: string): CredentialKind {
  const kind = CREDENTIAL_KINDS.find((k) => k.key === key);
  if (!kind) throw new Error(`unknown credential kind ${key}`);
  return kind;
}

/** The kind stored as MfaFactor rows of this type. */
export function kindOfFactor(type: MfaFactorType): CredentialKind {
  const kind = CREDENTIAL_KINDS.find((k) => k.factorType === type);
  if (!kind) throw new Error(`no credential kind for factor type ${type}`);
  return kind;
}

/** Kinds that can finish an MfaChallenge, with their step. */
export function mfaSteps(): { kind: CredentialKind; step: MfaStep }[] {
  return CREDENTIAL_KINDS.flatMap((kind) => (kind.mfa ? [{ kind, step: kind.mfa }] : []));
}

/** The factor types an MfaChallenge offers for these enrolled factors, in registry order. */
export function challengeFactors(enrolled: readonly MfaFactorType[]): MfaFactorType[] {
  return CREDENTIAL_KINDS.flatMap((k) => (k.mfa && k.factorType && enrolled.includes(k.factorType) ? [k.factorType] : []));
}

/** VerificationRecord kinds that prove identity (when `provesIdentity` is set on the record). */
export function identityProofRecordKinds(): VerificationKind[] {
  return CREDENTIAL_KINDS.flatMap((k) => (k.stepUp ? [k.stepUp.recordKind] : []));
}

/** "verifyPassword, sendVerificationCode + verifyCode, …": for messages that tell a client what to call. */
export function identityProofOperations(): string {
  return [...new Set(CREDENTIAL_KINDS.flatMap((k) => (k.stepUp ? [k.stepUp.operation] : [])))].join(', ');
}

/** Factor types whose kind's account-center field passes `visible` (me.mfaFactors under the account center). */
export function factorTypesWhere(visible: (field: AccountField) => boolean): MfaFactorType[] {
  return CREDENTIAL_KINDS.flatMap((k) => (k.factorType && visible(k.accountField) ? [k.factorType] : []));
}

export function signInMethods(state: CredentialState): CredentialKind[] {
  return CREDENTIAL_KINDS.filter((k) => k.isSignInMethod?.(state));
}

/** LAST_SIGN_IN_METHOD unless some kind still gets the user in after the change. */
export function assertKeepsSignInMethod(after: CredentialState, path: string): void {
  if (signInMethods(after).length === 0) {
    throw new AppError('LAST_SIGN_IN_METHOD', 'This is the last way to sign in to the account; add another one first', [path]);
  }
}
