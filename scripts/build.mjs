// npm run build: src/ -> dist/cli.js, one esbuild bundle (with chunks in dist/chunks/ for what the
// code imports lazily), because loading 240 separate modules dominated a start (docs/performance.md
// "Start and memory"). Packages that find files next to themselves or are native stay external.
// Plus dist/db/prepared-data-dir.js (the build step below uses it), the data files the code reads
// (same paths as under src/), and the migrated embedded database a first start copies
// (dist/prepared-pgdata, redone only when migrations change). No type check here (`npm run
// typecheck` does it). Plain node (no tsx) so a production install can run it. Then the web apps
// (web/ -> dist/web/).
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const files = readdirSync(src, { recursive: true, encoding: 'utf8' });

// Left to node_modules at run time: files they find next to themselves (Prisma's query compiler
// WASM, PGlite's WASM and data files, pino's worker transports) or native addons.
const EXTERNAL = ['@prisma/client', '@electric-sql/pglite', '@electric-sql/pglite-socket', '@node-rs/argon2', 'pino', 'pino-pretty', 'fs-native-extensions', 'esbuild'];

// Everything but the prepared database, which is rebuilt only when the migrations change.
for (const entry of existsSync(dist) ? readdirSync(dist) : []) {
  if (!entry.startsWith('prepared-pgdata')) rmSync(path.join(dist, entry), { recursive: true, force: true });
}
await build({
  entryPoints: { cli: path.join(src, 'cli.ts'), 'db/prepared-data-dir': path.join(src, 'db/prepared-data-dir.ts') },
  outdir: dist,
  bundle: true,
  // Modules only a few requests need (import() in src/) become chunks loaded on first use.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // CommonJS packages inside an ES module bundle still call require() (for node: built-ins).
  // Less source for V8 to parse at every start; identifiers keep their names (stack traces stay readable).
  minifyWhitespace: true,
  minifySyntax: true,
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
// Data files the modules read at run time, relative to themselves.
for (const file of files.filter((f) => f.endsWith('.txt'))) cpSync(path.join(src, file), path.join(dist, file));
// The web apps, bundled into dist/web/ (scripts/build-web.mjs).
const { buildWeb } = await import('./build-web.mjs');
await buildWeb(root);

// The embedded database's first start copies this instead of creating a cluster (src/db/prepared-data-dir.ts).
const { prepareDataDir } = await import(pathToFileURL(path.join(dist, 'db/prepared-data-dir.js')).href);
await prepareDataDir();
