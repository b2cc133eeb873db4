// Sign-in with a password (docs/api.md#signing-in): the password kind's first step. What follows a right
// credential (suspension, MFA challenge, session) is the seam's completeFirstStep. One
// INVALID_CREDENTIALS answer for an unknown identifier and a wrong password alike, with the same cost (a dummy argon2 check), so nothing reveals whether an
// account exists. The password is checked before suspension/MFA are revealed.
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '../../auth/passwords.js';
import type { User } from '../../generated/prisma/client.js';
import type { RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { completeFirstStep } from '../credentials/sign-in-completion.js';
import { passwordKind } from '../credentials/password/password.kind.js';
import { AppError, invalidCredentials } from '../errors.js';
import { classifyIdentifier } from '../users/identifiers.js';
import { refuseUntilPasswordChanged } from '../lifecycle/new-sign-in.service.js';
import { claimUnknownIdentifierAttempt } from './unknown-identifier-lockout.js';
import type { MfaChallengeResult, TokenSet } from './token-set.js';
import { assertSignInMethod, signInMethodDisabled } from '../credentials/sign-in-methods/sign-in-methods.service.js';
import { openPasswordSession, readSignInAttempt } from './password-sign-in-statements.js';

// The lockout is shared by every kind that checks a password (credentials/lockout.ts).
import { claimPasswordAttempt, recordFailedSignIn, releasePasswordAttempt } from '../credentials/lockout.js';
export { claimPasswordAttempt, recordFailedSignIn, releasePasswordAttempt };

// Kept importable from here for first steps written before the credential seam (use completeFirstStep).
export { createMfaChallenge, MFA_CHALLENGE_TTL_SECONDS } from '../credentials/sign-in-completion.js';

const accountLocked = () => new AppError('ACCOUNT_LOCKED', 'Too many failed sign-in attempts: try again later');

export async function findUserByIdentifier(deps: Deps, identifier: string): Promise<User | null> {
  const id = classifyIdentifier(identifier);
  if (!id) return null;
  const where = id.kind === 'email' ? { primaryEmail: id.value } : id.kind === 'phone' ? { primaryPhone: id.value } : { username: id.value };
  return deps.prisma.user.findUnique({ where });
}

export async function signIn(
  deps: Deps,
  input: { identifier: string; password: string; deviceToken?: string | null },
  request: RequestInfo,
): Promise<TokenSet | MfaChallengeResult> {
  await deps.ipRateLimiter.consume('sign-in', request.ip);
  const id = classifyIdentifier(input.identifier);
  // One statement reads the account and claims the lockout attempt (password-sign-in-statements.ts).
  const attempt = id ? await readSignInAttempt(deps, id, request) : null;
  if (!attempt) await assertSignInMethod(deps, 'password');
  else if (!attempt.methodOn) throw signInMethodDisabled('password');
  const found = attempt?.user;
  if (!found) {
    // Locked out and counted like an account, so the answers cannot tell the two apart.
    if (!(await claimUnknownIdentifierAttempt(deps, input.identifier))) throw accountLocked();
    await burnPasswordCheck(input.password, deps.config.passwordHashing);
    throw invalidCredentials();
  }
  if (found.locked) throw accountLocked();
  if (!found.claimed) {
    // The threshold is taken by attempts still in flight (or by a failure whose lock was never written).
    await recordFailedSignIn(deps, found.id, request);
    throw accountLocked();
  }
  const ok = await verifyPassword(found.passwordAlgorithm, found.passwordHash, input.password);
  if (!ok) {
    await recordFailedSignIn(deps, found.id, request, 'password');
    throw invalidCredentials();
  }
  const deviceToken = input.deviceToken ?? request.deviceToken;
  const usual =
    found.plain &&
    found.placeSeen &&
    !deviceToken &&
    deps.credentials.challengeFactors(found.factors).length === 0 &&
    !needsRehash(found.passwordAlgorithm, found.passwordHash, deps.config.passwordHashing);
  // The usual case, one statement: the session, the attempt given back and the audit row.
  if (usual) return openPasswordSession(deps, found, request);

  await releasePasswordAttempt(deps, found.id);
  const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: found.id } });
  refuseUntilPasswordChanged(user);
  if (!user.isSuspended && needsRehash(found.passwordAlgorithm, found.passwordHash, deps.config.passwordHashing)) {
    // Imported (or outdated) digests become argon2id on the first successful sign-in.
    await deps.prisma.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(input.password, deps.config.passwordHashing), passwordAlgorithm: 'ARGON2ID' },
    });
  }
  // A trusted device (docs/account-lifecycle.md) may skip the second factor of a password sign-in only.
  return completeFirstStep(deps, user, passwordKind, request, {}, { deviceToken });
}
