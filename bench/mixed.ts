// Benchmark 7: memory under a mixed load, on PostgreSQL. The built service (its own process) gets
// 50 connections for BENCH_SECONDS (default 150): 90 % the account page's `me` (sessions(first: 5)
// with totalCount), 10 % me.updateProfile(input: {name}) spread over 20 users. The server's
// resident set (VmRSS from /proc/<pid>/status) is sampled every second: it should stay flat (no
// growth over the run) and at most 256 MiB. Prints req/s, p99, errors and RSS min/max/last; writes
// bench/results/mixed.json with every sample.
// Usage: npm run bench:mixed   (BENCH_SECONDS=20 for a short probe). Linux only (/proc).
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { createPostgresDatabase } from './database.js';
import { writeResults } from './results.js';
import { spawnService } from './server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 150);
const CONNECTIONS = 50;
const WRITERS = 20;
const RSS_LIMIT_MIB = 256;
const PAGE_ME = '{ me { id name primaryEmail sessions(first: 5) { totalCount edges { node { id current } } } } }';
const UPDATE = 'mutation($name: String!) { me { updateProfile(input: { name: $name }) { __typename ... on User { name } ... on Error { code } } } }';

/** The process's resident set in MiB, or null once it is gone. */
function rssMiB(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** The process's CPU time so far (user + system) in ms: per request it says what the work costs, whatever the machine's load. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function main() {
  const pgdb = await createPostgresDatabase('mixed');
  const service = await spawnService({ DATABASE_URL: pgdb.url });
  const pid = service.child.pid!;
  try {
    const writers: string[] = [];
    for (let i = 0; i < WRITERS; i++) writers.push(await service.userToken(`mixed-writer-${i}@example.com`));
    const reader = await service.userToken('mixed-reader@example.com');
    // Correctness before load: both documents answer what they should.
    if (!(await service.post(PAGE_ME, reader)).data.me.sessions.edges.length) throw new Error('page me: no sessions');
    if ((await service.post(UPDATE, writers[0], { name: 'check' })).data.me.updateProfile.name !== 'check') throw new Error('updateProfile failed');

    const rssAtStart = rssMiB(pid)!;
    const cpuAtStart = cpuMs(pid);
    const samples: { second: number; rssMiB: number }[] = [];
    const started = Date.now();
    const sampler = setInterval(() => {
      const rss = rssMiB(pid);
      if (rss !== null) samples.push({ second: Math.round((Date.now() - started) / 1000), rssMiB: Number(rss.toFixed(1)) });
    }, 1000);

    // One request in ten is a write: the request list is nine reads then one write, per connection.
    let n = 0;
    let wrongAnswers = 0;
    const read = { method: 'POST' as const, headers: { 'content-type': 'application/json', authorization: `Bearer ${reader}` }, body: JSON.stringify({ query: PAGE_ME }) };
    const write: autocannon.Request = {
      method: 'POST',
      setupRequest: (req) => {
        const i = n++;
        return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${writers[i % WRITERS]}` }, body: JSON.stringify({ query: UPDATE, variables: { name: `n${i}` } }) };
      },
      onResponse: (_status, body) => {
        if (JSON.parse(body).data?.me?.updateProfile?.__typename !== 'User') wrongAnswers++;
      },
    };
    const result = await autocannon({
      url: `${service.url}/graphql`,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [...Array.from({ length: 9 }, () => read), write],
    });
    clearInterval(sampler);
    const cpuPerRequestMs = (cpuMs(pid) - cpuAtStart) / Math.max(1, result.requests.total);

    const rss = samples.map((s) => s.rssMiB);
    const tenth = Math.max(1, Math.floor(rss.length / 10));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const summary = {
      connections: CONNECTIONS,
      seconds: SECONDS,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      timeouts: result.timeouts,
      wrongUpdateAnswers: wrongAnswers,
      serverCpuPerRequestMs: Number(cpuPerRequestMs.toFixed(2)),
      rssMiB: {
        atStart: Number(rssAtStart.toFixed(1)),
        min: Math.min(...rss),
        max: Math.max(...rss),
        last: rss.at(-1)!,
        // Flat: the last tenth of the run against the second tenth (the first is warm-up).
        firstTenthMean: Number(mean(rss.slice(tenth, 2 * tenth)).toFixed(1)),
        lastTenthMean: Number(mean(rss.slice(-tenth)).toFixed(1)),
        limit: RSS_LIMIT_MIB,
      },
      samples,
    };
    const r = summary.rssMiB;
    console.log(`\nPostgreSQL, ${CONNECTIONS} connections, ${SECONDS}s: 90 % account page me, 10 % me.updateProfile over ${WRITERS} users`);
    console.log(`  ${summary.requestsPerSecond.toFixed(0)} req/s, p50 ${summary.p50.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms, errors ${summary.errors}, non-2xx ${summary.non2xx}, timeouts ${summary.timeouts}, wrong update answers ${wrongAnswers}; server CPU ${cpuPerRequestMs.toFixed(2)} ms/request`);
    console.log(`  RSS MiB: at start ${r.atStart.toFixed(0)}, min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)}, last ${r.last.toFixed(0)}; second tenth ${r.firstTenthMean.toFixed(0)} -> last tenth ${r.lastTenthMean.toFixed(0)} (target: flat, ≤ ${RSS_LIMIT_MIB})`);
    console.log(`written to ${writeResults('mixed', summary)}`);
  } finally {
    await service.close();
    await pgdb.drop();
  }
}

// Open keep-alive sockets (fetch, autocannon) would keep the process alive after the report.
main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
