// Sign-in with a social identity provider (docs/social.md): startSocialSignIn hands out the provider's
// authorization URL; finishSocialSignIn spends the state, exchanges the code, and signs in the
// account the identity is linked to, links it to the account holding its email (only when the
// provider is trusted for email and says the email is verified), or creates a new account (when
// sign-up is enabled). Every write of one outcome is one transaction: a failure leaves nothing.
import type { IdentityProvider, User } from '../../generated/prisma/client.js';
import type { RequestInfo } from '../audit/audit.service.js';
import { socialIdentityKind } from '../credentials/kinds/social-identity.kind.js';
import { accountSuspended, createMfaChallenge } from '../credentials/sign-in-completion.js';
import type { MfaChallengeResult, TokenSet } from '../auth/token-set.js';
import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation } from '../errors.js';
import { withEvents } from '../events/collector.js';
import { openSession } from '../sessions/sessions.service.js';
import { beginAuthorization, finishAuthorization, type SocialAuthorization, validateRedirectUri } from './auth-state.js';
import { identityColumns } from './identity-data.js';
import { classifyProviderError, type ProviderResult } from './provider-client.js';
import { findProvider } from './providers.service.js';

const SIGN_IN_STEP = socialIdentityKind.signIn!;


export async function startAuthorization(
  deps: Deps,
  provider: IdentityProvider,
  purpose: 'SIGN_IN' | 'LINK' | 'VERIFY',
  redirectUri: string,
  userId: string | null,
): Promise<SocialAuthorization> {
  const uri = validateRedirectUri(deps, redirectUri);
  try {
    return await beginAuthorization(deps, provider, purpose, uri, userId);
  } catch (err) {
    throw classifyProviderError(provider.key, err);
  }
}

export async function startSocialSignIn(deps: Deps, input: { provider: string; redirectUri: string }, request: RequestInfo): Promise<SocialAuthorization> {
  await deps.ipRateLimiter.consume('sign-in', request.ip);
  const provider = await findProvider(deps, input.provider);
  return startAuthorization(deps, provider, 'SIGN_IN', input.redirectUri, null);
}

type Resolution = { user: User; created: boolean; linked: boolean };

const SELF = (userId: string) => ({ actorId: userId, actorType: 'user' as const });

/**
 * The account this identity signs in to, writing the identity (new, linked or refreshed) and, when
 * no MFA follows, the session, all in one transaction.
 */
async function resolveAndSignIn(
  deps: Deps,
  provider: IdentityProvider,
  result: ProviderResult,
  request: RequestInfo,
): Promise<{ resolution: Resolution; tokens: TokenSet | null }> {
  const { profile } = result;
  const now = deps.clock.now();
  const columns = identityColumns(deps, result);
  // Each event names its own actor (the account signed in to, known only once resolved).
  return withEvents(deps, { actorId: null, actorType: 'user' }, request, async (tx, ev) => {
    let resolution: Resolution;
    const findIdentity = () =>
      tx.userIdentity.findUnique({ where: { providerId_subject: { providerId: provider.id, subject: profile.subject } }, include: { user: true } });
    let identity = await findIdentity();
    const holder = !identity && profile.email ? await tx.user.findUnique({ where: { primaryEmail: profile.email } }) : null;
    // A concurrent first sign-in of this identity may have committed between the two reads: then
    // the holder is its account, and the identity is there now.
    if (holder) identity = await findIdentity();
    if (identity) {
      await tx.userIdentity.update({ where: { id: identity.id }, data: { ...columns, lastSignInAt: now } });
      resolution = { user: identity.user, created: false, linked: false };
    } else {
      if (holder) {
        // Never a silent takeover: only a provider trusted for email, vouching for it, links, and
        // only to an account whose holder proved the address too. An unproven address may have
        // been typed by anyone at sign-up; linking would hand its holder the owner's identity.
        if (!provider.trustEmail || !profile.emailVerified || !holder.emailVerified) {
          const vouched = provider.trustEmail && profile.emailVerified;
          throw new AppError(
            'IDENTIFIER_IN_USE',
            `An account with this email already exists. If it is yours, sign in to it (with its password or ` +
              `another way you set up) and link ${provider.name} from the account page` +
              (vouched ? `, or verify the email address there with a code: then signing in with ${provider.name} links it.` : '.'),
            ['email'],
          );
        }
        const linked = await tx.userIdentity.create({
          data: { ...columns, userId: holder.id, providerId: provider.id, subject: profile.subject, linkedAt: now, lastSignInAt: now },
        });
        // Its subscriber sends the identity_linked notice: the owner hears of a link they did not ask for.
        ev.emit('identity.linked', {
          userId: holder.id,
          actor: SELF(holder.id),
          audit: 'user.identity.link',
          data: { user: { id: holder.id }, provider: provider.key, identityId: linked.id, subject: profile.subject, via: 'trusted_email' },
          details: { provider: provider.key, subject: profile.subject, via: 'trusted_email' },
        });
        resolution = { user: holder, created: false, linked: true };
      } else {
        if (!deps.config.signUpEnabled) throw new AppError('SIGN_UP_DISABLED', 'Self sign-up is disabled on this service');
        const user = await tx.user.create({
          data: {
            // The provider's email becomes the account's only when the provider verified it, and
            // counts as proven to this service only when the provider is trusted for email.
            primaryEmail: profile.emailVerified ? profile.email : null,
            emailVerified: Boolean(profile.emailVerified && profile.email && provider.trustEmail),
            name: profile.name,
            avatar: profile.avatar,
            createdAt: now,
          },
        });
        await tx.userIdentity.create({
          data: { ...columns, userId: user.id, providerId: provider.id, subject: profile.subject, linkedAt: now, lastSignInAt: now },
        });
        ev.emit('user.created', {
          userId: user.id,
          actor: SELF(user.id),
          audit: 'user.sign_up',
          data: {
            user: { id: user.id },
            username: user.username,
            primaryEmail: user.primaryEmail,
            primaryPhone: user.primaryPhone,
            roles: user.roles,
            via: 'sign_up',
            method: 'social',
            provider: provider.key,
          },
          details: { method: 'social', provider: provider.key, subject: profile.subject },
        });
        resolution = { user, created: true, linked: false };
      }
    }
    const { user } = resolution;
    if (user.isSuspended) throw accountSuspended();
    const enrolled = await tx.mfaFactor.findMany({ where: { userId: user.id }, select: { type: true } });
    if (deps.credentials.challengeFactors(enrolled.map((f) => f.type)).length > 0) {
      if (user.mfaLockedUntil && user.mfaLockedUntil > now) throw new AppError('ACCOUNT_LOCKED', 'Too many wrong MFA codes: try again later');
      return { resolution, tokens: null };
    }
    const tokens = await openSession(deps, tx, user, request, [...SIGN_IN_STEP.amr]);
    ev.emit('user.signed_in', {
      userId: user.id,
      actor: SELF(user.id),
      audit: 'user.sign_in',
      data: { user: { id: user.id }, sessionId: tokens.sessionId, method: socialIdentityKind.key, provider: provider.key },
      details: { method: socialIdentityKind.key, provider: provider.key },
    });
    return { resolution, tokens };
  });
}

export async function finishSocialSignIn(
  deps: Deps,
  input: { state: string; code: string; iss?: string | null },
  request: RequestInfo,
): Promise<TokenSet | MfaChallengeResult> {
  await deps.ipRateLimiter.consume('sign-in', request.ip);
  const { provider, result } = await finishAuthorization(deps, input, 'SIGN_IN');
  let outcome: Awaited<ReturnType<typeof resolveAndSignIn>>;
  try {
    outcome = await resolveAndSignIn(deps, provider, result, request);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // A concurrent first sign-in of the same identity (or email) won the race: resolve again,
    // which now finds what it wrote. A second collision is a real one.
    try {
      outcome = await resolveAndSignIn(deps, provider, result, request);
    } catch (again) {
      if (isUniqueViolation(again)) throw new AppError('IDENTIFIER_IN_USE', 'This identity or email is used by another account', ['email']);
      throw again;
    }
  }
  const { resolution, tokens } = outcome;
  if (tokens) return tokens;
  // MFA: the identity is linked and refreshed (the provider proved it); the session waits for the
  // second factor through verifySignIn, as after a password.
  const enrolled = await deps.prisma.mfaFactor.findMany({ where: { userId: resolution.user.id }, select: { type: true } });
  return createMfaChallenge(deps, resolution.user.id, deps.credentials.challengeFactors(enrolled.map((f) => f.type)), request, SIGN_IN_STEP.amr);
}
