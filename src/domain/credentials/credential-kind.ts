// The credential seam: one description per way of proving who you are (password, email/phone
// code, TOTP, backup codes, passkeys; social identities next). Sign-in, verifySignIn, the
// verification records, the LAST_SIGN_IN_METHOD rule, factor removal, notices and the account
// center read these descriptions from the registry (registry.ts) instead of naming each kind.
// Enrollment stays in each kind's own module: its inputs differ per kind (a TOTP secret and a code,
// a WebAuthn attestation, …); what every enrollment and removal shares is in factor-lifecycle.ts.
import type { SecurityNotice } from '../../delivery/templates.js';
import type { MfaChallenge, MfaFactorType, Prisma, User, VerificationKind } from '../../generated/prisma/client.js';
import type { AccountField } from '../account-center/account-center.service.js';
import type { RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import type { AppError } from '../errors.js';
import type { EventPayloads } from '../events/catalogue.js';

export type Tx = Prisma.TransactionClient;

/** What decides whether a kind is still a way into the account. */
export interface CredentialState {
  user: Pick<User, 'username' | 'primaryEmail' | 'primaryPhone' | 'passwordHash'>;
  /** The types of the user's MfaFactor rows (one entry per row). */
  factorTypes: readonly MfaFactorType[];
  /** The identity providers the user has a linked identity at (UserIdentity.providerId, one per row). */
  identityProviderIds: readonly string[];
}

/** The first step of sign-in that this kind offers (its own root mutation, e.g. signIn). */
export interface SignInStep {
  /** The root mutation(s), for documentation and error messages. */
  operation: string;
  /** RFC 8176 authentication method references the session records. */
  amr: readonly string[];
  /**
   * True when this step is multi-factor on its own (a user-verified passkey: possession plus PIN
   * or biometrics), so no MFA challenge follows; false when enrolled MFA factors are asked next.
   */
  satisfiesMfa: boolean;
}

export interface MfaStepContext {
  deps: Deps;
  tx: Tx;
  user: User;
  challenge: MfaChallenge;
  request: RequestInfo;
}

export type MfaStepResult =
  | { ok: true; details?: Record<string, unknown> }
  /**
   * `counts`: a wrong answer counts toward the user's MFA lockout (a guess); a request that never
   * reached the check (an unknown passkey challenge) does not. `error` replaces INVALID_MFA_CODE.
   */
  | { ok: false; counts: boolean; error?: AppError };

/** How this kind finishes an MfaChallenge in verifySignIn. */
export interface MfaStep {
  /** The VerifySignInInput field that carries this kind's answer. */
  inputField: string;
  /** The answer from the input, or null when this kind's field was not given. */
  parse(raw: unknown): unknown | null;
  /** Added to the password's `pwd` in the session's amr. */
  amr: string;
  verify(ctx: MfaStepContext, answer: unknown): Promise<MfaStepResult>;
}

/** How this kind creates an identity proof (a VerificationRecord) for a sensitive change. */
export interface StepUp {
  /** The VerificationRecord.kind its records carry. */
  recordKind: VerificationKind;
  /** The `me` mutation(s) that create the record. */
  operation: string;
}

export interface CredentialKind {
  /** Stable name: audit details, LAST_SIGN_IN_METHOD reasoning, docs. */
  key: string;
  /** Human wording for messages ("an authenticator app"). */
  label: string;
  /** The account-center field that governs enrolling, removing and (for factors) listing it. */
  accountField: AccountField;
  /** Set when the credential is stored as MfaFactor rows of this type (listed in mfaFactors). */
  factorType?: MfaFactorType;
  /** Notices to the account's email when it is added / removed (sent after the change commits). */
  notices: { added?: SecurityNotice; removed?: SecurityNotice };
  /**
   * The committed events that send those notices, and to whom (security-notices.ts reads these;
   * MfaFactor kinds need none: user.mfa.added / removed find their kind by factor type).
   */
  noticeOn?: readonly NoticeTrigger[];
  signIn?: SignInStep;
  mfa?: MfaStep;
  stepUp?: StepUp;
  /**
   * True while the user can still get into the account with this kind. The LAST_SIGN_IN_METHOD
   * rule: removing a credential (or identifier) that leaves no kind answering true is refused.
   */
  isSignInMethod?(state: CredentialState): boolean;
}

/** MfaStep.parse for a text answer: trimmed, or null when absent or blank. */
export function optionalText(raw: unknown): string | null {
  return typeof raw === 'string' && raw.trim() ? raw.trim() : null;
}

/** One event that sends one of a kind's notices. */
export type NoticeTrigger = {
  [E in keyof EventPayloads]: {
    event: E;
    notice: 'added' | 'removed';
    /** account-email: the current email; every-address: email and phone; previous-email: the address just replaced or removed. */
    to: 'account-email' | 'every-address' | 'previous-email';
    when?: (data: EventPayloads[E]) => boolean;
  };
}[keyof EventPayloads];
