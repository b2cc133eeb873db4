// A web app's built files (dist/web/<app>/, bundled from web/<app>/ by scripts/build-web.mjs), read
// once at start and served from memory with an ETag and a gzip body compressed once, on first use
// (level 9 for every file took ~75 ms of each start). Only files that exist at start are served:
// no path ever reaches the file system from a request.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../lib/package-root.js';

const BUILT_WEB = path.join(PACKAGE_ROOT, 'dist/web');
export const webRoot = (app: 'account' | 'admin') => path.join(BUILT_WEB, app);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticFile {
  body: Buffer;
  /** Compressed on first use, then kept. */
  gzip(): Buffer;
  type: string;
  etag: string;
}

/** Relative path (e.g. `assets/app.js`) -> file. */
export function loadStaticFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${path.relative(process.cwd(), root) || root} has no index.html: run \`npm run build\` (it bundles web/ into dist/web/)`);
  }
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const type = TYPES[path.extname(entry.name)];
        if (!type) continue;
        const body = readFileSync(full);
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
        let gzip: Buffer | undefined;
        files.set(path.relative(root, full).split(path.sep).join('/'), { body, gzip: () => (gzip ??= gzipSync(body, { level: 9 })), type, etag });
      }
    }
  };
  walk(root);
  return files;
}

/** 200 (gzip when accepted) or 304 for a matching If-None-Match. */
export function serveFile(request: Request, file: StaticFile, headers: Record<string, string>): Response {
  const common = { etag: file.etag, 'cache-control': 'no-cache', vary: 'accept-encoding', ...headers };
  if (request.headers.get('if-none-match') === file.etag) return new Response(null, { status: 304, headers: common });
  const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  const body = gzip ? file.gzip() : file.body;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...common, 'content-type': file.type, 'content-length': String(body.byteLength), ...(gzip ? { 'content-encoding': 'gzip' } : {}) },
  });
}
