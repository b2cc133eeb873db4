// Sign-up with a code first (signInMethods.signUpVerification = CODE): signUp checks the inputs,
// keeps the pending account (password already hashed) on a challenge and sends a code to its
// email (else its phone); finishSignUp creates the account with that address proven.
import type { Prisma } from '../../../generated/prisma/client.js';
import type { RequestInfo } from '../../audit/audit.service.js';
import type { TokenSet } from '../../auth/token-set.js';
import type { Deps } from '../../deps.js';
import { invalidInput } from '../../errors.js';
import { createSignedUpUser, signUp, signUpData, type SignUpInput } from '../../users/users.service.js';
import { CHALLENGE_CODE_TTL_SECONDS, checkCode, consumeChallenge, startChallenge } from '../challenges/challenges.js';
import { codeEmail, codeSms } from '../challenges/messages.js';
import { markAddressVerified } from '../challenges/verified-address.js';
import { getSignInMethods } from '../sign-in-methods/sign-in-methods.service.js';

const PURPOSE = 'finish creating your account';

/** signUp: tokens at once (NONE), or a challenge whose code finishes the sign-up (CODE). */
export async function signUpOrChallenge(deps: Deps, input: SignUpInput, request: RequestInfo): Promise<TokenSet | { challengeId: string }> {
  if ((await getSignInMethods(deps)).signUpVerification !== 'CODE') return signUp(deps, input, request);
  const data = await signUpData(deps, input, request);
  const email = data.primaryEmail ?? null;
  const phone = data.primaryPhone ?? null;
  if (!email && !phone) throw invalidInput('email', 'Sign-up needs an email address or a phone number to send the code to');
  const channel = email ? 'EMAIL' : 'SMS';
  const target = (email ?? phone)!;
  const minutes = CHALLENGE_CODE_TTL_SECONDS / 60;
  const answer = await startChallenge(
    deps,
    {
      purpose: 'SIGN_UP',
      rateLimit: 'sign-up',
      resolved: { user: null, channel, target, normalized: `${email ? 'email' : 'phone'}:${target}` },
      ttlSeconds: CHALLENGE_CODE_TTL_SECONDS,
      secret: 'code',
      pending: data as Prisma.InputJsonValue,
      message: (code) =>
        channel === 'EMAIL' ? { email: codeEmail(target, 'Confirm your email address', PURPOSE, code, minutes) } : { sms: codeSms(target, PURPOSE, code, minutes) },
    },
    request,
  );
  return { challengeId: answer.challengeId };
}

export async function finishSignUp(deps: Deps, input: { challengeId: string; code: string }, request: RequestInfo): Promise<TokenSet> {
  await deps.ipRateLimiter.consume('sign-up', request.ip);
  const challenge = await checkCode(deps, 'SIGN_UP', input.challengeId, input.code);
  const data = challenge.pending as unknown as Prisma.UserCreateInput;
  return createSignedUpUser(deps, data, request, ['pwd', 'otp'], async (tx, user) => {
    await consumeChallenge(deps, tx, challenge.id);
    await markAddressVerified(tx, user.id, challenge.channel, challenge.target);
  });
}
