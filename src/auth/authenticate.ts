// Request -> Viewer. Bearer JWTs are verified, then their session and user are re-checked on every
// request (one indexed read), so suspension, revocation and deletion take effect immediately.
// `Bearer pat_…` is a personal access token: self-service only, never admin scopes.
import { GraphQLError } from 'graphql';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from '../lib/clock.js';
import { sha256 } from './crypto.js';
import { type AdminScope, isAdminScope, parseScope, scopesForRoles } from './scope-names.js';
import { accessTokenKind } from './token-kinds.js';
import type { TokenService } from './tokens.js';
import { ANONYMOUS, type Impersonator, type Viewer } from './viewer.js';

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
  ) {}

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
      const client = await this.prisma.machineClient.findUnique({ where: { clientId: claims.client_id! } });
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
    // One query (a join) for the session and its user: the hot path of every authenticated request.
    const session = await this.prisma.session.findUnique({
      where: { id: claims.sid },
      relationLoadStrategy: 'join',
      select: { userId: true, revokedAt: true, expiresAt: true, lastActiveAt: true, user: true },
    });
    if (!session || session.userId !== claims.sub || session.revokedAt || session.expiresAt <= now || session.user.isSuspended) {
      throw unauthenticated();
    }
    // An impersonation token lives only as long as its admin (or machine client) may impersonate.
    const impersonator = claims.act ? await this.liveImpersonator(claims.act.sub) : undefined;
    if (impersonator === null) throw unauthenticated();
    if (now.getTime() - session.lastActiveAt.getTime() > TOUCH_INTERVAL_MS) {
      void this.prisma.session.update({ where: { id: claims.sid }, data: { lastActiveAt: now } }).catch(() => {});
    }
    // A token keeps only the admin scopes the user's current roles still grant: demotion is immediate.
    const entitled = new Set<AdminScope>(scopesForRoles(session.user.roles));
    return {
      kind: 'user',
      userId: claims.sub,
      sessionId: claims.sid,
      via: 'jwt',
      scopes: new Set(claims.act ? [] : requested.filter((s) => entitled.has(s))),
      impersonator,
      user: session.user,
    };
  }

  /** `act.sub` is an admin's user id or a machine client's client id; null once it may no longer impersonate. */
  private async liveImpersonator(actorSub: string): Promise<Impersonator | null> {
    const admin = await this.prisma.user.findUnique({ where: { id: actorSub }, select: { isSuspended: true, roles: true } });
    if (admin) return !admin.isSuspended && scopesForRoles(admin.roles).includes('admin:users:impersonate') ? { id: actorSub, type: 'user' } : null;
    const client = await this.prisma.machineClient.findUnique({ where: { clientId: actorSub }, select: { id: true, scopes: true } });
    return client?.scopes.includes('admin:users:impersonate') ? { id: client.id, type: 'client' } : null;
  }

  private async fromPersonalAccessToken(token: string): Promise<Viewer> {
    const row = await this.prisma.personalAccessToken.findUnique({
      where: { tokenHash: sha256(token) },
      relationLoadStrategy: 'join',
      select: { id: true, userId: true, expiresAt: true, lastUsedAt: true, user: true },
    });
    const now = this.clock.now();
    if (!row || (row.expiresAt && row.expiresAt <= now) || row.user.isSuspended) throw unauthenticated();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      void this.prisma.personalAccessToken.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => {});
    }
    return { kind: 'user', userId: row.userId, sessionId: null, via: 'pat', scopes: new Set(), user: row.user };
  }
}
