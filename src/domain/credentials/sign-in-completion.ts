// What every first sign-in step shares once its credential checked out (signIn's password,
// finishPasskeySignIn's assertion, a social sign-in next): suspension, then either an MFA
// challenge over the user's enrolled factors or a session whose amr names the kind.
import { randomToken, sha256 } from '../../auth/crypto.js';
import type { User } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { RequestInfo } from '../audit/audit.service.js';
import type { MfaChallengeResult, TokenSet } from '../auth/token-set.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { withEvents } from '../events/collector.js';
import { openSession } from '../sessions/sessions.service.js';
import type { CredentialKind } from './credential-kind.js';
import { refusePendingDeletion } from '../lifecycle/deletion.service.js';
import { noteSuccessfulSignIn } from '../lifecycle/new-sign-in.service.js';
import { trustedDeviceOf } from '../lifecycle/trusted-devices.service.js';

// An MFA challenge lives 5 minutes: long enough to open an authenticator app, short enough to limit guessing.
export const MFA_CHALLENGE_TTL_SECONDS = 300;

export const accountSuspended = () => new AppError('ACCOUNT_SUSPENDED', 'This account is suspended');

/**
 * Call only after `kind` proved the user (so nothing here reveals more than a right credential
 * would): a suspended account stops here; then MFA unless the step satisfies it on its own.
 */
export async function completeFirstStep(
  deps: Deps,
  user: User,
  kind: CredentialKind,
  request: RequestInfo,
  details: Record<string, unknown> = {},
  options: { deviceToken?: string | null } = {},
): Promise<TokenSet | MfaChallengeResult> {
  const step = kind.signIn;
  if (!step) throw new Error(`${kind.key} has no sign-in step`);
  if (user.isSuspended) throw accountSuspended();
  await refusePendingDeletion(deps, deps.prisma, user);
  const trustedDevice = step.satisfiesMfa ? null : await trustedDeviceOf(deps, user.id, options.deviceToken);
  if (trustedDevice) details = { ...details, trustedDevice };
  if (!step.satisfiesMfa && !trustedDevice) {
    const enrolled = await deps.prisma.mfaFactor.findMany({ where: { userId: user.id }, select: { type: true } });
    const factors = deps.credentials.challengeFactors(enrolled.map((f) => f.type));
    if (factors.length > 0) {
      // The credential was right, so this reveals nothing an MfaChallenge would not; it spares a dead challenge.
      if (user.mfaLockedUntil && user.mfaLockedUntil > deps.clock.now()) {
        throw new AppError('ACCOUNT_LOCKED', 'Too many wrong MFA codes: try again later');
      }
      return createMfaChallenge(deps, user.id, factors, request, step.amr);
    }
  }
  return withEvents(deps, { actorId: user.id, actorType: 'user' }, request, async (tx, ev) => {
    const tokens = await openSession(deps, tx, user, request, [...step.amr]);
    await noteSuccessfulSignIn(deps, tx, ev, user.id, tokens.sessionId, request);
    ev.emit('user.signed_in', {
      userId: user.id,
      audit: 'user.sign_in',
      data: { ...details, user: { id: user.id }, sessionId: tokens.sessionId, method: kind.key },
      details: { method: kind.key, ...details },
    });
    return tokens;
  });
}

export async function createMfaChallenge(
  deps: Deps,
  userId: string,
  factors: MfaChallengeResult['factors'],
  request: RequestInfo,
  // Empty: verifySignIn takes the first step for a password (challenges from before this column).
  firstStepAmr: readonly string[] = [],
): Promise<MfaChallengeResult> {
  const now = deps.clock.now();
  const mfaToken = randomToken('mfa_');
  await deps.prisma.mfaChallenge.create({
    data: {
      userId,
      tokenHash: sha256(mfaToken),
      createdAt: now,
      expiresAt: addSeconds(now, MFA_CHALLENGE_TTL_SECONDS),
      ip: request.ip,
      userAgent: request.userAgent?.slice(0, 512) ?? null,
      amr: [...firstStepAmr],
    },
  });
  return { mfaToken, factors: deps.credentials.challengeFactors(factors) };
}

