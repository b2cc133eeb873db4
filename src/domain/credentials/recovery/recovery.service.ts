// Account recovery (docs/credentials.md): never reveals whether an account exists (the shared
// challenge rules), never skips an enrolled second factor (the seam's completeFirstStep), and
// once the password is reset every session is revoked, so whatever an earlier holder of the
// address left behind ends with it.
import { hashPassword } from '../../../auth/passwords.js';
import type { RequestInfo } from '../../audit/audit.service.js';
import type { MfaChallengeResult, TokenSet } from '../../auth/token-set.js';
import type { Deps } from '../../deps.js';
import { withEvents } from '../../events/collector.js';
import { revokeUserSessions } from '../../sessions/sessions.service.js';
import { assertPasswordPolicy } from '../../users/users.service.js';
import { passwordWasChanged } from '../../lifecycle/credentials-reset.js';
import { lockUserRow } from '../../users/user-lock.js';
import {
  CHALLENGE_CODE_TTL_SECONDS,
  type ChallengeAnswer,
  channelName,
  checkCode,
  consumeChallenge,
  resolveIdentifier,
  startChallenge,
} from '../challenges/challenges.js';
import { codeEmail, codeSms } from '../challenges/messages.js';
import { completeFirstStep } from '../sign-in-completion.js';
import { assertSignInMethod } from '../sign-in-methods/sign-in-methods.service.js';
import { markAddressVerified } from '../challenges/verified-address.js';
import { recoveryKind } from './recovery.kind.js';

const PURPOSE = 'reset your password';

export async function startAccountRecovery(deps: Deps, input: { identifier: string }, request: RequestInfo): Promise<ChallengeAnswer> {
  // Recovery ends in a password: with password sign-in switched off it has nothing to recover.
  await assertSignInMethod(deps, 'password');
  const resolved = await resolveIdentifier(deps, input.identifier);
  const minutes = CHALLENGE_CODE_TTL_SECONDS / 60;
  return startChallenge(
    deps,
    {
      purpose: 'RECOVERY',
      rateLimit: 'recovery',
      resolved,
      ttlSeconds: CHALLENGE_CODE_TTL_SECONDS,
      secret: 'code',
      message: (code) =>
        resolved.channel === 'EMAIL'
          ? { email: codeEmail(resolved.target!, 'Reset your password', PURPOSE, code, minutes) }
          : { sms: codeSms(resolved.target!, PURPOSE, code, minutes) },
    },
    request,
  );
}

export async function resetPassword(
  deps: Deps,
  input: { challengeId: string; code: string; newPassword: string },
  request: RequestInfo,
): Promise<TokenSet | MfaChallengeResult> {
  await deps.ipRateLimiter.consume('recovery', request.ip);
  await assertSignInMethod(deps, 'password');
  const challenge = await checkCode(deps, 'RECOVERY', input.challengeId, input.code);
  const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: challenge.userId! } });
  // Checked after the code, so a rejected password does not spend it: the user tries another.
  await assertPasswordPolicy(deps, input.newPassword, { username: user.username, email: user.primaryEmail, name: user.name }, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword, deps.config.passwordHashing);
  const updated = await withEvents(deps, { actorId: user.id, actorType: 'user' }, request, async (tx, ev) => {
    await consumeChallenge(deps, tx, challenge.id);
    await lockUserRow(tx, user.id);
    const revokedSessions = await revokeUserSessions(deps, tx, user.id, 'password_reset');
    // A reset also lifts the password lockout: the owner just proved the address.
    const after = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordAlgorithm: 'ARGON2ID', failedSignIns: 0, lockedUntil: null },
    });
    await markAddressVerified(tx, user.id, challenge.channel, challenge.target);
    // Trusted devices go, and a "was this not you?" demand for a new password is met.
    await passwordWasChanged(tx, user.id);
    ev.emit('user.password.reset', {
      userId: user.id,
      audit: 'user.password.reset',
      data: { user: { id: user.id }, channel: channelName(challenge.channel), revokedSessions },
      details: { channel: channelName(challenge.channel), revokedSessions },
    });
    return after;
  });
  return completeFirstStep(deps, updated, recoveryKind, request);
}
