// The web apps (web/account, web/admin): each app's TypeScript and CSS bundled by esbuild into
// dist/web/<app>/ (index.html, assets/app.js, assets/app.css), which the service reads once at
// start and serves from memory. Run by `npm run build` (so by `npm install`) and by the test setup.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const WEB_APPS = ['account', 'admin'];

/** Builds every app that has a web/<app>/main.ts; returns the output folder. */
export async function buildWeb(root = path.resolve(import.meta.dirname, '..')) {
  const out = path.join(root, 'dist', 'web');
  for (const app of WEB_APPS) {
    const source = path.join(root, 'web', app);
    if (!existsSync(path.join(source, 'main.ts'))) continue;
    const target = path.join(out, app);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    await build({
      entryPoints: [{ in: path.join(source, 'main.ts'), out: 'app' }],
      outdir: path.join(target, 'assets'),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      // Browsers with <dialog>, WebAuthn JSON helpers optional, top-level await not needed.
      target: ['es2022', 'chrome111', 'firefox113', 'safari16.4'],
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
    copyFileSync(path.join(source, 'index.html'), path.join(target, 'index.html'));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildWeb();
