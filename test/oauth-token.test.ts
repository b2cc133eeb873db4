import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminToken();
});
afterAll(() => t.close());

const CREATE = `mutation($input: CreateMachineClientInput!) { admin { createMachineClient(input: $input) {
  __typename ... on MachineClientSecret { clientId clientSecret machineClient { id clientId name scopes } } ... on Error { code message } ... on UserError { path } } } }`;

async function createClient(scopes: string[], name = 'back-office') {
  const res = await t.gql(CREATE, { input: { name, scopes } }, admin);
  return res.data.admin.createMachineClient;
}

function tokenRequest(body: Record<string, string>, headers: Record<string, string> = {}) {
  return t.fetch('/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body).toString(),
  });
}
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('machine clients', () => {
  it('shows the secret once and stores it hashed', async () => {
    const c = await createClient(['admin:users:read']);
    expect(c).toMatchObject({ __typename: 'MachineClientSecret', machineClient: { name: 'back-office', scopes: ['admin:users:read'] } });
    expect(c.clientId).toBe(c.machineClient.clientId);
    const row = await t.db.prisma.machineClient.findUniqueOrThrow({ where: { id: c.machineClient.id } });
    expect(JSON.stringify(row)).not.toContain(c.clientSecret);
    const listed = await t.gql('{ admin { machineClients { totalCount edges { node { id clientId scopes } } } } }', {}, admin);
    expect(listed.data.admin.machineClients.edges).toContainEqual({ node: { id: c.machineClient.id, clientId: c.clientId, scopes: ['admin:users:read'] } });
    const audit = await t.db.prisma.auditEvent.findMany({ where: { action: 'admin.machine_client.create' } });
    expect(JSON.stringify(audit)).not.toContain(c.clientSecret);
  });

  it('refuses unknown or empty scopes', async () => {
    expect(await createClient(['admin:everything'])).toMatchObject({ code: 'INVALID_INPUT', path: ['scopes'] });
    expect(await createClient([])).toMatchObject({ code: 'INVALID_INPUT', path: ['scopes'] });
  });

  it('round trip: client_secret_basic → JWT with exactly the granted scopes → admin API', async () => {
    const c = await createClient(['admin:users:read', 'admin:audit:read']);
    const res = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(c.clientId, c.clientSecret) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 900, scope: 'admin:users:read admin:audit:read' });
    const claims = decodeJwt(body.access_token);
    expect(claims).toMatchObject({ sub: c.clientId, client_id: c.clientId, scope: 'admin:users:read admin:audit:read' });
    expect(claims.sid).toBeUndefined();
    const users = await t.gql('{ admin { users(first: 1) { totalCount } } }', {}, body.access_token);
    expect(users.data.admin.users.totalCount).toBeGreaterThan(0);
    // Not granted: writes.
    const write = await t.gql('mutation { admin { setUserRoles(id: "usr_x", roles: []) { __typename } } }', {}, body.access_token);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Not an end user.
    const me = await t.gql('mutation { me { revokeOtherSessions { __typename } } }', {}, body.access_token);
    expect(me.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Its actions are audited with the client as actor.
    const u = await t.createUser({ username: 'mc-audited', password: 'a-long-enough-password' });
    const writer = await createClient(['admin:users:write']);
    const wtoken = (await (await tokenRequest({ grant_type: 'client_credentials', client_id: writer.clientId, client_secret: writer.clientSecret })).json()).access_token;
    const set = await t.gql(`mutation { admin { setUserRoles(id: "${u.id}", roles: ["support"]) { __typename } } }`, {}, wtoken);
    expect(set.data.admin.setUserRoles.__typename).toBe('User');
    const event = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'admin.user.set_roles', userId: u.id } });
    expect(event).toMatchObject({ actorId: writer.machineClient.id, actorType: 'client' });
  });

  it('client_secret_post works and a narrower scope can be requested', async () => {
    const c = await createClient(['admin:users:read', 'admin:settings']);
    const res = await tokenRequest({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret, scope: 'admin:settings' });
    const body = await res.json();
    expect(body.scope).toBe('admin:settings');
    const users = await t.gql('{ admin { users(first: 1) { totalCount } } }', {}, body.access_token);
    expect(users.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('rotating the secret stops the old one; deleting the client refuses its live tokens', async () => {
    const c = await createClient(['admin:users:read']);
    const live = (await (await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(c.clientId, c.clientSecret) })).json()).access_token;
    const rotated = await t.gql(
      `mutation { admin { rotateMachineClientSecret(id: "${c.machineClient.id}") { ... on MachineClientSecret { clientId clientSecret } } } }`,
      {},
      admin,
    );
    const next = rotated.data.admin.rotateMachineClientSecret;
    expect(next.clientId).toBe(c.clientId);
    expect(next.clientSecret).not.toBe(c.clientSecret);
    expect((await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(c.clientId, c.clientSecret) })).status).toBe(401);
    expect((await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(c.clientId, next.clientSecret) })).status).toBe(200);
    expect((await t.gql('{ admin { users(first: 1) { totalCount } } }', {}, live)).data.admin.users.totalCount).toBeGreaterThan(0);
    const deleted = await t.gql(`mutation { admin { deleteMachineClient(id: "${c.machineClient.id}") { __typename ... on MachineClient { id } } } }`, {}, admin);
    expect(deleted.data.admin.deleteMachineClient).toEqual({ __typename: 'MachineClient', id: c.machineClient.id });
    expect((await t.gql('{ admin { users(first: 1) { totalCount } } }', {}, live)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(c.clientId, next.clientSecret) })).status).toBe(401);
  });
});

describe('the client row behind the token endpoint (held in the validity cache)', () => {
  const users = (token: string) => t.gql('{ admin { users(first: 1) { totalCount } } }', {}, token);
  const token = async (id: string, secret: string) =>
    (await (await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(id, secret) })).json()).access_token as string;

  it('follows a change made straight in the database: scopes, secret and deletion', async () => {
    const c = await createClient(['admin:users:read', 'admin:audit:read']);
    const live = await token(c.clientId, c.clientSecret);
    expect((await users(live)).data.admin.users.totalCount).toBeGreaterThan(0);
    // Behind the service's back: only the database's invalidation can tell the cache. It arrives
    // through the change feed, after the commit; settle() waits for the feed to pass this point.
    const behindTheBack = async (change: Promise<unknown>) => {
      await change;
      await t.app.http.validity.settle();
    };
    await behindTheBack(t.db.prisma.machineClient.update({ where: { id: c.machineClient.id }, data: { scopes: ['admin:audit:read'] } }));
    expect((await users(live)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const narrowed = await tokenRequest({ grant_type: 'client_credentials', scope: 'admin:users:read' }, { authorization: basic(c.clientId, c.clientSecret) });
    expect([narrowed.status, (await narrowed.json()).error]).toEqual([400, 'invalid_scope']);
    await behindTheBack(t.db.prisma.machineClient.update({ where: { id: c.machineClient.id }, data: { secretHash: 'f'.repeat(64) } }));
    expect((await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(c.clientId, c.clientSecret) })).status).toBe(401);
    await behindTheBack(t.db.prisma.machineClient.delete({ where: { id: c.machineClient.id } }));
    expect((await users(live)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('writes lastUsedAt at most once a minute, not once per token', async () => {
    const c = await createClient(['admin:users:read']);
    const lastUsedAt = async () => (await t.db.prisma.machineClient.findUniqueOrThrow({ where: { id: c.machineClient.id } })).lastUsedAt;
    await token(c.clientId, c.clientSecret);
    const first = t.clock.now().getTime();
    // Not awaited by the token response: written eventually.
    await vi.waitFor(async () => expect((await lastUsedAt())?.getTime()).toBe(first));
    t.clock.advance(30_000);
    for (let i = 0; i < 3; i++) await token(c.clientId, c.clientSecret);
    expect((await lastUsedAt())?.getTime()).toBe(first);
    t.clock.advance(31_000);
    await token(c.clientId, c.clientSecret);
    await vi.waitFor(async () => expect((await lastUsedAt())?.getTime()).toBe(t.clock.now().getTime()));
  });
});

describe('POST /oauth/token errors (RFC 6749 §5.2)', () => {
  let c: { clientId: string; clientSecret: string };
  beforeAll(async () => {
    c = await createClient(['admin:users:read']);
  });

  it('invalid_client: 401 with WWW-Authenticate for basic, 401 for post', async () => {
    const res = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(c.clientId, 'wrong') });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
    const post = await tokenRequest({ grant_type: 'client_credentials', client_id: 'mc_unknown', client_secret: 'x' });
    expect(post.status).toBe(401);
    expect(await post.json()).toMatchObject({ error: 'invalid_client' });
    const none = await tokenRequest({ grant_type: 'client_credentials' });
    expect((await none.json()).error).toBe('invalid_client');
  });

  it('unsupported_grant_type, invalid_request and invalid_scope', async () => {
    const auth = { authorization: basic(c.clientId, c.clientSecret) };
    const password = await tokenRequest({ grant_type: 'password', username: 'a', password: 'b' }, auth);
    expect(password.status).toBe(400);
    expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const missing = await tokenRequest({}, auth);
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
    const both = await tokenRequest({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret }, auth);
    expect(await both.json()).toMatchObject({ error: 'invalid_request' });
    const json = await t.fetch('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: '{}' });
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
    // RFC 6749 §3.2: a parameter sent without a value is treated as omitted (the granted scopes).
    const empty = await tokenRequest({ grant_type: 'client_credentials', scope: '' }, auth);
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({ scope: 'admin:users:read' });
    const scope = await tokenRequest({ grant_type: 'client_credentials', scope: 'admin:users:write' }, auth);
    expect(scope.status).toBe(400);
    expect(await scope.json()).toMatchObject({ error: 'invalid_scope' });
  });
});
