// Dependency outages: telling an unreachable database or Redis from a bug, and living through it
// (503 SERVICE_UNAVAILABLE with Retry-After, one log line per outage, metrics, bounded degraded reads).
export { DependencyUnavailableError, type Dependency, unavailableDependency } from './unavailable.js';
export { type OutageMetrics, Outages, registerOutageMetrics, RETRY_AFTER_SECONDS } from './outages.js';
export { maskErrorsExceptUnavailable, serviceUnavailableError, unavailableRouteResponse, useCountRefusals } from './http.js';
