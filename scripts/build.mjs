// npm run build: src/ -> dist/, one JavaScript file per TypeScript file (esbuild transpiles, no
// bundling, so native addons and files found next to a module keep their paths). No type check
// here (`npm run typecheck` does it): measured 0.4 s against ~20 s for `tsc` emitting the same.
// Plain node (no tsx) so a production install can run it. Then the web apps (web/ -> dist/web/).
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const files = readdirSync(src, { recursive: true, encoding: 'utf8' });

rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => path.join(src, f)),
  outdir: dist,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
// Data files the modules read at run time, relative to themselves.
for (const file of files.filter((f) => f.endsWith('.txt'))) cpSync(path.join(src, file), path.join(dist, file));
// The web apps, bundled into dist/web/ (scripts/build-web.mjs).
const { buildWeb } = await import('./build-web.mjs');
await buildWeb(root);
