// One delivery attempt: POST the signed body, with a timeout, without following redirects (a
// redirect could point anywhere, past the address guard), reading at most a few KiB of the answer.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isInternalAddress } from './address-guard.js';

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  /** The start of the receiver's answer (any text: not yet safe to store), for the admin looking into a failure. */
  responseBody: string | null;
}

// Kept per delivery for diagnosis; the rest of a large answer is not read.
export const RESPONSE_BODY_CAP_BYTES = 4096;

export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<AttemptResult> {
  const target = new URL(url);
  // A literal address never goes through the lookup below, so it is checked here.
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && isIP(literal) && isInternalAddress(literal)) {
    const error = `refused: ${literal} is a loopback, link-local or private address (set WEBHOOK_ALLOW_PRIVATE=true to allow)`;
    return Promise.resolve({ ok: false, statusCode: null, error, responseBody: null });
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() },
        lookup: guardedLookup(options.allowPrivate) as never,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const statusCode = response.statusCode ?? null;
          const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
          finish({
            ok,
            statusCode,
            error: ok ? null : `HTTP ${statusCode}`,
            // Decoded whole (bytes that are not UTF-8 become U+FFFD); the dispatcher cleans and cuts it to the cap when storing.
            responseBody: Buffer.concat(chunks).toString('utf8') || null,
          });
          response.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          if (size < RESPONSE_BODY_CAP_BYTES) chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_BODY_CAP_BYTES) done();
        });
        response.on('end', done);
        response.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, statusCode: null, error: `timed out after ${options.timeoutMs} ms`, responseBody: null });
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (err: NodeJS.ErrnoException) => {
      finish({ ok: false, statusCode: null, error: err.code ? `${err.code}: ${err.message}` : err.message, responseBody: null });
    });
    request.end(body);
  });
}
