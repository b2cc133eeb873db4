// Bad input that used to end in an internal error (issue 9): each case answers a stable client
// error, leaks no internals and logs no unexpected error.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const INTERNALS = /stack|\bat \S+ \(|prisma|DriverAdapter|node_modules|\/src\/|invalid byte sequence|Unexpected error/i;

let t: TestApp;
let server: Server;
let base: string;
beforeAll(async () => {
  t = await createTestApp({}, { logLevel: 'warn' });
  // Through a real socket too: yoga's node adapter is what turned a thrown route into a stack trace.
  server = createServer(t.app.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

const errorLogs = () => t.logs.filter((line) => line.level >= 50);

async function tokenRequest(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe('POST /oauth/token with a hostile client_id', () => {
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

  it.each([
    ['a NUL byte in the form', 'grant_type=client_credentials&client_id=mc_%00x&client_secret=s', {}],
    ['a NUL byte in Basic', 'grant_type=client_credentials', { authorization: basic('mc_%00x', 's') }],
    ['a raw NUL byte in Basic', 'grant_type=client_credentials', { authorization: basic('mc_\u0000x', 's') }],
    ['a control character in the secret', 'grant_type=client_credentials&client_id=mc_x&client_secret=%01', {}],
    ['non-ASCII text', 'grant_type=client_credentials&client_id=%C3%A9&client_secret=s', {}],
  ])('%s is invalid_request, not a 500 with a stack', async (_name, body, headers) => {
    const before = errorLogs().length;
    const res = await tokenRequest(body, headers as Record<string, string>);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ error: 'invalid_request' });
    expect(res.text).not.toMatch(INTERNALS);
    expect(errorLogs().length).toBe(before);
  });

  it('still answers invalid_client for an unknown, well-formed client', async () => {
    const res = await tokenRequest('grant_type=client_credentials&client_id=mc_nope&client_secret=nope');
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toMatchObject({ error: 'invalid_client' });
  });
});

describe('a plain route that fails', () => {
  it('answers a generic 500 and logs the error with its stack', async () => {
    const broken = await createTestApp({}, { logLevel: 'warn' });
    // A real failure below the route: the database is gone.
    await broken.db.close();
    const res = await broken.fetch('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=mc_x&client_secret=s',
    });
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: 'server_error', error_description: 'The server could not handle the request' });
    expect(text).not.toMatch(INTERNALS);
    const logged = broken.logs.find((line) => line.msg === 'route failed');
    expect(logged).toMatchObject({ level: 50, path: '/oauth/token', method: 'POST' });
    expect(logged?.err?.stack).toBeTruthy();
    await broken.mail.close();
    await broken.smsSink.close();
  });
});

describe('malformed variables or extensions outside a JSON body', () => {
  it.each([
    ['GET variables', '/graphql?query=%7B__typename%7D&variables=%7Bbad', undefined],
    ['GET extensions', '/graphql?query=%7B__typename%7D&extensions=%7Bbad', undefined],
    ['form variables', '/graphql', 'query=%7B__typename%7D&variables=%7Bbad'],
    ['form extensions', '/graphql', 'query=%7B__typename%7D&extensions=nope'],
  ])('%s is a 400', async (_name, path, form) => {
    const res = await fetch(`${base}${path}`, form ? { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form } : {});
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(JSON.parse(text).errors[0].message).toMatch(/variables.*extensions|JSON/);
    expect(text).not.toMatch(INTERNALS);
  });

  it('still runs a well-formed GET and form POST', async () => {
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent('query($x: Boolean!) { __typename @include(if: $x) }')}&variables=%7B%22x%22%3Atrue%7D`);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const form = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' });
    expect(await form.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('U+0000 and unpaired surrogates in string arguments', () => {
  let user: { id: string; token: string };
  beforeAll(async () => {
    user = await t.createUser({ username: 'nul-tester', primaryEmail: 'nul@example.com', password: 'a long enough passphrase' });
  });

  const HOSTILE = ['nul\u0000byte', 'lone\ud800high', 'lone\udc00low', '\u0000'];
  const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on Error { code } } }';

  const expectInvalidInput = (result: Awaited<ReturnType<TestApp['gql']>>) => {
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    expect(result.data ?? null).toBeNull();
    expect(JSON.stringify(result)).not.toMatch(INTERNALS);
  };

  it.each(HOSTILE)('signIn identifier %j is INVALID_INPUT, the same for existing and unknown accounts', async (bad) => {
    const before = errorLogs().length;
    const unknown = await t.gql(SIGN_IN, { input: { identifier: `nobody${bad}@example.com`, password: 'x' } });
    const existing = await t.gql(SIGN_IN, { input: { identifier: `nul@example.com${bad}`, password: 'x' } });
    expectInvalidInput(unknown);
    expect(existing).toEqual(unknown);
    expectInvalidInput(await t.gql(SIGN_IN, { input: { identifier: 'nul@example.com', password: bad } }));
    expect(errorLogs().length).toBe(before);
  });

  it('rejects an escaped NUL in an inline literal', async () => {
    expectInvalidInput(await t.gql('mutation { signIn(input: { identifier: "a\\u0000b", password: "x" }) { __typename } }'));
  });

  it('rejects them in admin.users search, revokeSession, updateProfile and JSON keys', async () => {
    const before = errorLogs().length;
    const admin = await t.adminToken();
    for (const bad of HOSTILE) {
      expectInvalidInput(await t.gql('query($s: String) { admin { users(search: $s) { totalCount } } }', { s: bad }, admin));
      expectInvalidInput(await t.gql('mutation($id: ID!) { me { revokeSession(id: $id) { __typename } } }', { id: `ses_${bad}` }, user.token));
      for (const field of ['name', 'avatar', 'username']) {
        expectInvalidInput(await t.gql('mutation($input: UpdateProfileInput!) { me { updateProfile(input: $input) { __typename } } }', { input: { [field]: bad } }, user.token));
      }
      expectInvalidInput(await t.gql('mutation($input: UpdateProfileInput!) { me { updateProfile(input: $input) { __typename } } }', { input: { profile: { nickname: bad } } }, user.token));
      expectInvalidInput(await t.gql('mutation($id: ID!, $input: UpdateUserInput!) { admin { updateUser(id: $id, input: $input) { __typename } } }', { id: user.id, input: { customData: { [bad]: 1 } } }, admin));
    }
    expect(errorLogs().length).toBe(before);
  });

  it('accepts well-formed text, astral characters included', async () => {
    const result = await t.gql(
      'mutation($input: UpdateProfileInput!) { me { updateProfile(input: $input) { __typename ... on User { name } } } }',
      { input: { name: 'Zoë 🦊 名前' } },
      user.token,
    );
    expect(result.data?.me?.updateProfile).toEqual({ __typename: 'User', name: 'Zoë 🦊 名前' });
    const wrong = await t.gql(SIGN_IN, { input: { identifier: 'nul@example.com', password: 'wrong 🦊' } });
    expect(wrong.data?.signIn).toEqual({ __typename: 'UserError', code: 'INVALID_CREDENTIALS' });
  });
});

describe('node(id:)', () => {
  const NODE = 'query($id: ID!) { node(id: $id) { __typename id } }';
  const ids = ['usr_00000000000000000000000000000000', 'ses_doesnotexist', 'mfa_x', 'tok_x', 'aud_x', 'mcl_x', 'ver_x', 'garbage', '', 'usr_', 'xyz_1'];

  it.each(ids)('%j that names nothing is null, anonymously and as an admin', async (id) => {
    const before = errorLogs().length;
    expect(await t.gql(NODE, { id })).toEqual({ data: { node: null } });
    expect(await t.gql(NODE, { id }, await t.adminToken())).toEqual({ data: { node: null } });
    expect(errorLogs().length).toBe(before);
  });

  it('nodes(ids:) answers null per absent id and still finds the others', async () => {
    const me = await t.gql('{ me { id } }', {}, await t.adminToken());
    const res = await t.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['usr_nope', me.data.me.id, 'garbage'] }, await t.adminToken());
    expect(res).toEqual({ data: { nodes: [null, { id: me.data.me.id }, null] } });
  });
});

describe('found by the fuzzer', () => {
  it('admin.deleteUser answers the deleted user with any selection (relations and hasPassword included)', async () => {
    const admin = await t.adminToken();
    const doomed = await t.createUser({ username: 'doomed', password: 'a long enough passphrase' });
    const before = errorLogs().length;
    const res = await t.gql(
      'mutation($id: ID!) { admin { deleteUser(id: $id) { __typename ... on User { id username hasPassword mfaFactors { id } sessions { totalCount } personalAccessTokens { totalCount } } ... on Error { code } } } }',
      { id: doomed.id },
      admin,
    );
    expect(res).toEqual({
      data: { admin: { deleteUser: { __typename: 'User', id: doomed.id, username: 'doomed', hasPassword: true, mfaFactors: [], sessions: { totalCount: 1 }, personalAccessTokens: { totalCount: 0 } } } },
    });
    expect(errorLogs().length).toBe(before);
    const again = await t.gql('mutation($id: ID!) { admin { deleteUser(id: $id) { __typename ... on Error { code } } } }', { id: doomed.id }, admin);
    expect(again.data?.admin?.deleteUser).toEqual({ __typename: 'UserError', code: 'NOT_FOUND' });
  });
});
