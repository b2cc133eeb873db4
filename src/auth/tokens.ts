// Access tokens: ES256 JWTs (RFC 9068 `at+jwt`) signed with a key stored encrypted in the
// database and published at /.well-known/jwks.json. Verification pins the algorithm, issuer and
// audience, so `alg: none`, HS256-with-the-public-key and foreign keys are all refused.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, type JWTPayload, SignJWT } from 'jose';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from '../lib/clock.js';
import type { SecretBox } from './crypto.js';

const ALG = 'ES256';
const KEY_PURPOSE = 'signing-key';
// A kid we have never seen triggers at most one reload per this many ms (keys rotated by another instance).
const RELOAD_INTERVAL_MS = 5_000;
// Keys are re-read at least this often, so a rotation or retirement made by the CLI or another
// instance reaches every running instance within a minute.
const REFRESH_INTERVAL_MS = 60_000;
// Verified access tokens remembered (oldest evicted first): bounded memory, ~2 KB each.
const VERIFIED_CACHE_SIZE = 10_000;

export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  sid?: string;
  scope: string;
  act?: { sub: string };
  client_id?: string;
}

interface LoadedKey {
  kid: string;
  publicJwk: JWK;
  publicKey: CryptoKey;
  privateKey?: CryptoKey;
}

export class TokenService {
  private keys = new Map<string, LoadedKey>();
  private active?: LoadedKey;
  private lastReload = 0;
  private readonly verified = new Map<string, { claims: AccessTokenClaims; exp?: number; kid: string }>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    readonly issuer: string,
    readonly audience: string,
  ) {}

  /** Loads the signing keys, generating the first one when the database has none. */
  async init(): Promise<void> {
    await this.reload();
    if (!this.active) {
      await this.rotate();
    }
  }

  /**
   * Creates a new signing key and makes it the active one. Older keys stay published, so tokens
   * they signed keep verifying until retireSuperseded drops them.
   */
  async rotate(): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
    const privateJwk = await exportJWK(privateKey);
    await this.prisma.signingKey.create({
      data: {
        kid,
        alg: ALG,
        publicJwk: publicJwk as object,
        privateJwkEncrypted: this.secrets.encrypt(KEY_PURPOSE, JSON.stringify(privateJwk)),
        createdAt: this.clock.now(),
      },
    });
    await this.reload();
    return kid;
  }

  /**
   * Retires every key that was superseded longer ago than the longest token lifetime: no token it
   * signed can still be valid, so it leaves the JWKS and is no longer trusted. Returns their kids.
   */
  async retireSuperseded(maxTokenLifetimeSeconds: number): Promise<string[]> {
    const rows = await this.prisma.signingKey.findMany({ where: { retiredAt: null }, orderBy: { createdAt: 'asc' }, select: { kid: true, createdAt: true } });
    const now = this.clock.now();
    const expired = rows.slice(0, -1).filter((_, i) => rows[i + 1]!.createdAt.getTime() + maxTokenLifetimeSeconds * 1000 <= now.getTime());
    const kids = expired.map((row) => row.kid);
    if (kids.length) {
      await this.prisma.signingKey.updateMany({ where: { kid: { in: kids } }, data: { retiredAt: now } });
      await this.reload();
    }
    return kids;
  }

  /** Starts a reload in the background when the keys are stale: no request waits for it. */
  private refreshIfStale(): void {
    if (Date.now() - this.lastReload <= REFRESH_INTERVAL_MS) return;
    this.reload().catch(() => {
      this.lastReload = 0; // try again on the next request
    });
  }

  private async reload(): Promise<void> {
    this.lastReload = Date.now();
    const rows = await this.prisma.signingKey.findMany({ where: { retiredAt: null }, orderBy: { createdAt: 'asc' } });
    const next = new Map<string, LoadedKey>();
    for (const row of rows) {
      const existing = this.keys.get(row.kid);
      if (existing?.privateKey) {
        next.set(row.kid, existing);
        continue;
      }
      const publicJwk = row.publicJwk as JWK;
      const privateJwk = JSON.parse(this.secrets.decrypt(KEY_PURPOSE, row.privateJwkEncrypted)) as JWK;
      next.set(row.kid, {
        kid: row.kid,
        publicJwk,
        publicKey: (await importJWK(publicJwk, ALG)) as CryptoKey,
        privateKey: (await importJWK(privateJwk, ALG)) as CryptoKey,
      });
    }
    this.keys = next;
    // The newest key signs: every instance converges on it after a rotation.
    this.active = [...next.values()].at(-1);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [...this.keys.values()].map((k) => k.publicJwk) };
  }

  async signAccessToken(claims: Omit<AccessTokenClaims, 'iss' | 'aud' | 'iat' | 'exp' | 'jti'>, ttlSeconds: number): Promise<string> {
    this.refreshIfStale();
    const key = this.active;
    if (!key?.privateKey) throw new Error('no signing key loaded');
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'at+jwt' })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .setJti(randomUUID())
      .sign(key.privateKey);
  }

  /** Verifies signature, algorithm, issuer, audience and expiry; throws on any failure. */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    // A token string whose signature already verified cannot verify differently later, so the
    // ECDSA check is skipped for it; expiry is still checked against the clock on every use.
    this.refreshIfStale();
    const cached = this.verified.get(token);
    if (cached) {
      if ((cached.exp ?? 0) * 1000 > this.clock.now().getTime() && this.keys.has(cached.kid)) return cached.claims;
      this.verified.delete(token);
    }
    const { payload, protectedHeader } = await jwtVerify<AccessTokenClaims>(
      token,
      async (header) => {
        const kid = header.kid ?? '';
        let key = this.keys.get(kid);
        if (!key && Date.now() - this.lastReload > RELOAD_INTERVAL_MS) {
          await this.reload();
          key = this.keys.get(kid);
        }
        if (!key) throw new Error('unknown key id');
        return key.publicKey;
      },
      {
        algorithms: [ALG],
        issuer: this.issuer,
        audience: this.audience,
        typ: 'at+jwt',
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
      },
    );
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { claims: payload, exp: payload.exp, kid: protectedHeader.kid ?? '' });
    return payload;
  }
}
