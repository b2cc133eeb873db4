// Request -> Viewer. Bearer JWTs are verified, then their session and user are re-checked on every
// request, so suspension, revocation, deletion and demotion take effect immediately: from the
// validity cache when warm (no database read; every change of those facts invalidates it, on
// every instance), else with one joined read that refills it.
// `Bearer pat_…` is a personal access token: self-service only, never admin scopes; one minted by
// someone else than its owner counts as that someone acting for the user (viewer.ts `impersonator`).
// While the database is unreachable, a cold read that fails may be answered from the frozen cache
// within the degraded-read bound (see validity-cache.ts); otherwise the failure goes up as it is
// and the request answers SERVICE_UNAVAILABLE.
import { GraphQLError } from 'graphql';
import { userColumns } from '../db/user-columns.js';
import type { PrismaClient, User } from '../generated/prisma/client.js';
import { type Outages, unavailableDependency } from '../lib/availability/index.js';
import type { Clock } from '../lib/clock.js';
import { sha256 } from './crypto.js';
import { lookupMachineClient } from './machine-client-lookup.js';
import { type AdminScope, isAdminScope, parseScope, scopesForRoles } from './scope-names.js';
import { accessTokenKind } from './token-kinds.js';
import type { TokenService } from './tokens.js';
import type { CachedPat, CachedSession, ValidityCache } from './validity-cache.js';
import { ANONYMOUS, type Impersonator, patMinter, type Viewer } from './viewer.js';

// Activity timestamps are written at most this often per session/token, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

export function unauthenticated(message = 'Authentication required: the token is missing, invalid, expired or revoked'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export class Authenticator {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    private readonly cache: ValidityCache,
    private readonly outages?: Outages,
  ) {}

  /** `err` from a cold read: the frozen answer when the database is unreachable and one is allowed, else rethrown. */
  private duringOutage<T>(err: unknown, frozen: () => T | undefined, countRequest: boolean): T {
    if (unavailableDependency(err) !== 'database') throw err;
    this.outages?.failed('database', err);
    const answer = frozen();
    if (answer === undefined) throw err;
    if (countRequest) this.outages?.servedDegraded();
    return answer;
  }

  async authenticate(authorization: string | null): Promise<Viewer> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw unauthenticated('Malformed Authorization header: expected "Bearer <token>"');
    const token = match[1];
    return token.startsWith('pat_') ? this.fromPersonalAccessToken(token) : this.fromJwt(token);
  }

  private async fromJwt(token: string): Promise<Viewer> {
    let claims: Awaited<ReturnType<TokenService['verifyAccessToken']>>;
    try {
      claims = await this.tokens.verifyAccessToken(token);
    } catch {
      throw unauthenticated();
    }
    const now = this.clock.now();
    const requested = parseScope(claims.scope).filter(isAdminScope);
    const kind = accessTokenKind(claims);
    if (!kind) throw unauthenticated();
    if (kind === 'client') {
      const client = await lookupMachineClient(this.prisma, this.cache, claims.client_id!);
      if (!client) throw unauthenticated();
      const granted = new Set(client.scopes);
      return {
        kind: 'client',
        clientId: client.clientId,
        machineClientId: client.id,
        scopes: new Set(requested.filter((s) => granted.has(s))),
      };
    }
    if (!claims.sid) throw unauthenticated();
    const { session, user } = await this.sessionAndUser(claims.sid);
    if (!session || !user || session.userId !== claims.sub || session.revokedAt || session.expiresAt <= now || user.isSuspended) {
      throw unauthenticated();
    }
    // An impersonation token lives only as long as its admin (or machine client) may impersonate.
    const impersonator = claims.act ? await this.liveImpersonator(claims.act.sub) : undefined;
    if (impersonator === null) throw unauthenticated();
    // Activity is written at most once a minute per session (and instance), never awaited.
    if (now.getTime() - session.lastActiveAt.getTime() > TOUCH_INTERVAL_MS) {
      this.cache.touchedSession(claims.sid, now);
      void this.prisma.session.update({ where: { id: claims.sid }, data: { lastActiveAt: now } }).catch(() => {});
    }
    // A token keeps only the admin scopes the user's current roles still grant: demotion is immediate.
    const entitled = new Set<AdminScope>(scopesForRoles(user.roles));
    return {
      kind: 'user',
      userId: claims.sub,
      sessionId: claims.sid,
      personalAccessTokenId: null,
      via: 'jwt',
      scopes: new Set(claims.act ? [] : requested.filter((s) => entitled.has(s))),
      impersonator,
      user,
    };
  }

  private async sessionAndUser(sid: string): Promise<{ session?: CachedSession; user?: User }> {
    const cached = this.cache.session(sid);
    const cachedUser = cached && this.cache.user(cached.userId);
    if (cached && cachedUser) return { session: cached, user: cachedUser };
    const ticket = this.cache.ticket();
    // One raw query (a join) for the session and its user: the cold path, taken by the first request
    // after any change of the user (the Prisma equivalent cost a query compilation each time).
    let row: { session: CachedSession; user: User } | undefined;
    try {
      const rows = await this.prisma.$queryRaw<(User & { __userId: string; __revokedAt: Date | null; __expiresAt: Date; __lastActiveAt: Date })[]>`
        SELECT s."userId" AS "__userId", s."revokedAt" AS "__revokedAt", s."expiresAt" AS "__expiresAt",
          s."lastActiveAt" AS "__lastActiveAt", ${userColumns('u')}
        FROM "Session" s JOIN "User" u ON u.id = s."userId"
        WHERE s.id = ${sid}`;
      const first = rows[0];
      if (first) {
        const { __userId: userId, __revokedAt: revokedAt, __expiresAt: expiresAt, __lastActiveAt: lastActiveAt, ...user } = first;
        row = { session: { userId, revokedAt, expiresAt, lastActiveAt }, user };
      }
    } catch (err) {
      return this.duringOutage(err, () => this.cache.degradedSession(sid), true);
    }
    if (!row) return {};
    const { user, session } = row;
    this.cache.storeSession(ticket, sid, session, user);
    return { session, user };
  }

  private async userById(id: string): Promise<User | null> {
    const cached = this.cache.user(id);
    if (cached) return cached;
    const ticket = this.cache.ticket();
    let user: User | null;
    try {
      user = await this.prisma.user.findUnique({ where: { id } });
    } catch (err) {
      return this.duringOutage(err, () => this.cache.degradedUser(id), false);
    }
    if (user) this.cache.storeUser(ticket, user);
    return user;
  }

  /** `act.sub` is an admin's user id or a machine client's client id; null once it may no longer impersonate. */
  private async liveImpersonator(actorSub: string): Promise<Impersonator | null> {
    const admin = await this.userById(actorSub);
    if (admin) return !admin.isSuspended && scopesForRoles(admin.roles).includes('admin:users:impersonate') ? { id: actorSub, type: 'user' } : null;
    const client = await lookupMachineClient(this.prisma, this.cache, actorSub);
    return client?.scopes.includes('admin:users:impersonate') ? { id: client.id, type: 'client' } : null;
  }

  private async fromPersonalAccessToken(token: string): Promise<Viewer> {
    const tokenHash = sha256(token);
    const { pat, user } = await this.patAndUser(tokenHash);
    const now = this.clock.now();
    if (!pat || !user || pat.userId !== user.id || (pat.expiresAt && pat.expiresAt <= now) || user.isSuspended) throw unauthenticated();
    if (!pat.lastUsedAt || now.getTime() - pat.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      this.cache.touchedPat(tokenHash, now);
      void this.prisma.personalAccessToken.update({ where: { id: pat.id }, data: { lastUsedAt: now } }).catch(() => {});
    }
    // A token an admin (or machine client) minted for the user acts like an impersonation token.
    const impersonator = patMinter(pat);
    return { kind: 'user', userId: pat.userId, sessionId: null, personalAccessTokenId: pat.id, via: 'pat', scopes: new Set(), user, ...(impersonator ? { impersonator } : {}) };
  }

  private async patAndUser(tokenHash: string): Promise<{ pat?: CachedPat; user?: User }> {
    const cached = this.cache.pat(tokenHash);
    const cachedUser = cached && this.cache.user(cached.userId);
    if (cached && cachedUser) return { pat: cached, user: cachedUser };
    const ticket = this.cache.ticket();
    let row;
    try {
      row = await this.prisma.personalAccessToken.findUnique({
        where: { tokenHash },
        relationLoadStrategy: 'join',
        select: { id: true, userId: true, createdBy: true, expiresAt: true, lastUsedAt: true, user: true },
      });
    } catch (err) {
      return this.duringOutage(err, () => this.cache.degradedPat(tokenHash), true);
    }
    if (!row) return {};
    const { user, ...pat } = row;
    this.cache.storePat(ticket, tokenHash, pat, user);
    return { pat, user };
  }
}
