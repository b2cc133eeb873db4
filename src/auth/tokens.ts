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
// A kid we have never seen (a key another instance just created) triggers a reload at once, but at
// most one per this many ms: a flood of tokens with made-up kids costs the database one read a
// second, and a genuine new kid waits at most this long.
const UNKNOWN_KID_RELOAD_INTERVAL_MS = 1_000;
// Serializes first-key creation across instances starting together on one database.
const FIRST_KEY_LOCK_ID = 72707370;
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
  private lastUnknownKidReload = 0;
  private unknownKidReload?: Promise<void>;
  private readonly verified = new Map<string, { claims: AccessTokenClaims; exp?: number; kid: string }>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    readonly issuer: string,
    readonly audience: string,
  ) {}

  /**
   * Loads the signing keys, generating the first one when the database has none. Instances that
   * start together on an empty database must agree on one key (else each refuses the others'
   * tokens), so the check-and-create runs under a transaction-scoped advisory lock.
   */
  async init(): Promise<void> {
    await this.reload();
    if (this.active) return;
    const row = await this.newKeyRow();
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', FIRST_KEY_LOCK_ID);
      if ((await tx.signingKey.count({ where: { retiredAt: null } })) === 0) await tx.signingKey.create({ data: row });
    });
    await this.reload();
  }

  /**
   * Creates a new signing key and makes it the active one. Older keys stay published, so tokens
   * they signed keep verifying until retireSuperseded drops them.
   */
  async rotate(): Promise<string> {
    const row = await this.newKeyRow();
    await this.prisma.signingKey.create({ data: row });
    await this.reload();
    return row.kid;
  }

  private async newKeyRow() {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
    const privateJwk = await exportJWK(privateKey);
    return {
      kid,
      alg: ALG,
      publicJwk: publicJwk as object,
      privateJwkEncrypted: this.secrets.encrypt(KEY_PURPOSE, JSON.stringify(privateJwk)),
      createdAt: this.clock.now(),
    };
  }

  /** Reloads for a kid we do not know; concurrent callers share one reload, at most one a second. */
  private reloadForUnknownKid(): Promise<void> {
    this.unknownKidReload ??= (async () => {
      const wait = this.lastUnknownKidReload + UNKNOWN_KID_RELOAD_INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.lastUnknownKidReload = Date.now();
      try {
        await this.reload();
      } finally {
        this.unknownKidReload = undefined;
      }
    })();
    return this.unknownKidReload;
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
        if (!key) {
          await this.reloadForUnknownKid();
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
