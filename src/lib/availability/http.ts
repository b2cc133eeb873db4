// SERVICE_UNAVAILABLE on the wire: a top-level GraphQL error (HTTP 503 with Retry-After) in place of
// the masked internal error an unreachable dependency would otherwise become, the same 503 on the
// plain routes, and one count per refused request.
import { GraphQLError } from 'graphql';
import { maskError, type Plugin } from 'graphql-yoga';
import type { Outages } from './outages.js';
import { RETRY_AFTER_SECONDS } from './outages.js';
import { type Dependency, unavailableDependency } from './unavailable.js';

const RETRY_AFTER = { 'retry-after': String(RETRY_AFTER_SECONDS) };

const MESSAGES: Record<Dependency, string> = {
  database: 'The service cannot reach its database right now; retry shortly',
  redis: 'The service cannot reach Redis, which this operation needs, right now; retry shortly',
};

export function serviceUnavailableError(dependency: Dependency): GraphQLError {
  return new GraphQLError(MESSAGES[dependency], {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: RETRY_AFTER } },
  });
}

/** yoga's maskError, except that an unreachable dependency becomes SERVICE_UNAVAILABLE (and begins an outage). */
export function maskErrorsExceptUnavailable(outages: Outages): typeof maskError {
  return (error, message, isDev) => {
    const dependency = unavailableDependency(error);
    if (!dependency) return maskError(error, message, isDev);
    outages.failed(dependency, error);
    const masked = serviceUnavailableError(dependency);
    if (error instanceof GraphQLError && error.path) {
      return new GraphQLError(masked.message, { path: error.path, nodes: error.nodes, extensions: masked.extensions });
    }
    return masked;
  };
}

/** A plain route's failure: the 503 answer when a dependency is unreachable, else undefined. */
export function unavailableRouteResponse(outages: Outages, error: unknown, pathname: string): Response | undefined {
  const dependency = unavailableDependency(error);
  if (!dependency) return undefined;
  outages.failed(dependency, error);
  // RFC 6749 has `temporarily_unavailable` for this; the other routes answer with our error code.
  const body = pathname.startsWith('/oauth/')
    ? { error: 'temporarily_unavailable', error_description: MESSAGES[dependency] }
    : { code: 'SERVICE_UNAVAILABLE', message: MESSAGES[dependency] };
  return new Response(JSON.stringify(body), {
    status: 503,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...RETRY_AFTER },
  });
}

/** Counts every 503 that carries Retry-After (ours: /readyz's 503 has none), once per request. */
export function useCountRefusals(outages: Outages): Plugin {
  return {
    onResponse({ response }) {
      if (response.status === 503 && response.headers.has('retry-after')) outages.refused();
    },
  };
}
