// What the rest of the service asks the credential seam, over the registered kinds (the one list
// is kinds.ts; createApp builds this registry from it and injects it as deps.credentials, so no
// domain service imports the kinds back). Kinds are kept in the order sign-in offers them
// (MfaChallenge.factors lists TOTP, WEBAUTHN, BACKUP_CODE in registry order).
import type { MfaFactorType, VerificationKind } from '../../generated/prisma/client.js';
import type { AccountField } from '../account-center/account-center.service.js';
import { AppError } from '../errors.js';
import type { CredentialKind, CredentialState, MfaStep } from './credential-kind.js';

export class CredentialRegistry {
  constructor(readonly kinds: readonly CredentialKind[]) {}

  kindByKey(key: string): CredentialKind {
    const kind = this.kinds.find((k) => k.key === key);
    if (!kind) throw new Error(`unknown credential kind ${key}`);
    return kind;
  }

  /** The kind stored as MfaFactor rows of this type. */
  kindOfFactor(type: MfaFactorType): CredentialKind {
    const kind = this.kinds.find((k) => k.factorType === type);
    if (!kind) throw new Error(`no credential kind for factor type ${type}`);
    return kind;
  }

  /** Kinds that can finish an MfaChallenge, with their step. */
  mfaSteps(): { kind: CredentialKind; step: MfaStep }[] {
    return this.kinds.flatMap((kind) => (kind.mfa ? [{ kind, step: kind.mfa }] : []));
  }

  /** The factor types an MfaChallenge offers for these enrolled factors, in registry order. */
  challengeFactors(enrolled: readonly MfaFactorType[]): MfaFactorType[] {
    return this.kinds.flatMap((k) => (k.mfa && k.factorType && enrolled.includes(k.factorType) ? [k.factorType] : []));
  }

  /** VerificationRecord kinds that prove identity (when `provesIdentity` is set on the record). */
  identityProofRecordKinds(): VerificationKind[] {
    return this.kinds.flatMap((k) => (k.stepUp ? [k.stepUp.recordKind] : []));
  }

  /** "verifyPassword, sendVerificationCode + verifyCode, …": for messages that tell a client what to call. */
  identityProofOperations(): string {
    return [...new Set(this.kinds.flatMap((k) => (k.stepUp ? [k.stepUp.operation] : [])))].join(', ');
  }

  /** Factor types whose kind's account-center field passes `visible` (me.mfaFactors under the account center). */
  factorTypesWhere(visible: (field: AccountField) => boolean): MfaFactorType[] {
    return this.kinds.flatMap((k) => (k.factorType && visible(k.accountField) ? [k.factorType] : []));
  }

  signInMethods(state: CredentialState): CredentialKind[] {
    return this.kinds.filter((k) => k.isSignInMethod?.(state));
  }

  /** LAST_SIGN_IN_METHOD unless some kind still gets the user in after the change. */
  assertKeepsSignInMethod(after: CredentialState, path: string): void {
    if (this.signInMethods(after).length === 0) {
      throw new AppError('LAST_SIGN_IN_METHOD', 'This is the last way to sign in to the account; add another one first', [path]);
    }
  }
}
