// startCodeSignIn / finishCodeSignIn: the shared challenge rules (no enumeration, limits per IP
// and per identifier), the method switch per channel (emailCode, smsCode), then the seam's
// completeFirstStep. The code proves the address it went to.
import type { RequestInfo } from '../../audit/audit.service.js';
import type { MfaChallengeResult, TokenSet } from '../../auth/token-set.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { withEvents } from '../../events/collector.js';
import { CHALLENGE_CODE_TTL_SECONDS, type ChallengeAnswer, checkCode, consumeChallenge, resolveIdentifier, startChallenge } from '../challenges/challenges.js';
import { codeEmail, codeSms } from '../challenges/messages.js';
import { markAddressVerified } from '../challenges/verified-address.js';
import { completeFirstStep } from '../sign-in-completion.js';
import { assertSignInMethod } from '../sign-in-methods/sign-in-methods.service.js';
import { signInCodeKind } from './sign-in-code.kind.js';

const PURPOSE = 'sign in';

export async function startCodeSignIn(deps: Deps, input: { identifier: string }, request: RequestInfo): Promise<ChallengeAnswer> {
  const resolved = await resolveIdentifier(deps, input.identifier);
  await assertSignInMethod(deps, resolved.channel === 'EMAIL' ? 'emailCode' : 'smsCode');
  if (resolved.channel === 'SMS' && !deps.sms.available) {
    throw new AppError('PHONE_DELIVERY_UNAVAILABLE', 'This service cannot send text messages: sign in with an email address instead', ['identifier']);
  }
  const minutes = CHALLENGE_CODE_TTL_SECONDS / 60;
  return startChallenge(
    deps,
    {
      purpose: 'CODE_SIGN_IN',
      rateLimit: 'code-sign-in',
      resolved,
      ttlSeconds: CHALLENGE_CODE_TTL_SECONDS,
      secret: 'code',
      message: (code) =>
        resolved.channel === 'EMAIL'
          ? { email: codeEmail(resolved.target!, 'Your sign-in code', PURPOSE, code, minutes) }
          : { sms: codeSms(resolved.target!, PURPOSE, code, minutes) },
    },
    request,
  );
}

export async function finishCodeSignIn(deps: Deps, input: { challengeId: string; code: string }, request: RequestInfo): Promise<TokenSet | MfaChallengeResult> {
  await deps.ipRateLimiter.consume('code-sign-in', request.ip);
  const challenge = await checkCode(deps, 'CODE_SIGN_IN', input.challengeId, input.code);
  // Switched off after the code went out: the code no longer signs in.
  await assertSignInMethod(deps, challenge.channel === 'EMAIL' ? 'emailCode' : 'smsCode');
  const user = await withEvents(deps, { actorId: challenge.userId, actorType: 'user' }, request, async (tx) => {
    await consumeChallenge(deps, tx, challenge.id);
    await markAddressVerified(tx, challenge.userId!, challenge.channel, challenge.target);
    return tx.user.findUniqueOrThrow({ where: { id: challenge.userId! } });
  });
  return completeFirstStep(deps, user, signInCodeKind, request, { channel: challenge.channel === 'EMAIL' ? 'email' : 'phone' });
}
