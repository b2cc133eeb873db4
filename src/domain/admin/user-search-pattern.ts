// Which part of a search term probes the trigram index. pg_trgm's GIN scan decodes the posting
// list of every trigram of the term around each candidate row, so a trigram that most rows
// contain ("per" of "person4242@", "use" of "user00123": 90% of a million users) costs ~20 ms of
// decoding per probe while ruling out almost nothing. The probe therefore uses the substring of
// the term whose trigrams are cheap and still selective ("on4242@", "00123"), judged by the
// trigram frequencies ANALYZE keeps in the extended statistics on show_trgm("searchText"). Any
// substring of the term matches a superset of the rows, and the whole term stays the filter, so
// the result is the same whichever part probes; only the cost differs.
import { Prisma } from '../../generated/prisma/client.js';
import type { Deps } from '../deps.js';

type Db = Pick<Deps['prisma'], '$queryRaw'>;

export interface TrigramStats {
  /** Share of users whose searchText holds the trigram (most common trigrams only). */
  freq: Map<string, number>;
  /** Assumed share for a trigram missing from the list (rarer than every listed one). */
  floor: number;
}

// Statistics move slowly (autovacuum's ANALYZE); one read per process every few minutes.
const STATS_TTL_MS = 5 * 60_000;
const statsCache = new WeakMap<object, { at: number; stats: Promise<TrigramStats | null> }>();

async function readTrigramStats(db: Db): Promise<TrigramStats | null> {
  const rows = await db.$queryRaw<{ trigram: string; freq: number }[]>(Prisma.sql`
    SELECT u.trigram, u.freq FROM pg_stats_ext_exprs s,
      unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(trigram, freq)
    WHERE s.statistics_name = 'User_searchText_trigrams' AND s.schemaname = current_schema() AND u.trigram IS NOT NULL`);
  if (!rows.length) return null;
  const freq = new Map(rows.map((r) => [r.trigram, Number(r.freq)]));
  return { freq, floor: Math.min(...freq.values()) };
}

/** The trigram frequencies, or null before the table was ever analyzed (then the whole term probes). */
export function trigramStats(db: Db, now = Date.now()): Promise<TrigramStats | null> {
  const hit = statsCache.get(db);
  if (hit && now - hit.at < STATS_TTL_MS) return hit.stats;
  const stats = readTrigramStats(db).catch(() => null);
  statsCache.set(db, { at: now, stats });
  return stats;
}

/** The trigrams pg_trgm's index probe takes from LIKE '%s%' (s lower-case ASCII). */
export function probeTrigrams(s: string): string[] {
  const out = new Set<string>();
  for (const m of s.matchAll(/[a-z0-9]+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    // A word starts (two blanks) or ends (one blank) where a non-word character borders it
    // inside s; at either end of s the % leaves it open.
    const padded = (start > 0 ? '  ' : '') + m[0] + (end < s.length ? ' ' : '');
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return [...out];
}

// Cost in "decoded posting entries per user": a probe decodes about Σ share of its trigrams'
// lists, and each candidate row it yields costs a heap visit and a recheck, about RECHECK_COST
// decoded entries. Candidates are estimated between the rarest trigram's share (adjacent trigrams
// are strongly correlated) and the product of all shares (independent).
const RECHECK_COST = 300;
const MAX_WINDOW = 32;
// Longer terms are rare and already selective; splitting them would cost more than it saves.
const MAX_SPLIT_TERM = 128;

function probeCost(trigrams: string[], stats: TrigramStats): number {
  const shares = trigrams.map((t) => stats.freq.get(t) ?? stats.floor);
  const sum = shares.reduce((a, b) => a + b, 0);
  const product = shares.reduce((a, b) => a * b, 1);
  return sum + RECHECK_COST * Math.sqrt(Math.min(...shares) * product);
}

/**
 * The substring of term (trimmed) to probe the index with, or null to probe with the whole
 * term. Only printable ASCII terms are split: their lower() is per character in every locale, so
 * lower(part) is a part of lower(term).
 */
export function probeSubstring(term: string, stats: TrigramStats | null): string | null {
  if (!stats || term.length > MAX_SPLIT_TERM || !/^[\x20-\x7e]+$/.test(term)) return null;
  const lower = term.toLowerCase();
  const whole = probeTrigrams(lower);
  if (!whole.length) return null;
  let best: { start: number; end: number; cost: number } | null = null;
  // Splitting must at least halve the cost: shaving a rare trigram off saves nothing real.
  const wholeCost = probeCost(whole, stats) / 2;
  for (let start = 0; start < lower.length; start++) {
    for (let end = start + 3; end <= Math.min(lower.length, start + MAX_WINDOW); end++) {
      if (start === 0 && end === lower.length) continue;
      const trigrams = probeTrigrams(lower.slice(start, end));
      if (!trigrams.length) continue;
      const cost = probeCost(trigrams, stats);
      if (cost < (best?.cost ?? wholeCost)) best = { start, end, cost };
    }
  }
  return best ? term.slice(best.start, best.end) : null;
}
