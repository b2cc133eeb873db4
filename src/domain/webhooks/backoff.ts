// Retry schedule: 6 attempts over about a day. The first two retries come within two minutes (a
// receiver restarting or deploying is back by then); later ones back off to hours. ±20% jitter
// spreads the retries of many deliveries that failed together (a receiver's outage).
export const MAX_ATTEMPTS = 6;
const DELAYS_SECONDS = [10, 60, 15 * 60, 2 * 3600, 20 * 3600];
const JITTER = 0.2;

/** The range the wait after attempt `attempts` falls in (seconds); null when it was the last. */
export function retryDelayBoundsSeconds(attempts: number): { min: number; max: number } | null {
  const base = DELAYS_SECONDS[attempts - 1];
  if (base === undefined || attempts >= MAX_ATTEMPTS) return null;
  return { min: base * (1 - JITTER), max: base * (1 + JITTER) };
}

/** Seconds to wait after attempt `attempts` failed (1-based); null when it was the last. */
export function retryDelaySeconds(attempts: number, random: () => number = Math.random): number | null {
  const bounds = retryDelayBoundsSeconds(attempts);
  return bounds && bounds.min + (bounds.max - bounds.min) * random();
}
