// GraphiQL without internet: yoga's default page loads its scripts and styles from a CDN (a blank
// page offline). @graphql-yoga/render-graphiql bundles GraphiQL, Monaco, its workers and fonts
// (data: URIs); we serve those pieces as same-origin files under /graphiql/assets/ instead of one
// 9 MB inline page, so the browser caches them and the page itself stays small. The page opens
// on the service's own examples (sign in, then `me`) with the Authorization header hint shown.
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

export const GRAPHIQL_ASSETS = '/graphiql/assets/';

interface Bundle {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}

// Loaded on the first GraphiQL request only: the bundle is large and production turns GraphiQL off.
let bundle: Promise<Bundle> | undefined;
const loadBundle = () => (bundle ??= import('@graphql-yoga/render-graphiql/graphiql'));

const JS = 'application/javascript; charset=utf-8';

// Monaco asks for its workers by label; they are plain same-origin scripts here.
const WORKERS: Record<string, keyof Bundle> = {
  editorWorkerService: 'editorWorkerService',
  json: 'jsonWorker',
  graphql: 'graphqlWorker',
};

const ENV_SCRIPT = `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) {
    return ${JSON.stringify(GRAPHIQL_ASSETS)} + (${JSON.stringify(Object.keys(WORKERS))}.indexOf(label) >= 0 ? label : 'editorWorkerService') + '.worker.js';
  },
};
`;

const START_SCRIPT = `YogaGraphiQL.renderYogaGraphiQL(
  document.querySelector('#root'),
  JSON.parse(document.getElementById('graphiql-options').textContent),
);
`;

type Asset = { body: () => Promise<string>; type: string };

const ASSETS: Record<string, Asset> = {
  'graphiql.css': { body: async () => (await loadBundle()).css, type: 'text/css; charset=utf-8' },
  'graphiql.js': { body: async () => (await loadBundle()).js, type: JS },
  'env.js': { body: async () => ENV_SCRIPT, type: JS },
  'start.js': { body: async () => START_SCRIPT, type: JS },
  ...Object.fromEntries(
    Object.entries(WORKERS).map(([label, key]) => [`${label}.worker.js`, { body: async () => (await loadBundle())[key], type: JS }]),
  ),
};

/** GET /graphiql/assets/<name>: the bundled files, or undefined for anything else. */
export async function graphiqlAsset(pathname: string): Promise<Response | undefined> {
  if (!pathname.startsWith(GRAPHIQL_ASSETS)) return undefined;
  const name = pathname.slice(GRAPHIQL_ASSETS.length);
  if (name === 'favicon.ico') {
    const [meta, data] = (await loadBundle()).favicon.split(',', 2);
    return new Response(Buffer.from(data ?? '', 'base64'), {
      headers: { 'content-type': /^data:([^;]+)/.exec(meta ?? '')?.[1] ?? 'image/x-icon', 'cache-control': 'public, max-age=86400' },
    });
  }
  const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!asset) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return new Response(await asset.body(), { headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' } });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page yoga serves at GET /graphql (Accept: text/html). Every URL in it is same-origin. */
export function renderOfflineGraphiQL(options: GraphiQLOptions): string {
  // Inside <script type="application/json">, "<" is the only character that could end the element.
  const json = JSON.stringify({ ...options, favicon: undefined }).replace(/</g, '\\u003c');
  const asset = (name: string) => escapeHtml(`${GRAPHIQL_ASSETS}${name}`);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${asset('favicon.ico')}" />
    <link rel="stylesheet" href="${asset('graphiql.css')}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${json}</script>
    <script src="${asset('env.js')}"></script>
    <script src="${asset('graphiql.js')}"></script>
    <script src="${asset('start.js')}"></script>
  </body>
</html>
`;
}

export const AUTHORIZATION_HINT = '{"Authorization": "Bearer <accessToken>"}';

const SIGN_IN_TAB = `# 1. Sign in: ADMIN_EMAIL / ADMIN_PASSWORD,
#    or an account made with signUp.
# 2. Open the "Me" tab; in its Headers pane put
#    {"Authorization": "Bearer <accessToken>"}
mutation SignIn {
  signIn(input: {
    identifier: "admin@example.com"
    password: "your password"
  }) {
    __typename
    ... on TokenSet { accessToken expiresIn scope }
    ... on MfaChallenge { mfaToken factors }
    ... on Error { code message }
  }
}
`;

const ME_TAB = `# Headers pane below:
# {"Authorization": "Bearer <accessToken>"}
# with the accessToken that SignIn returned.
query Me {
  me {
    id
    username
    primaryEmail
    name
    hasPassword
    createdAt
  }
}
`;

/** Yoga's GraphiQL options: the service's example operations, the header hint visible. */
export function graphiqlOptions(title: string): GraphiQLOptions {
  return {
    title,
    defaultTabs: [
      { query: SIGN_IN_TAB, headers: '{}' },
      { query: ME_TAB, headers: AUTHORIZATION_HINT },
    ],
    defaultQuery: SIGN_IN_TAB,
    defaultEditorToolsVisibility: 'headers',
    isHeadersEditorEnabled: true,
    // Tokens typed into the header editor stay in this tab only, never in localStorage.
    shouldPersistHeaders: false,
  };
}

// The browser enforces what the tests check: this page loads nothing from another origin.
// Monaco sets inline styles, and fonts and icons are data: URIs inside the bundled CSS.
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Adds the CSP to the GraphiQL page (GET /graphql answered with HTML). */
export function useGraphiqlCsp(graphqlEndpoint: string): Plugin {
  return {
    onResponse({ request, response }) {
      // The content type first: parsing the URL is the costly part, and most responses are JSON.
      if (!response.headers.get('content-type')?.includes('text/html')) return;
      if (new URL(request.url).pathname !== graphqlEndpoint) return;
      response.headers.set('content-security-policy', GRAPHIQL_CSP);
      response.headers.set('x-content-type-options', 'nosniff');
    },
  };
}
