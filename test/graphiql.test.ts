// GraphiQL works without internet: the page and every file it loads come from this service (npm
// packages), it opens on the service's examples with the Authorization hint, and GET / leads to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const ORIGIN = 'http://account.test';
// Hosts that GraphiQL pages commonly load from; none may appear in what we serve.
const CDN = /unpkg\.com|jsdelivr\.net|esm\.sh|cdnjs|googleapis|gstatic|skypack|cdn\./i;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function page() {
  return t.fetch('/graphql', { headers: { accept: 'text/html' } });
}

/** Every URL the HTML loads or links: src, href, and url() in inline styles. */
function referencedUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g), ...html.matchAll(/url\(\s*["']?([^"')]+)/g)].map((m) => m[1]!);
}

describe('GraphiQL at GET /graphql', () => {
  it('is served from this origin only, page and every asset', async () => {
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    // The browser enforces it too: scripts, styles, workers and requests from this origin only.
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    for (const ref of urls) {
      const resolved = new URL(ref, `${ORIGIN}/graphql`);
      expect({ ref, origin: resolved.origin }).toEqual({ ref, origin: ORIGIN });
    }
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toEqual(['/graphiql/assets/env.js', '/graphiql/assets/graphiql.js', '/graphiql/assets/start.js']);

    let bytes = 0;
    for (const ref of urls) {
      const asset = await t.fetch(new URL(ref, `${ORIGIN}/graphql`).pathname);
      expect({ ref, status: asset.status }).toEqual({ ref, status: 200 });
      const type = asset.headers.get('content-type') ?? '';
      if (/javascript|css/.test(type)) {
        const text = await asset.text();
        bytes += text.length;
        expect({ ref, cdn: CDN.exec(text)?.[0] ?? null }).toEqual({ ref, cdn: null });
        expect(text).not.toMatch(/@import\s/);
        expect(text).not.toMatch(/importScripts\(\s*["']https?:/);
        // Styles load fonts and images from data: URIs only.
        for (const inner of text.matchAll(/url\(\s*["']?([^"')\s]+)/g)) {
          if (type.includes('css')) expect(inner[1]!.startsWith('data:') || inner[1]!.startsWith('#')).toBe(true);
        }
      }
    }
    // GraphiQL, Monaco and its styles really are in there (megabytes, not a stub).
    expect(bytes).toBeGreaterThan(5_000_000);
  });

  it('serves the Monaco workers the page asks for, from this origin', async () => {
    const env = await (await t.fetch('/graphiql/assets/env.js')).text();
    expect(env).toContain('getWorkerUrl');
    for (const label of ['editorWorkerService', 'json', 'graphql']) {
      const worker = await t.fetch(`/graphiql/assets/${label}.worker.js`);
      expect(worker.status).toBe(200);
      expect(worker.headers.get('content-type')).toContain('javascript');
      const text = await worker.text();
      expect(text.length).toBeGreaterThan(100_000);
      expect(CDN.exec(text)?.[0] ?? null).toBeNull();
    }
    expect((await t.fetch('/graphiql/assets/nope.js')).status).toBe(404);
    expect((await t.fetch('/graphiql/assets/favicon.ico')).headers.get('content-type')).toMatch(/^image\//);
  });

  it('opens on the service examples with the Authorization header hint', async () => {
    const html = await (await page()).text();
    const json = /<script type="application\/json" id="graphiql-options">([^<]*)<\/script>/.exec(html)?.[1];
    const options = JSON.parse(json!);
    expect(options.title).toBe('Account service');
    expect(options.defaultEditorToolsVisibility).toBe('headers');
    expect(options.shouldPersistHeaders).toBe(false);
    const [signIn, me] = options.defaultTabs;
    expect(signIn.query).toContain('mutation SignIn');
    expect(signIn.query).toContain('signIn(input:');
    expect(me.query).toContain('query Me');
    expect(me.headers).toBe('{"Authorization": "Bearer <accessToken>"}');
    expect(signIn.query).toContain('{"Authorization": "Bearer <accessToken>"}');
    // The example operations are valid against the served schema.
    for (const tab of options.defaultTabs) {
      const res = await t.gql(tab.query.replace('your password', 'wrong-password'));
      expect(res.errors?.filter((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') ?? []).toEqual([]);
    }
  });
});

describe('GET /', () => {
  it('is a small landing page linking GraphiQL and the account page', async () => {
    const res = await t.fetch('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('href="/graphql"');
    expect(html).toContain('href="/account"');
    for (const ref of referencedUrls(html)) expect(new URL(ref, `${ORIGIN}/`).origin).toBe(ORIGIN);
  });
});

describe('GraphiQL turned off (production)', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => prod.close());

  it('serves neither the page nor its assets, and / says how to turn it on', async () => {
    const res = await prod.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(await res.text()).not.toContain('graphiql-options');
    expect((await prod.fetch('/graphiql/assets/graphiql.js')).status).toBe(404);
    const landing = await (await prod.fetch('/')).text();
    expect(landing).not.toContain('href="/graphql"');
    expect(landing).toContain('GRAPHIQL=true');
  });
});
