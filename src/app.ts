// createApp(config, deps) -> a graphql-yoga instance that also serves the plain routes (health,
// discovery, JWKS, metrics). Tests import this and call `app.fetch`; only server.ts listens.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { getOperationAST } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { Authenticator } from './auth/authenticate.js';
import { WorkLimiter } from './domain/auth/expensive-work.js';
import { IpRateLimiter, type RateLimitStore } from './domain/auth/ip-rate-limit.js';
import { SecretBox } from './auth/crypto.js';
import { TokenService } from './auth/tokens.js';
import { INVALIDATION_CHANNEL, ValidityCache } from './auth/validity-cache.js';
import type { Config } from './config.js';
import { type Context, createContext, type HttpDeps } from './context.js';
import type { Database } from './db/client.js';
import { createEmailSender, createSmsSender } from './delivery/index.js';
import type { AccountCenterSettings } from './domain/account-center/account-center.service.js';
import { CREDENTIAL_KINDS } from './domain/credentials/kinds.js';
import { CredentialRegistry } from './domain/credentials/registry.js';
import type { Deps } from './domain/deps.js';
import { EventBus } from './domain/events/bus.js';
import { subscribeSecurityNotices } from './domain/notifications/security-notices.js';
import { subscribeLifecycleNotices } from './domain/lifecycle/lifecycle-notices.js';
import { MaintenanceJob } from './domain/lifecycle/maintenance.js';
import { BreachedPasswordChecker } from './domain/password-policy/breached-passwords.js';
import { WebhookDispatcher } from './domain/webhooks/dispatcher.js';
import { registerWebhookMetrics } from './domain/webhooks/webhook-metrics.js';
import { ProviderClient } from './domain/social/provider-client.js';
import { maskErrorsExceptUnavailable, Outages, registerOutageMetrics, unavailableDependency, useCountRefusals } from './lib/availability/index.js';
import { useRequestBodyCap } from './lib/body-limit.js';
import { corsOriginPolicy, useCorsAllowList } from './lib/cors.js';
import { type Clock, systemClock } from './lib/clock.js';
import { useMalformedParamsAreBadRequests } from './lib/request-params.js';
import { useVariablesDepthLimit } from './lib/json-limits.js';
import { useRejectUnstorableStrings } from './lib/unstorable-strings.js';
import { graphiqlOptions, renderOfflineGraphiQL, useGraphiqlCsp } from './graphiql.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { SecurityStream } from './live/security-stream.js';
import { catchRouteFailures, createRoutes } from './routes.js';
import { accountPageDeviceToken } from './account-page/device-cookie.js';
import { schema } from './schema/index.js';
import { settlesOwnWrites } from './schema/own-writes.js';
import { auditMintedTokenUse } from './domain/tokens/minted-token-use.js';

export interface AppOptions {
  config: Config;
  db: Database;
  /** Required: the resolved SECRET_KEY (see secret-key.ts). */
  secretKey: string;
  clock?: Clock;
  logger?: Logger;
}

export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  fetch: (request: Request | string, init?: RequestInit) => Promise<Response>;
  deps: Deps;
  /** What only the HTTP layer uses: authenticating a request, the validity cache. */
  http: HttpDeps;
  webhooks: WebhookDispatcher;
  /** The maintenance job (purge, clean-up): started unless MAINTENANCE_WORKER=false; tests call runOnce. */
  maintenance: MaintenanceJob;
  /** Stops background work (webhook sending, live streams, the change feed, Redis); the database is the caller's to close. */
  close(): Promise<void>;
}

const GRAPHQL_MAX_BODY_BYTES = 256 * 1024;
const GRAPHQL_ENDPOINT = '/graphql';

type ServerContext = { req?: { socket?: { remoteAddress?: string } } };

export async function createApp(options: AppOptions): Promise<App> {
  const { config, db } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const secrets = new SecretBox(options.secretKey);
  const tokens = new TokenService(db.prisma, secrets, clock, config.issuer, config.audience);
  await tokens.init();
  const metrics = createMetrics();
  const outages = new Outages(logger, registerOutageMetrics(metrics.registry));
  outages.setProbe('database', () => db.ping());
  const feed = await db.openChangeFeed(INVALIDATION_CHANNEL, logger);
  const degradedReadMs = config.degradedReadSeconds * 1000;
  const validity = new ValidityCache<AccountCenterSettings>(feed, {
    allowedSince: () => {
      const since = outages.since('database');
      return since !== null && degradedReadMs > 0 && Date.now() - since <= degradedReadMs ? since : null;
    },
  });
  outages.onRecovered((dependency) => {
    if (dependency === 'database') validity.dropFrozen();
  });
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false })
    : null;
  // Logged by the rate limiter's fallback; without a listener ioredis would print every retry.
  redis?.on('error', (err) => logger.debug({ err }, 'redis error'));
  if (redis && !(await redisReady(redis, 5_000))) {
    logger.warn('REDIS_URL does not answer yet: rate limits count per instance until it does');
  }
  if (config.production && !config.trustProxy && config.authRateLimitPerMinute > 0) {
    logger.warn(
      'TRUST_PROXY is not set: requests from loopback are never rate limited, so behind a reverse proxy on this host every per-address limit is off; set TRUST_PROXY=true there',
    );
  }
  const rateLimitStore: RateLimitStore = redis
    ? { kind: 'redis', client: redis, keyPrefix: config.redisKeyPrefix }
    : db.pool
      ? { kind: 'postgres', pool: db.pool }
      : { kind: 'memory' };
  const deps: Deps = {
    prisma: db.prisma,
    config,
    clock,
    tokens,
    secrets,
    email: createEmailSender(config, logger),
    sms: createSmsSender(config, logger),
    logger,
    ipRateLimiter: new IpRateLimiter(config.authRateLimitPerMinute, metrics.rateLimited, rateLimitStore),
    workLimiter: new WorkLimiter(config.expensiveFieldLimitPerMinute, metrics.expensiveRateLimited, rateLimitStore),
    events: new EventBus(logger),
    ownWrites: { committed: (keys) => keys.forEach((key) => validity.invalidate(key)) },
    outages,
    credentials: new CredentialRegistry(CREDENTIAL_KINDS),
    identityProviders: new ProviderClient({ config, secrets, logger }),
    breachedPasswords: new BreachedPasswordChecker({
      api: config.breachedPasswordApi,
      timeoutMs: config.breachedPasswordTimeoutMs,
      logger,
      registry: metrics.registry,
    }),
  };
  const http: HttpDeps = { validity, authenticator: new Authenticator(db.prisma, tokens, clock, validity, outages) };
  subscribeSecurityNotices(deps);
  subscribeLifecycleNotices(deps);
  const maintenance = new MaintenanceJob(deps);
  if (config.maintenanceWorker) maintenance.start();
  const webhooks = new WebhookDispatcher(deps, registerWebhookMetrics(metrics.registry, deps));
  deps.events.subscribe('webhooks', (_events, { deliveries }) => {
    if (deliveries > 0) webhooks.poke();
  });
  if (config.webhookWorker) webhooks.start();
  const live = new SecurityStream(config, logger, outages);
  live.attach(deps);
  const routes = catchRouteFailures(logger, createRoutes(deps, http, db, metrics), outages);

  // The client's address. Behind a trusted proxy it is the last X-Forwarded-For entry, the one the
  // proxy appended: earlier entries come from the client and could be forged to dodge rate limits.
  const clientIp = (request: Request, server: ServerContext | undefined): string | null => {
    const forwarded = config.trustProxy ? request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
    return forwarded || server?.req?.socket?.remoteAddress || null;
  };

  const routesPlugin: Plugin<Record<string, unknown>, ServerContext> = {
    async onRequest({ request, url, endResponse, serverContext }) {
      // No route lives at the GraphQL endpoint: its requests skip the route table.
      if (url.pathname === GRAPHQL_ENDPOINT) return;
      const response = await routes(request, url, clientIp(request, serverContext));
      if (response) endResponse(response);
    },
  };

  // RFC 6750 §3: a refused bearer request names the scheme and the reason, so OAuth client
  // libraries can tell a dead token (refresh or sign in again) from a missing scope.
  const bearerChallengePlugin: Plugin = {
    onResponse({ request, response }) {
      // The status first: parsing the URL is the costly part, and most responses are 200.
      if ((response.status !== 401 && response.status !== 403) || response.headers.has('www-authenticate')) return;
      if (new URL(request.url).pathname !== GRAPHQL_ENDPOINT) return;
      if (response.status === 401) {
        response.headers.set('www-authenticate', request.headers.get('authorization') ? 'Bearer error="invalid_token"' : 'Bearer');
      } else if (response.status === 403) {
        response.headers.set('www-authenticate', 'Bearer error="insufficient_scope"');
      }
    },
  };

  // Read your own writes: a mutation answers only once the invalidations its commits caused have
  // reached this instance's cache, so the caller's next request cannot meet a stale entry.
  const readYourWritesPlugin: Plugin = {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      if (settlesOwnWrites(args.schema, args.document)) return;
      setExecuteFn(async (executeArgs) => {
        const result = await executeFn(executeArgs);
        await feed.sync();
        return result;
      });
    },
  };

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    landingPage: false,
    // Replaced by useCorsAllowList: yoga's default reflects any origin with credentials.
    cors: false,
    // Replaced by useRequestBodyCap below, which drains a refused body instead of cutting the connection.
    maxRequestBodySize: false,
    graphiql: config.graphiql ? graphiqlOptions('Account service') : false,
    // Served from npm packages (graphiql.ts), not yoga's CDN page.
    renderGraphiQL: renderOfflineGraphiQL,
    // Never leak internals (stack, SQL, Prisma messages), in any environment. An unreachable
    // database or Redis is no internal error: it answers SERVICE_UNAVAILABLE (503, Retry-After).
    maskedErrors: { isDev: false, maskError: maskErrorsExceptUnavailable(outages) },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      // An unreachable dependency is logged once per outage (Outages), not once per request.
      error: (...args) => {
        if (!unavailableDependency(args[0])) logger.error({ err: args[0] }, 'graphql error');
      },
    },
    plugins: [
      // First, so preflights are answered before any route and every response gets its headers.
      useCorsAllowList(corsOriginPolicy(config)),
      routesPlugin,
      useCountRefusals(outages),
      bearerChallengePlugin,
      readYourWritesPlugin,
      useGraphiqlCsp(GRAPHQL_ENDPOINT),
      // No operation needs more than customData's 16 KiB plus a query document (yoga's default: 25 MB).
      useRequestBodyCap(GRAPHQL_MAX_BODY_BYTES),
      useMalformedParamsAreBadRequests(),
      useVariablesDepthLimit(),
      metrics.yogaPlugin,
      useRejectUnstorableStrings(),
      EnvelopArmorPlugin({
        // Introspection fields are exempt (GraphiQL needs them); everything else is capped.
        maxDepth: { n: 12 },
        costLimit: { maxCost: 20000 },
        // allowList emptied: by default aliases of __typename are not counted, and 500 of them were answered.
        maxAliases: { n: 30, allowList: [] },
        maxDirectives: { n: 50 },
        maxTokens: { n: 5000 },
        blockFieldSuggestion: { enabled: config.production },
      }),
      ...(config.introspection ? [] : [useDisableIntrospection()]),
    ],
    context: async ({ request, req }) => {
      const viewer = await http.authenticator.authenticate(request.headers.get('authorization'));
      const info = { ip: clientIp(request, { req }), userAgent: request.headers.get('user-agent') };
      await auditMintedTokenUse(deps, viewer, info);
      return createContext(deps, http, viewer, { ...info, deviceToken: accountPageDeviceToken(request) }, live);
    },
  });

  return {
    yoga: yoga as never,
    fetch: (request, init) => Promise.resolve(yoga.fetch(request as never, init as never)),
    deps,
    http,
    webhooks,
    maintenance,
    async close() {
      await Promise.all([webhooks.stop(), live.close(), maintenance.stop()]);
      await feed.close();
      outages.close();
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Until Redis is ready the rate limiter counts locally (commands are not queued), so wait a little. */
function redisReady(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
