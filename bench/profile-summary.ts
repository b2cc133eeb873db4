// Summarizes a V8 CPU profile (node --cpu-prof, e.g. BENCH_CPU_PROF=1 npm run bench:me): self time
// grouped by package (or node: internals, or our src/ folders), and the top functions.
// Usage: npx tsx bench/profile-summary.ts bench/results/profiles/me-postgres.cpuprofile
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const file = process.argv[2];
if (!file) {
  console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile>');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

function group(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node: internals';
  const src = url.indexOf('/src/');
  if (src !== -1) return `src/${url.slice(src + 5).split('/')[0]}`;
  return url.startsWith('wasm') ? 'wasm' : url;
}

const byGroup = new Map<string, number>();
const byFn = new Map<string, number>();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (!us) continue;
  const g = group(node.callFrame.url, node.callFrame.functionName);
  byGroup.set(g, (byGroup.get(g) ?? 0) + us);
  const f = `${node.callFrame.functionName || '(anonymous)'} ${g}`;
  byFn.set(f, (byFn.get(f) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n\nself time by package:`);
for (const [g, us] of [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(us)}  ${g}`);
console.log('\ntop functions:');
for (const [f, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(us)}  ${f}`);
