// The only reader of process.env. Parsed and validated once into a typed Config, before anything
// touches the database: every bad value is collected, and one ConfigError lists them all (the CLI
// prints one line per variable), so an operator fixes them in one go rather than one per start.
import path from 'node:path';
import { DEFAULT_PASSWORD_HASHING, type PasswordHashing } from './auth/password-hashing.js';

export interface ConfigProblem {
  variable: string;
  detail: string;
}

/** One or more bad settings. `variable` and the message start with the first; `problems` lists all. */
export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(variable: string, detail: string, more: ConfigProblem[] = []) {
    const problems = [{ variable, detail }, ...more];
    super(problems.map((p) => `${p.variable}: ${p.detail}`).join('; '));
    this.name = 'ConfigError';
    this.problems = problems;
  }

  get variable(): string {
    return this.problems[0]!.variable;
  }
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  issuer: string;
  audience: string;
  /** Undefined when embedded and not given: then it is generated into DATA_DIR. */
  secretKey: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  smsWebhookUrl: string | undefined;
  logLevel: LogLevel;
  production: boolean;
  graphiql: boolean;
  introspection: boolean;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  signUpEnabled: boolean;
  passwordMinLength: number;
  /** Issuer name shown by authenticator apps next to the account label. */
  totpIssuer: string;
  mfaChallengeMaxAttempts: number;
  mfaLockoutThreshold: number;
  mfaLockoutSeconds: number;
  signInLockoutThreshold: number;
  signInLockoutSeconds: number;
  trustProxy: boolean;
  /** METRICS_TOKEN: when set, GET /metrics needs `Authorization: Bearer <it>`; unset = public. */
  metricsToken: string | undefined;
  authRateLimitPerMinute: number;
  /** Runs of expensive fields (hash, send, provider) per minute per account or identifier and kind; 0 = off. */
  expensiveFieldLimitPerMinute: number;
  securityNotices: boolean;
  /** Webhook URLs may reach loopback, link-local and private addresses (SSRF guard off). */
  webhookAllowPrivate: boolean;
  webhookTimeoutMs: number;
  webhookPollIntervalMs: number;
  /** Sends webhooks from this instance (any number of instances may; each delivery goes out once). */
  webhookWorker: boolean;
  /** Redis for state shared by instances (rate limits); PostgreSQL serves when unset. */
  redisUrl: string | undefined;
  /** While the database is unreachable, warm reads answer from the validity cache this long (0: never). */
  degradedReadSeconds: number;
  /** PostgreSQL: a statement running longer is cancelled (server side, and given up client side soon after). */
  databaseStatementTimeoutMs: number;
  /** PostgreSQL: opening a pool connection gives up after this long. */
  databaseConnectTimeoutMs: number;
  /** Prefixes every Redis key, so several deployments (or test runs) can share one Redis. */
  redisKeyPrefix: string;
  /** CORS_ORIGINS: exact origins browsers may call from (besides ISSUER's); undefined = the default (lib/cors.ts). */
  corsOrigins: string[] | undefined;
  /** WebAuthn relying-party ID: a registrable domain every origin below is on. */
  webauthnRpId: string;
  /** Origins (scheme://host[:port]) whose passkey ceremonies are accepted. */
  webauthnOrigins: string[];
  /** Days between a deletion request and the purge (0: delete at once). */
  deletionGraceDays: number;
  /** How long a device trusted at the MFA step skips the second factor. */
  trustedDeviceDays: number;
  /** Default of the password policy's checkBreached (k-anonymity range API). */
  breachedPasswordCheck: boolean;
  /** The range API's base URL; `/<first 5 hex of SHA-1>` is appended. */
  breachedPasswordApi: string;
  breachedPasswordTimeoutMs: number;
  /** Runs the maintenance job (purge, clean-up) from this instance; one instance runs it at a time. */
  maintenanceWorker: boolean;
  maintenanceIntervalSeconds: number;
  /** argon2id cost of new password hashes: always OWASP's minimum from the environment (no variable lowers it). */
  passwordHashing: PasswordHashing;
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = str(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return raw;
}

/** Exact origins (scheme://host[:port]), normalised as browsers send them in `Origin`. */
function origins(env: Env, name: string): string[] | undefined {
  const raw = str(env, name);
  if (raw === undefined) return undefined;
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      if (item === '*') throw new ConfigError(name, 'lists exact origins; "*" is not allowed (credentials are sent)');
      let parsed: URL;
      try {
        parsed = new URL(item);
      } catch {
        throw new ConfigError(name, `"${item}" is not an origin like https://app.example.com`);
      }
      const bare = item.replace(/\/$/, '');
      if (!['http:', 'https:'].includes(parsed.protocol) || bare.toLowerCase() !== parsed.origin.toLowerCase()) {
        throw new ConfigError(name, `"${item}" is not an origin like https://app.example.com (scheme, host and port only)`);
      }
      return parsed.origin;
    });
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function loadConfig(env: Env = process.env): Config {
  const problems: ConfigError[] = [];
  // Runs one check; a bad value is recorded and its fallback used, so the other checks still run.
  const check = <T>(parse: () => T, fallback: T): T => {
    try {
      return parse();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(err);
      return fallback;
    }
  };
  const fail = (variable: string, detail: string) => problems.push(new ConfigError(variable, detail));

  const production = str(env, 'NODE_ENV') === 'production';
  const port = check(() => int(env, 'PORT', 4000, 0, 65535), 4000);
  const host = str(env, 'HOST') ?? '0.0.0.0';
  const databaseUrl = check(() => url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']), undefined);
  const dataDir = path.resolve(str(env, 'DATA_DIR') ?? './data');
  const issuer = (check(() => url(env, 'ISSUER', ['http:', 'https:']), undefined) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const secretKey = str(env, 'SECRET_KEY');
  if (secretKey !== undefined && secretKey.length < 32) fail('SECRET_KEY', 'must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  if (production && secretKey === undefined) fail('SECRET_KEY', 'is required when NODE_ENV=production (e.g. `openssl rand -base64 32`)');
  const adminEmail = str(env, 'ADMIN_EMAIL');
  const adminPassword = str(env, 'ADMIN_PASSWORD');
  if (adminEmail !== undefined && !EMAIL.test(adminEmail)) fail('ADMIN_EMAIL', 'must be an email address');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    fail(adminEmail === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD', 'ADMIN_EMAIL and ADMIN_PASSWORD go together');
  }
  const smtpUrl = check(() => url(env, 'SMTP_URL', ['smtp:', 'smtps:']), undefined);
  if (production && smtpUrl === undefined && str(env, 'SMTP_URL') === undefined) {
    fail('SMTP_URL', 'is required when NODE_ENV=production (codes would only be logged)');
  }
  const mailFrom = str(env, 'MAIL_FROM') ?? 'Account Service <no-reply@localhost>';
  // Optional even in production: without it, phone codes answer PHONE_DELIVERY_UNAVAILABLE.
  const smsWebhookUrl = check(() => url(env, 'SMS_WEBHOOK_URL', ['http:', 'https:']), undefined);
  let logLevel = (str(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
    logLevel = 'info';
  }
  const graphiql = check(() => bool(env, 'GRAPHIQL', !production), false);
  const { webauthnRpId, webauthnOrigins } = check(() => webauthn(env, issuer), { webauthnRpId: 'localhost', webauthnOrigins: [] as string[] });
  const config: Config = {
    port,
    host,
    databaseUrl,
    dataDir,
    issuer,
    audience: str(env, 'AUDIENCE') ?? issuer,
    secretKey,
    adminEmail: adminEmail?.toLowerCase(),
    adminPassword,
    smtpUrl,
    mailFrom,
    smsWebhookUrl,
    logLevel,
    production,
    graphiql,
    introspection: check(() => bool(env, 'INTROSPECTION', !production || graphiql), false),
    // Short-lived access tokens bound the damage of a leaked token; sessions are re-checked anyway.
    accessTokenTtlSeconds: check(() => int(env, 'ACCESS_TOKEN_TTL', 900, 60, 900), 900),
    refreshTokenTtlSeconds: check(() => int(env, 'REFRESH_TOKEN_TTL', 30 * 24 * 3600, 3600, 365 * 24 * 3600), 30 * 24 * 3600),
    signUpEnabled: check(() => bool(env, 'SIGN_UP_ENABLED', true), true),
    passwordMinLength: check(() => int(env, 'PASSWORD_MIN_LENGTH', 8, 8, 128), 8),
    totpIssuer: str(env, 'TOTP_ISSUER') ?? new URL(issuer).host,
    // MFA guessing: the attacker already holds the password and each guess hits ~3 of 10^6 codes
    // (one step of tolerance either side). 5 tries per challenge and a 15-minute lock after 10
    // failures across challenges cap guessing at ~1,000 tries a day (~0.3% daily success), and
    // every lock is audited so it gets noticed long before that adds up.
    mfaChallengeMaxAttempts: check(() => int(env, 'MFA_CHALLENGE_MAX_ATTEMPTS', 5, 1, 20), 5),
    mfaLockoutThreshold: check(() => int(env, 'MFA_LOCKOUT_THRESHOLD', 10, 1, 100), 10),
    mfaLockoutSeconds: check(() => int(env, 'MFA_LOCKOUT_SECONDS', 15 * 60, 1, 24 * 3600), 15 * 60),
    signInLockoutThreshold: check(() => int(env, 'SIGN_IN_LOCKOUT_THRESHOLD', 10, 1, 1000), 10),
    signInLockoutSeconds: check(() => int(env, 'SIGN_IN_LOCKOUT_SECONDS', 15 * 60, 1, 24 * 3600), 15 * 60),
    trustProxy: check(() => bool(env, 'TRUST_PROXY', false), false),
    metricsToken: check(() => metricsToken(env), undefined),
    // Per address and action (sign-in, sign-up, MFA step, /oauth/token): far above what one person
    // or an office behind one address needs, far below what credential stuffing needs.
    authRateLimitPerMinute: check(() => int(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 60, 0, 100_000), 60),
    // Per account (or sign-in identifier) and kind of work: the per-address limit alone lets many
    // addresses, or one signed-in caller, hash a password for one account without end.
    expensiveFieldLimitPerMinute: check(() => int(env, 'EXPENSIVE_FIELD_LIMIT_PER_MINUTE', 30, 0, 100_000), 30),
    securityNotices: check(() => bool(env, 'SECURITY_NOTICES', true), true),
    redisUrl: check(() => url(env, 'REDIS_URL', ['redis:', 'rediss:']), undefined),
    // Bounded because a revocation made elsewhere cannot reach this instance while the database is
    // unreachable for it (docs/scale-out.md, "When the database is unreachable").
    degradedReadSeconds: check(() => int(env, 'DEGRADED_READ_SECONDS', 10, 0, 300), 10),
    // No request the service makes needs more than a fraction of a second; 10 s frees a hung
    // database's connections long before clients give up, and leaves slack for a loaded machine.
    databaseStatementTimeoutMs: check(() => int(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 10_000, 100, 600_000), 10_000),
    // A reachable PostgreSQL accepts in milliseconds; 5 s rides out a brief network stall, then fails fast.
    databaseConnectTimeoutMs: check(() => int(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5_000, 100, 60_000), 5_000),
    webhookAllowPrivate: check(() => bool(env, 'WEBHOOK_ALLOW_PRIVATE', false), false),
    // Per attempt: a receiver should answer at once and do its work later; a slow one is retried.
    webhookTimeoutMs: check(() => int(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000), 10_000),
    webhookPollIntervalMs: check(() => int(env, 'WEBHOOK_POLL_INTERVAL_MS', 1000, 50, 60_000), 1000),
    webhookWorker: check(() => bool(env, 'WEBHOOK_WORKER', true), true),
    redisKeyPrefix: str(env, 'REDIS_KEY_PREFIX') ?? 'acct:',
    corsOrigins: check(() => origins(env, 'CORS_ORIGINS'), undefined),
    webauthnRpId,
    webauthnOrigins,
    deletionGraceDays: check(() => int(env, 'DELETION_GRACE_DAYS', 30, 0, 365), 30),
    trustedDeviceDays: check(() => int(env, 'TRUSTED_DEVICE_DAYS', 30, 1, 365), 30),
    breachedPasswordCheck: check(() => bool(env, 'BREACHED_PASSWORD_CHECK', false), false),
    breachedPasswordApi: (check(() => url(env, 'BREACHED_PASSWORD_API', ['http:', 'https:']), undefined) ?? 'https://api.pwnedpasswords.com/range').replace(/\/+$/, ''),
    // A password change waits for it: short, and an unanswered check never blocks the change (fail open).
    breachedPasswordTimeoutMs: check(() => int(env, 'BREACHED_PASSWORD_TIMEOUT_MS', 2000, 100, 30_000), 2000),
    maintenanceWorker: check(() => bool(env, 'MAINTENANCE_WORKER', true), true),
    maintenanceIntervalSeconds: check(() => int(env, 'MAINTENANCE_INTERVAL_SECONDS', 300, 1, 24 * 3600), 300),
    passwordHashing: DEFAULT_PASSWORD_HASHING,
  };
  if (problems.length) {
    const [first, ...rest] = problems.flatMap((p) => p.problems);
    throw new ConfigError(first!.variable, first!.detail, rest);
  }
  return config;
}

/** A shared secret for scrapers: long enough not to be guessed, and sendable in a header. */
function metricsToken(env: Env): string | undefined {
  const token = str(env, 'METRICS_TOKEN');
  if (token === undefined) return undefined;
  if (token.length < 16) throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters (e.g. openssl rand -hex 32)');
  if (!/^[\x21-\x7e]+$/.test(token)) throw new ConfigError('METRICS_TOKEN', 'must be printable ASCII without spaces');
  return token;
}

/** WEBAUTHN_RP_ID / WEBAUTHN_ORIGINS, by default the host and origin of ISSUER. */
function webauthn(env: Env, issuer: string): { webauthnRpId: string; webauthnOrigins: string[] } {
  const rpId = (str(env, 'WEBAUTHN_RP_ID') ?? new URL(issuer).hostname).toLowerCase();
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(rpId)) {
    throw new ConfigError('WEBAUTHN_RP_ID', `must be a domain name (no scheme or port), got "${rpId}"`);
  }
  const raw = str(env, 'WEBAUTHN_ORIGINS');
  const origins = (raw ? raw.split(',').map((o) => o.trim()).filter(Boolean) : [new URL(issuer).origin]).map((origin) => {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError('WEBAUTHN_ORIGINS', `"${origin}" is not a URL`);
    }
    if (!['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin.replace(/\/+$/, '')) {
      throw new ConfigError('WEBAUTHN_ORIGINS', `"${origin}" must be an origin such as https://example.com`);
    }
    // Browsers refuse an RP ID that is not the origin's host or a parent domain of it.
    if (parsed.hostname !== rpId && !parsed.hostname.endsWith(`.${rpId}`)) {
      throw new ConfigError('WEBAUTHN_ORIGINS', `"${origin}" is not on the RP ID ${rpId}`);
    }
    return parsed.origin;
  });
  if (origins.length === 0) throw new ConfigError('WEBAUTHN_ORIGINS', 'must name at least one origin');
  return { webauthnRpId: rpId, webauthnOrigins: origins };
}
