// The bare graphql-yoga hello world (bench/bare-yoga.ts) in a process of its own, and a load case
// against it: the floor the flows and the read path are compared with.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { BENCH_SECONDS } from './results.js';
import { type LoadResult, ROOT } from './server.js';

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
