// Magic links: a single-use token, 15 minutes, sent as `redirectUri?token=…` where redirectUri is
// on SIGN_IN_REDIRECT_ORIGINS (default: ISSUER's origin), so a link can never carry the token to a
// site an attacker chose. The token is stored as an HMAC; the page at redirectUri hands it to
// finishLinkSignIn. Same no-enumeration and rate-limit rules as codes (challenges/).
import type { RequestInfo } from '../../audit/audit.service.js';
import type { MfaChallengeResult, TokenSet } from '../../auth/token-set.js';
import type { Deps } from '../../deps.js';
import { AppError, invalidInput } from '../../errors.js';
import { withEvents } from '../../events/collector.js';
import { normalizeEmail } from '../../users/identifiers.js';
import { resolveIdentifier, secretDigest, startChallenge } from '../challenges/challenges.js';
import { linkEmail } from '../challenges/messages.js';
import { markAddressVerified } from '../challenges/verified-address.js';
import { completeFirstStep } from '../sign-in-completion.js';
import { assertSignInMethod } from '../sign-in-methods/sign-in-methods.service.js';
import { magicLinkKind } from './magic-link.kind.js';

// Long enough to open the mail on another device, short enough to limit a forwarded link's use.
export const MAGIC_LINK_TTL_SECONDS = 15 * 60;

function allowedRedirect(deps: Deps, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidInput('redirectUri', 'redirectUri must be an absolute URL');
  }
  if (!deps.config.signInRedirectOrigins.includes(url.origin) || url.username || url.password) {
    throw invalidInput('redirectUri', 'redirectUri is not on this service\'s allowed sign-in redirect origins (SIGN_IN_REDIRECT_ORIGINS)');
  }
  url.searchParams.delete('token');
  url.hash = '';
  return url.toString();
}

export async function startLinkSignIn(deps: Deps, input: { email: string; redirectUri: string }, request: RequestInfo): Promise<{ expiresAt: Date }> {
  await assertSignInMethod(deps, 'magicLink');
  const redirectUri = allowedRedirect(deps, input.redirectUri);
  const resolved = await resolveIdentifier(deps, normalizeEmail(input.email, 'email'), 'email');
  const answer = await startChallenge(
    deps,
    {
      purpose: 'MAGIC_LINK',
      rateLimit: 'link-sign-in',
      resolved,
      ttlSeconds: MAGIC_LINK_TTL_SECONDS,
      secret: 'link',
      redirectUri,
      message: (token) => {
        const link = new URL(redirectUri);
        link.searchParams.set('token', token);
        return { email: linkEmail(resolved.target!, link.toString(), MAGIC_LINK_TTL_SECONDS / 60) };
      },
    },
    request,
  );
  return { expiresAt: answer.expiresAt };
}

export async function finishLinkSignIn(deps: Deps, input: { token: string }, request: RequestInfo): Promise<TokenSet | MfaChallengeResult> {
  await deps.ipRateLimiter.consume('link-sign-in', request.ip);
  await assertSignInMethod(deps, 'magicLink');
  const token = input.token.trim();
  if (!/^sil_[\w-]{20,200}$/.test(token)) throw invalidInput('token', 'Not a sign-in link token');
  const now = deps.clock.now();
  const row = await deps.prisma.signInChallenge.findFirst({ where: { purpose: 'MAGIC_LINK', secretHash: secretDigest(deps, 'MAGIC_LINK', token) } });
  if (!row || row.consumedAt || !row.userId) throw new AppError('VERIFICATION_NOT_FOUND', 'This sign-in link is not valid or was already used; ask for a new one', ['token']);
  if (row.expiresAt <= now) throw new AppError('CODE_EXPIRED', 'This sign-in link has expired; ask for a new one', ['token']);
  const user = await withEvents(deps, { actorId: row.userId, actorType: 'user' }, request, async (tx) => {
    // Single use, also against a racing second click: only one update finds it unspent.
    const spent = await tx.signInChallenge.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: now } });
    if (spent.count !== 1) throw new AppError('VERIFICATION_NOT_FOUND', 'This sign-in link is not valid or was already used; ask for a new one', ['token']);
    await markAddressVerified(tx, row.userId!, row.channel, row.target);
    return tx.user.findUniqueOrThrow({ where: { id: row.userId! } });
  });
  return completeFirstStep(deps, user, magicLinkKind, request);
}
