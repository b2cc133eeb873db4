// What domain services need, injected once by createApp (no module singletons). What only the
// HTTP layer uses (authenticating a request, the validity cache) is HttpDeps in src/context.ts.
import type { WorkLimiter } from './auth/expensive-work.js';
import type { SecretBox } from '../auth/crypto.js';
import type { TokenService } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { EmailSender, SmsSender } from '../delivery/types.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Outages } from '../lib/availability/index.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../logger.js';
import type { IpRateLimiter } from './auth/ip-rate-limit.js';
import type { CredentialRegistry } from './credentials/registry.js';
import type { EventBus } from './events/bus.js';
import type { BreachedPasswordChecker } from './password-policy/breached-passwords.js';
import type { ProviderClient } from './social/provider-client.js';

export interface OwnWrites {
  committed(keys: readonly string[]): void;
}

export interface Deps {
  prisma: PrismaClient;
  config: Config;
  clock: Clock;
  tokens: TokenService;
  secrets: SecretBox;
  email: EmailSender;
  sms: SmsSender;
  logger: Logger;
  ipRateLimiter: IpRateLimiter;
  /** Per-account limit on fields that hash, send or call a provider (schema/expensive-fields.ts). */
  workLimiter: WorkLimiter;
  /**
   * This instance's validity cache, told right after a commit which cached facts it changed (the
   * keys the database's triggers announce: `session:<id>`, `user:<id>`), so a mutation that reports
   * its changes here need not wait for the change feed's echo before answering. Other instances
   * still hear of the change through the feed (docs/scale-out.md).
   */
  ownWrites: OwnWrites;
  /** After-commit event subscribers (src/domain/events). */
  events: EventBus;
  /** The registered credential kinds (src/domain/credentials/kinds.ts), built by createApp. */
  credentials: CredentialRegistry;
  /** Outages of the database and Redis: begun by whoever meets one, logged once, counted on /metrics. */
  outages: Outages;
  /** Social identity providers' protocol client (holds discovery and JWKS caches). */
  identityProviders: ProviderClient;
  /** The password policy's checkBreached lookup (a k-anonymity range API). */
  breachedPasswords: BreachedPasswordChecker;
}
