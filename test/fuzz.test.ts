// Fuzzing the running app through its real HTTP handling (issue 9). Every operation of the built
// schema (root fields and the fields under `me` and `admin`) is called anonymously, as a user and as
// an admin with arguments generated from its input types, hostile strings included; then malformed
// documents, wrong variable types, huge, deep and aliased queries, batches, invalid UTF-8 and NUL
// bytes hit the HTTP surface. Properties, for every response:
//   - no 5xx (413 for an oversized body is deliberate and a 4xx anyway);
//   - no internals in the body (stack frames, Prisma/driver text, SQL, file paths, "Unexpected error");
//   - the app logged no error for it (client input is never an unexpected error).
// Seeded and bounded: the same cases run every time.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { enumerateOperations, type FuzzRequest, type Operation, type Pools, requestArb, stringArb } from './helpers/fuzz-arbitraries.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

// FUZZ_SEED / FUZZ_RUNS explore further (e.g. FUZZ_RUNS=30); a failure prints the seed to replay.
const SEED = Number(process.env.FUZZ_SEED ?? 92026);
/** Runs per operation and actor when the operation takes arguments (one run otherwise). */
const RUNS_WITH_ARGS = Number(process.env.FUZZ_RUNS ?? 3);

const INTERNALS =
  /Unexpected error|INTERNAL_SERVER_ERROR|prisma|DriverAdapter|node_modules|\.[jt]s:\d+|\n\s+at |invalid byte sequence|\bSELECT\b|\bINSERT INTO\b|violates \w+ constraint|\/work\/|has not been implemented/i;

const VICTIM = { username: 'fuzz-victim', primaryEmail: 'victim@example.com', primaryPhone: '+14155550177', password: 'quiet harbor lantern 42' };
const ACTOR = { username: 'fuzz-actor', primaryEmail: 'actor@example.com', password: 'amber window orchard 42' };

let t: TestApp;
let pools: Pools;
const tokens: Record<'anonymous' | 'user' | 'admin', string | undefined> = { anonymous: undefined, user: undefined, admin: undefined };
const counts = { requests: 0, operations: 0, byActor: { anonymous: 0, user: 0, admin: 0 } as Record<string, number>, http: 0 };

beforeAll(async () => {
  t = await createTestApp({}, { logLevel: 'warn' });
  const victim = await t.createUser(VICTIM);
  const actor = await t.createUser(ACTOR);
  tokens.user = actor.token;
  tokens.admin = await t.adminToken();
  const sessions = await t.gql('{ me { sessions(first: 5) { edges { node { id } } } } }', {}, victim.token);
  pools = {
    ids: [victim.id, ...sessions.data.me.sessions.edges.map((e: { node: { id: string } }) => e.node.id)],
    strings: [VICTIM.username, VICTIM.primaryEmail, VICTIM.primaryPhone, VICTIM.password, victim.refreshToken, 'admin', 'admin:users:read'],
  };
}, 60_000);

afterAll(async () => {
  console.log(
    `fuzz: ${counts.requests} requests: ${counts.operations} operations × 3 actors (${JSON.stringify(counts.byActor)}), ${counts.http} HTTP-level cases`,
  );
  console.log(`outcomes: ${JSON.stringify(Object.entries(outcomes).sort((a, b) => b[1] - a[1]))}`);
  await t?.close();
});

interface Sent {
  status: number;
  text: string;
}

/** One request through the real pipeline, checked against the three properties. */
async function send(label: string, path: string, init: RequestInit): Promise<Sent> {
  counts.requests++;
  const logsBefore = t.logs.length;
  let res: Response;
  try {
    res = await t.app.fetch(`http://account.test${path}`, init);
  } catch (err) {
    // Over a socket, yoga's node adapter would answer this with a 500 and the stack.
    throw new Error(`${label}: the app threw ${String(err)}`);
  }
  const text = await res.text();
  tally(res.status, text);
  const errors = t.logs.slice(logsBefore).filter((line) => line.level >= 50);
  const where = `${label}\nrequest: ${describeBody(init.body)}\nresponse ${res.status}: ${text.slice(0, 600)}`;
  if (res.status >= 500) throw new Error(`5xx for ${where}`);
  const leak = INTERNALS.exec(text);
  if (leak) throw new Error(`internals (${JSON.stringify(leak[0])}) in ${where}`);
  if (errors.length) throw new Error(`error logged: ${JSON.stringify(errors[0]).slice(0, 1500)}\nfor ${where}`);
  return { status: res.status, text };
}

const outcomes: Record<string, number> = {};
/** Cases whose answer came from executing the operation (data, a union error, an auth refusal), and all. */
const executed = { past: 0, all: 0 };
// Answers decided before execution: the document or the variables were refused as such.
const BEFORE_EXECUTION = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'INVALID_INPUT']);
/** What the cases got back (printed at the end, asserted per test): a fuzzer whose every case fails validation tests nothing. */
function tally(status: number, text: string) {
  executed.all++;
  let key = String(status);
  try {
    const body = JSON.parse(text);
    const code = body?.errors?.[0]?.extensions?.code;
    const union = JSON.stringify(body?.data ?? null).match(/"code":"(\w+)"/)?.[1];
    key += code ? ` ${code}` : union ? ` union ${union}` : body?.data ? ' data' : '';
    // UNAUTHENTICATED / FORBIDDEN (401 / 403) are decided by the fields' scopes, during execution.
    if (status < 500 && (body?.data || (code && !BEFORE_EXECUTION.has(code)))) executed.past++;
  } catch {}
  outcomes[key] = (outcomes[key] ?? 0) + 1;
}

function describeBody(body: RequestInit['body']): string {
  if (typeof body === 'string') return body.length > 600 ? `${body.slice(0, 600)}… (${body.length} chars)` : body;
  if (body instanceof Uint8Array) return `<${body.byteLength} bytes>`;
  return String(body ?? '');
}

const post = (body: string | Uint8Array<ArrayBuffer>, token?: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'user-agent': 'fuzz', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  body,
});

/** A dead token (signOut, revokeOtherSessions...) is replaced so later cases still run authenticated. */
async function keepSignedIn(actor: 'user' | 'admin') {
  const me = await t.gql('{ me { id } }', {}, tokens[actor]);
  if (me.data?.me?.id) return;
  const [identifier, password] = actor === 'admin' ? [ADMIN_EMAIL, ADMIN_PASSWORD] : [ACTOR.username, ACTOR.password];
  try {
    tokens[actor] = (await t.signIn(identifier, password)).accessToken;
  } catch {
    // Wrong passwords the fuzzer sent (me.verifyPassword...) lock the account for a while, as they
    // should: let that while pass on the app's clock.
    t.clock.advance(24 * 3600_000);
    tokens[actor] = (await t.signIn(identifier, password)).accessToken;
  }
}

// Generous for a loaded machine, and scaled for exploration runs.
const TIMEOUT = 120_000 * Math.max(1, RUNS_WITH_ARGS / 3);

describe('every operation of the schema', { timeout: TIMEOUT }, () => {
  const operations = enumerateOperations(schema);

  it('finds the operations from the schema', () => {
    counts.operations = operations.length;
    const names = operations.map((o) => o.name);
    // A few that must be there; the rest (and any added later) are found the same way.
    for (const name of ['mutation.signIn', 'mutation.me.updateProfile', 'mutation.me.revokeSession', 'query.admin.users', 'query.node', 'mutation.admin.createUser']) {
      expect(names).toContain(name);
    }
    expect(operations.length).toBeGreaterThan(40);
  });

  for (const actor of ['anonymous', 'user', 'admin'] as const) {
    it(`as ${actor}: never a 5xx, internals or a logged error; most cases reach execution`, async () => {
      const before = { ...executed };
      for (const op of operations) await fuzzOperation(op, actor);
      const all = executed.all - before.all;
      const past = executed.past - before.past;
      console.log(`fuzz as ${actor}: ${past} of ${all} cases got past validation`);
      // Generated arguments follow the input types, so most must be accepted as a request and
      // executed (refused or not by the operation itself); a broken generator would fall far below.
      expect(all).toBeGreaterThanOrEqual(operations.length);
      expect(past / all).toBeGreaterThan(0.5);
    });
  }
});

async function fuzzOperation(op: Operation, actor: 'anonymous' | 'user' | 'admin') {
  const numRuns = op.field.args.length ? RUNS_WITH_ARGS : 1;
  await fc.assert(
    fc.asyncProperty(requestArb(op, pools), async (req: FuzzRequest) => {
      counts.byActor[actor] = (counts.byActor[actor] ?? 0) + 1;
      await send(`${op.name} as ${actor}`, '/graphql', post(JSON.stringify(req), tokens[actor]));
    }),
    { seed: SEED + hash(op.name + actor), numRuns, endOnFailure: true },
  );
  if (actor !== 'anonymous' && op.kind === 'mutation') await keepSignedIn(actor);
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

describe('the HTTP surface', { timeout: TIMEOUT }, () => {
  const run = async <T>(name: string, arb: fc.Arbitrary<T>, toRequest: (value: T) => { path?: string; init: RequestInit }, numRuns = 40) => {
    await fc.assert(
      fc.asyncProperty(arb, async (value) => {
        counts.http++;
        const { path = '/graphql', init } = toRequest(value);
        await send(name, path, init);
      }),
      { seed: SEED + hash(name), numRuns: Math.ceil((numRuns * RUNS_WITH_ARGS) / 3), endOnFailure: true },
    );
  };
  const VALID = ['{ __typename }', '{ me { id sessions(first: 2) { edges { node { id } } } } }', 'query($s: String) { admin { users(search: $s) { totalCount } } }', 'mutation($i: SignInInput!) { signIn(input: $i) { __typename } }'];

  it('malformed and mutated documents', async () => {
    const mutated = fc
      .tuple(fc.constantFrom(...VALID), fc.nat(), fc.nat({ max: 6 }), fc.string({ maxLength: 6, unit: 'binary' }))
      .map(([doc, at, cut, insert]) => doc.slice(0, at % (doc.length + 1)) + insert + doc.slice((at % (doc.length + 1)) + cut));
    const junk = fc.oneof(mutated, fc.string({ maxLength: 80, unit: 'binary' }), fc.constantFrom('', '{', '}', '{ a { b { c', 'query', 'mutation { }', '{ __typename @skip }', 'fragment F on Query { ...F } { ...F }'));
    await run('malformed document', fc.tuple(junk, fc.boolean()), ([query, admin]) => ({ init: post(JSON.stringify({ query }), admin ? tokens.admin : undefined) }), 80);
  });

  it('wrong variable shapes for real operations', async () => {
    const variables = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('s', 'i', 'x'), fc.jsonValue(), { maxKeys: 3 }));
    await run('wrong variables', fc.tuple(fc.constantFrom(...VALID), variables), ([query, v]) => ({ init: post(JSON.stringify({ query, variables: v }), tokens.admin) }));
    await run('wrong operationName / extensions', fc.tuple(fc.jsonValue(), fc.jsonValue()), ([operationName, extensions]) => ({ init: post(JSON.stringify({ query: VALID[0], operationName, extensions })) }), 20);
  });

  it('huge strings and bodies', async () => {
    const size = fc.constantFrom(10_000, 200_000, 300_000, 5_000_000);
    await run('huge string', fc.tuple(size, fc.constantFrom('x', '\u0000', '🦊')), ([n, ch]) => ({ init: post(JSON.stringify({ query: VALID[2], variables: { s: ch.repeat(n / ch.length) } }), tokens.admin) }), 8);
    const res = await send('huge body', '/graphql', post(JSON.stringify({ query: VALID[0], variables: { s: 'x'.repeat(300_000) } })));
    expect(res.status).toBe(413);
  });

  it('deep, aliased and repeated queries', async () => {
    const deepType = fc.integer({ min: 1, max: 40 }).map((d) => `{ __type(name: "User") { ${'fields { type { ofType { name '.repeat(d)}${'} } }'.repeat(d)} } }`);
    const deepFragments = fc.integer({ min: 1, max: 60 }).map((d) => `{ ${'... on Query { '.repeat(d)}__typename${' }'.repeat(d)} }`);
    const deepUsers = fc.integer({ min: 1, max: 6 }).map((d) => `{ ${'node(id: "usr_x") { ... on User { sessions(first: 2) { edges { node { id '.repeat(1)}${'} } } } } '.repeat(1)}${'me { id } '.repeat(d)}}`);
    const aliases = fc
      .tuple(fc.integer({ min: 1, max: 120 }), fc.constantFrom('accountCenter { enabled }', 'me { id primaryEmail }', 'admin { users(first: 50) { totalCount edges { node { id sessions { totalCount } } } } }'))
      .map(([n, field]) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`);
    const signIns = fc
      .integer({ min: 2, max: 40 })
      .map((n) => `mutation { ${Array.from({ length: n }, (_, i) => `a${i}: signIn(input: { identifier: "victim@example.com", password: "wrong${i}" }) { __typename }`).join(' ')} }`);
    const query = fc.oneof(deepType, deepFragments, deepUsers, aliases, signIns);
    await run('deep or aliased', fc.tuple(query, fc.boolean()), ([q, admin]) => ({ init: post(JSON.stringify({ query: q }), admin ? tokens.admin : tokens.user) }), 30);
  });

  it('deep JSON and many ids', async () => {
    const before = { ...outcomes };
    const victimId = pools.ids[0]!;
    const UPDATE = 'mutation($id: ID!, $input: UpdateUserInput!) { admin { updateUser(id: $id, input: $input) { __typename } } }';
    const deepJson = fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom(['{"a":', '}'], ['[', ']'], ['{"a":[', ']}']));
    await run('deep customData', deepJson, ([depth, [open, close]]) => {
      const value = `{"x":${open!.repeat(depth)}1${close!.repeat(depth)}}`;
      return { init: post(`{"query":${JSON.stringify(UPDATE)},"variables":{"id":"${victimId}","input":{"customData":${value}}}}`, tokens.admin) };
    }, 30);
    const manyIds = fc.tuple(fc.integer({ min: 1, max: 2500 }), fc.boolean());
    await run('many ids', manyIds, ([n, admin]) => ({
      init: post(JSON.stringify({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: Array.from({ length: n }, (_, i) => pools.ids[i % pools.ids.length]!) } }), admin ? tokens.admin : tokens.user),
    }), 20);
    // Both sides of the limits were tried: some accepted and executed, some refused as INVALID_INPUT.
    const added = (key: string) => (outcomes[key] ?? 0) - (before[key] ?? 0);
    expect(added('200 INVALID_INPUT')).toBeGreaterThan(0);
    expect(added('200 data')).toBeGreaterThan(0);
  });

  it('batches', async () => {
    const item = fc.oneof(fc.constantFrom(...VALID).map((query) => ({ query })), fc.jsonValue());
    await run('batch', fc.array(item, { maxLength: 6 }), (items) => ({ init: post(JSON.stringify(items), tokens.admin) }), 20);
  });

  it('invalid UTF-8 and NUL bytes in bodies, query strings and forms', async () => {
    const bytes = fc.uint8Array({ maxLength: 200 });
    const prefixed = fc.tuple(fc.constantFrom('{"query":"{ __typename }","variables":{"s":"', '{"query":"', '{"query":"mutation { signIn(input: {identifier: \\"'), bytes).map(([p, b]) => Buffer.concat([Buffer.from(p), b, Buffer.from('"}')]));
    await run('invalid UTF-8 body', fc.oneof(bytes, prefixed), (body) => ({ init: post(new Uint8Array(body)) }), 40);
    const nul = fc.constantFrom('{"query":"{ __typename\u0000 }"}', '{"query":"{ __typename }\u0000"}', '{"query":"{ __typename }","variables":{"s":"\u0000"}}', '\u0000', '{"query":"query($s: String) { admin { users(search: $s) { totalCount } } }","variables":{"s":"\\u0000"}}');
    await run('NUL in JSON body', nul, (body) => ({ init: post(body, tokens.admin) }), 10);
    const param = fc.oneof(stringArb({ ids: [], strings: [] }), fc.constantFrom('%00', '%FF%FE', '%ED%A0%80', '{', '[]', '"x"', '{"s":"\\u0000"}', '{"s":"\\ud800"}'));
    await run('GET query string', fc.tuple(fc.constantFrom(...VALID), param, param), ([query, variables, extensions]) => ({
      path: `/graphql?query=${encodeURIComponent(query)}&variables=${safeParam(variables)}&extensions=${safeParam(extensions)}`,
      init: { method: 'GET', headers: { accept: 'application/json', authorization: `Bearer ${tokens.admin}` } },
    }));
    await run('form POST', fc.tuple(fc.constantFrom(...VALID), param), ([query, variables]) => ({
      init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent(query)}&variables=${safeParam(variables)}` },
    }));
  });

  it('the token endpoint with hostile client credentials', async () => {
    const text = stringArb({ ids: [], strings: ['mc_x', 'client_credentials'] });
    await run('POST /oauth/token', fc.tuple(text, text, fc.boolean(), fc.option(text, { nil: undefined })), ([id, secret, basic, scope]) => {
      const form = new URLSearchParams({ grant_type: 'client_credentials', ...(basic ? {} : { client_id: id, client_secret: secret }), ...(scope === undefined ? {} : { scope }) });
      const credentials = `${encodeURIComponent(id.replace(/[\ud800-\udfff]/g, ''))}:${encodeURIComponent(secret.replace(/[\ud800-\udfff]/g, ''))}`;
      return {
        path: '/oauth/token',
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...(basic ? { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` } : {}) },
          body: form.toString(),
        },
      };
    }, 40);
  });

  it('other methods, content types, paths and credentials', async () => {
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD');
    const contentType = fc.constantFrom('application/json', 'application/graphql', 'application/graphql+json', 'text/plain', 'multipart/form-data; boundary=x', 'multipart/form-data', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', '');
    const path = fc.constantFrom('/graphql', '/graphql/', '/oauth/token', '/oauth/token?x=1', '/healthz', '/readyz', '/metrics', '/.well-known/jwks.json', '/.well-known/openid-configuration', '/nope', '/%00', '/graphql?query=%00');
    const authorization = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 40 }).map((s) => `Bearer ${s}`),
      fc.constantFrom('Bearer', 'Bearer pat_x', 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.e30.', 'Basic', 'Basic %%%', 'Basic bWNfeDp5', 'Basic AA==', `Basic ${Buffer.from('mc_\u0000:\u0000').toString('base64')}`, 'Digest x'),
    );
    const body = fc.oneof(fc.constant(''), fc.string({ maxLength: 60 }), fc.constantFrom('grant_type=client_credentials&client_id=mc_x&client_secret=y', 'grant_type=client_credentials&client_id=%00&client_secret=%00', 'grant_type=password', 'scope=%00&grant_type=client_credentials', 'client_id=a&client_id=b', 'operations={"query":"{__typename}"}&map={}', '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{bad\r\n--x--'));
    await run('any request', fc.tuple(method, contentType, path, authorization, body), ([m, type, p, auth, b]) => ({
      path: p,
      init: {
        method: m,
        headers: { ...(type ? { 'content-type': type } : {}), ...(auth ? { authorization: auth } : {}) },
        ...(m === 'GET' || m === 'HEAD' ? {} : { body: b }),
      },
    }), 80);
  });
});

/** Percent-encodes a parameter, letting the `%XX` escapes above through as they are. */
function safeParam(value: string): string {
  return /^(%[0-9A-F]{2})+$/.test(value) ? value : encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
}
