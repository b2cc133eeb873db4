// A/B probe of the service's CPU time per request: our `{ __typename }` floor against
// me.updateProfile(input: {name}) over 20 users, 50 connections, on PostgreSQL. The machine may
// be shared, so throughput says little; the CPU the service process spent (utime + stime from
// /proc/<pid>/stat) divided by the requests it answered is what compares. BENCH_CLIS lists builds
// to compare (default dist/cli.js); each gets its own service and database, and the rounds
// alternate between them so a change of load hits both.
// BENCH_CPU_PROF=1 profiles each service (bench/results/profiles/write-cpu-<n>/).
// Usage: BENCH_CLIS=scratch/before/cli.js,dist/cli.js BENCH_REQUESTS=3000 BENCH_ROUNDS=3 npx tsx bench/write-cpu.ts
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { createPostgresDatabase } from './database.js';
import { writeResults } from './results.js';
import { type ServiceProcess, buildDist, spawnService } from './server.js';

const FLOOR = '{ __typename }';
const UPDATE = 'mutation($name: String!) { me { updateProfile(input: { name: $name }) { __typename ... on User { name } ... on Error { code } } } }';
const CLIS = (process.env.BENCH_CLIS ?? 'dist/cli.js').split(',');
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat(5) (11 and 12 after the command), in 1/100 s.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function cpuPerRequest(service: ServiceProcess, body: (i: number) => { token?: string; variables?: Record<string, unknown>; query: string }) {
  let n = 0;
  let wrong = 0;
  const before = cpuMs(service.child.pid!);
  const result = await autocannon({
    url: `${service.url}/graphql`, connections: 50, amount: REQUESTS,
    requests: [{
      method: 'POST',
      setupRequest: (req) => {
        const { token, query, variables } = body(n++);
        return { ...req, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) };
      },
      onResponse: (status, text) => {
        if (status !== 200 || text.includes('"errors"') || text.includes('"code"')) wrong++;
      },
    }],
  });
  return { cpuMs: (cpuMs(service.child.pid!) - before) / result.requests.total, rps: result.requests.average, p99: result.latency.p99, wrong };
}

async function main() {
  if (CLIS.includes('dist/cli.js')) buildDist();
  const setups: { cli: string; service: ServiceProcess; writers: string[]; drop: () => Promise<void> }[] = [];
  for (const cli of CLIS) {
    const pgdb = await createPostgresDatabase('writecpu');
    const service = await spawnService({ DATABASE_URL: pgdb.url }, process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', `bench/results/profiles/write-cpu-${setups.length}`] : [], cli);
    const writers: string[] = [];
    for (let i = 0; i < 20; i++) writers.push(await service.userToken(`writer-${i}@example.com`));
    setups.push({ cli, service, writers, drop: pgdb.drop });
  }
  const rows: Record<string, unknown>[] = [];
  try {
    for (const s of setups) await cpuPerRequest(s.service, (i) => ({ query: UPDATE, token: s.writers[i % 20], variables: { name: `w${i}` } }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of setups) {
        const floor = await cpuPerRequest(s.service, () => ({ query: FLOOR }));
        const update = await cpuPerRequest(s.service, (i) => ({ query: UPDATE, token: s.writers[i % 20], variables: { name: `n${round}-${i}` } }));
        const row = { cli: s.cli, round, floorCpuMs: +floor.cpuMs.toFixed(2), updateCpuMs: +update.cpuMs.toFixed(2), cpuRatio: +(floor.cpuMs / update.cpuMs).toFixed(3), floorRps: Math.round(floor.rps), updateRps: Math.round(update.rps), updateP99: update.p99, wrong: floor.wrong + update.wrong };
        rows.push(row);
        console.log(JSON.stringify(row));
      }
    }
  } finally {
    for (const s of setups) {
      await s.service.close();
      await s.drop();
    }
  }
  writeResults('write-cpu', { requests: REQUESTS, rows });
}

await main();
