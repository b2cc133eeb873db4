// Request-body caps that keep the connection usable. A body past the cap is never buffered, but the
// rest of it is still read and thrown away (up to DRAIN_LIMIT_BYTES) before the 413 goes out:
// refusing mid-upload would make the server stop reading, and the client would then get EPIPE or
// ECONNRESET instead of the answer (measured with undici and a chunked body).
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const DRAIN_LIMIT_BYTES = 4 * 1024 * 1024;

class BodyTooLarge extends Error {}

/** Passes the first `limit` bytes through; past that, discards. Past the drain limit, errors (the connection is cut). */
function cappedStream(body: ReadableStream<Uint8Array>, limit: number, TransformStreamImpl: typeof TransformStream) {
  const state = { size: 0 };
  const stream = body.pipeThrough(
    new TransformStreamImpl<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        state.size += chunk.byteLength;
        if (state.size <= limit) return controller.enqueue(chunk);
        if (state.size > DRAIN_LIMIT_BYTES) controller.error(new BodyTooLarge());
      },
    }),
  );
  return { stream, state };
}

const declaredTooLarge = (request: Request, limit: number) => Number(request.headers.get('content-length') ?? 0) > limit;

export type CappedBody = { text: string } | { tooLarge: true; headers: Record<string, string> };

// Past the drain limit the rest is left unread, so the connection cannot carry another request.
const CUT = { connection: 'close' };

/** The body as text, or tooLarge (with the headers the refusal needs) past `limit` bytes. */
export async function readBodyCapped(request: Request, limit: number): Promise<CappedBody> {
  if (declaredTooLarge(request, limit)) return { tooLarge: true, headers: {} };
  if (!request.body) return { text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > DRAIN_LIMIT_BYTES) {
      await reader.cancel();
      return { tooLarge: true, headers: CUT };
    }
    if (size <= limit) chunks.push(value);
  }
  return size > limit ? { tooLarge: true, headers: {} } : { text: Buffer.concat(chunks).toString('utf8') };
}

function tooLarge(cut = false) {
  return new GraphQLError('Request body too large', {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413, ...(cut ? { headers: CUT } : {}) } },
  });
}

/** Yoga's own cap (maxRequestBodySize) stops reading mid-upload; this one drains first. */
export function useRequestBodyCap(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (declaredTooLarge(request, limit)) throw tooLarge();
      if (!requestParser || !request.body) return;
      setRequestParser(async (req) => {
        if (!req.body) return requestParser(req);
        // A native stream needs the native TransformStream (graphql-yoga#4583).
        const Impl = req.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
        const { stream, state } = cappedStream(req.body, limit, Impl);
        const capped = new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: stream, duplex: 'half' } as RequestInit);
        try {
          const parsed = await requestParser(capped);
          if (state.size > limit) throw tooLarge();
          return parsed;
        } catch (err) {
          if (state.size > limit) throw tooLarge(state.size > DRAIN_LIMIT_BYTES);
          throw err;
        }
      });
    },
  };
}
