// Global setup of the process project: builds dist/ once per run (esbuild, ~0.5 s), so every
// spawned service runs what `npm start` runs, without tsx compiling src/ in each process.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(import.meta.dirname, '../..') });
}
