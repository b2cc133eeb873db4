// What domain services need, injected once by createApp (no module singletons).
import type { Authenticator } from '../auth/authenticate.js';
import type { IpRateLimiter } from '../auth/ip-rate-limit.js';
import type { SecretBox } from '../auth/crypto.js';
import type { TokenService } from '../auth/tokens.js';
import type { ValidityCache } from '../auth/validity-cache.js';
import type { Config } from '../config.js';
import type { EmailSender, SmsSender } from '../delivery/types.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from '../lib/clock.js';
import type { Logger } from '../logger.js';
import type { EventBus } from './events/bus.js';
import type { BreachedPasswordChecker } from './password-policy/breached-passwords.js';
import type { ProviderClient } from './social/provider-client.js';

export interface Deps {
  prisma: PrismaClient;
  config: Config;
  clock: Clock;
  tokens: TokenService;
  authenticator: Authenticator;
  secrets: SecretBox;
  email: EmailSender;
  sms: SmsSender;
  logger: Logger;
  ipRateLimiter: IpRateLimiter;
  /** After-commit event subscribers (src/domain/events). */
  events: EventBus;
  /** Session/user/account-center validity, invalidated through the database's change feed. */
  validity: ValidityCache;
  /** Social identity providers' protocol client (holds discovery and JWKS caches). */
  identityProviders: ProviderClient;
  /** The password policy's checkBreached lookup (a k-anonymity range API). */
  breachedPasswords: BreachedPasswordChecker;
}
