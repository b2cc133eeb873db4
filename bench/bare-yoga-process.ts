// The bare graphql-yoga hello world (bench/bare-yoga.ts) in a process of its own, and a load case
// against it: the floor the flows and the read path are compared with.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { BENCH_SECONDS } from './results.js';
import { type LoadResult, printTable, ROOT } from './server.js';

export async function startBareYoga(): Promise<{ url: string; close: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-yoga.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare yoga exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /ready on http:\/\/localhost:(\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return { url: `http://127.0.0.1:${port}`, close: () => child.kill('SIGTERM') };
}

export async function loadBareYoga(url: string, label: string, connections = 50): Promise<LoadResult> {
  const r = await autocannon({
    url: `${url}/graphql`, connections, duration: BENCH_SECONDS, method: 'POST',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ hello }' }),
  });
  return { label, requestsPerSecond: r.requests.average, p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

/**
 * Each row's ratio to our floor and to bare yoga (each the mean of its before and after rows),
 * printed as the table and the line of ratios to bare yoga.
 */
export function reportAgainstFloors(rows: LoadResult[], floors: { ours: [LoadResult, LoadResult]; bare: [LoadResult, LoadResult] }, connections = 50) {
  const mean = ([a, b]: [LoadResult, LoadResult]) => (a.requestsPerSecond + b.requestsPerSecond) / 2;
  const floor = mean(floors.ours);
  const bareFloor = mean(floors.bare);
  const withRatios = rows.map((r) => ({ ...r, ratio: r.requestsPerSecond / floor, ratioToBareYoga: r.requestsPerSecond / bareFloor }));
  console.log(`\nPostgreSQL, ${connections} connections, ${BENCH_SECONDS}s per case; ratio = req/s against our { __typename } in the same run`);
  printTable(withRatios);
  console.log(`bare yoga ${bareFloor.toFixed(0)} req/s; ratios to it: ${withRatios.map((r) => `${r.label.split(' (')[0]} ${r.ratioToBareYoga.toFixed(2)}`).join('; ')}`);
  return withRatios;
}
