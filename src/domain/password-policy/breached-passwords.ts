// The breached-password check (docs/password-policy.md): a k-anonymity range API in the form of
// Have I Been Pwned's. Only the first five hex characters of the password's SHA-1 leave the
// service; the API answers every suffix it knows under that prefix as `SUFFIX:COUNT` lines, and
// the match is made here. Fail open: an unreachable, slow or confused API never blocks a password
// change; it is logged and counted (breached_password_checks_total{outcome="unavailable"}).
import { createHash } from 'node:crypto';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '../../logger.js';

export type BreachOutcome = 'breached' | 'not_breached' | 'unavailable';

export class BreachedPasswordChecker {
  private readonly checks: Counter<'outcome'>;

  constructor(
    private readonly options: { api: string; timeoutMs: number; logger: Logger; registry: Registry },
  ) {
    this.checks = new Counter({
      name: 'breached_password_checks_total',
      help: 'Breached-password checks by outcome: breached, not_breached, or unavailable (the range API did not answer; the password was accepted)',
      labelNames: ['outcome'] as const,
      registers: [options.registry],
    });
  }

  async check(password: string): Promise<BreachOutcome> {
    const digest = createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
    const prefix = digest.slice(0, 5);
    const suffix = digest.slice(5);
    let outcome: BreachOutcome;
    try {
      const response = await fetch(`${this.options.api}/${prefix}`, {
        // Padding hides, from someone watching the traffic, how many suffixes the prefix has.
        headers: { 'add-padding': 'true', 'user-agent': 'account-service-breached-password-check/1' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'error',
      });
      if (!response.ok) throw new Error(`the range API answered HTTP ${response.status}`);
      const body = await response.text();
      outcome = body.split('\n').some((line) => {
        const [candidate, count] = line.trim().split(':');
        // Padding lines have a count of 0.
        return candidate?.toUpperCase() === suffix && Number(count) > 0;
      })
        ? 'breached'
        : 'not_breached';
    } catch (err) {
      this.options.logger.warn({ err: { message: (err as Error).message }, api: this.options.api }, 'breached-password check unavailable: password accepted unchecked');
      outcome = 'unavailable';
    }
    this.checks.inc({ outcome });
    return outcome;
  }
}
