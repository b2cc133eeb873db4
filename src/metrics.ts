// Prometheus metrics: default process metrics, GraphQL request counts and latency, rate-limit refusals.
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { passwordHashOperations } from './auth/passwords.js';

export interface Metrics {
  registry: Registry;
  yogaPlugin: Plugin;
  /** Attempts refused by the per-address limit, by action: a rising count is an attack in progress. */
  rateLimited: Counter<'action'>;
  /** Expensive fields refused by the per-account limit, by kind of work (hash, send, provider). */
  expensiveRateLimited: Counter<'kind'>;
}

// Operation names come from clients: each distinct one is a time series kept forever, so only the
// first MAX_OPERATION_LABELS names get their own (64 characters at most); later ones count as "other".
const MAX_OPERATION_LABELS = 200;

export function createMetrics(): Metrics {
  const seenOperations = new Set<string>();
  const operationLabel = (name: string): string => {
    const label = name.slice(0, 64);
    if (seenOperations.has(label)) return label;
    if (seenOperations.size >= MAX_OPERATION_LABELS) return 'other';
    seenOperations.add(label);
    return label;
  };
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations executed, by operation name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL operation latency',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const yogaPlugin: Plugin = {
    onExecute({ args }) {
      const started = process.hrtime.bigint();
      const operation = operationLabel(getOperationAST(args.document, args.operationName)?.name?.value ?? 'anonymous');
      return {
        onExecuteDone({ result }) {
          const failed = 'errors' in result && Array.isArray(result.errors) && result.errors.length > 0;
          requests.inc({ operation, outcome: failed ? 'error' : 'ok' });
          duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
  const rateLimited = new Counter({
    name: 'auth_rate_limited_total',
    help: 'Sign-in, sign-up, MFA and token requests refused by the per-address rate limit',
    labelNames: ['action'] as const,
    registers: [registry],
  });
  const expensiveRateLimited = new Counter({
    name: 'expensive_field_rate_limited_total',
    help: 'Password, message and provider operations refused by the per-account limit',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  new Counter({
    name: 'password_hash_operations_total',
    help: 'Slow password hashes and checks (argon2, bcrypt) computed by this process',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(passwordHashOperations());
    },
  });
  return { registry, yogaPlugin, rateLimited, expensiveRateLimited };
}
