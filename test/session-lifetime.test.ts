// How long a session lives (REFRESH_TOKEN_TTL, sliding, shown as Session.expiresAt) and what a
// refresh grants after the user's roles change: never more than the user holds now, and never
// more than the session started with. Time moves on the test app's fake clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SCOPES } from '../src/auth/scope-names.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

const TTL_SECONDS = 3600;
const ACCESS_TTL_SECONDS = 900;
const PASSWORD = 'a-long-enough-password';
const REFRESH = `mutation($t: String!) { refreshTokens(refreshToken: $t) {
  __typename ... on TokenSet { accessToken refreshToken scope expiresIn } ... on Error { code } } }`;
const SESSIONS = '{ me { sessions(first: 10) { totalCount edges { node { id current expiresAt } } } } }';
const SET_ROLES = `mutation($id: ID!, $roles: [String!]!) { admin { setUserRoles(id: $id, roles: $roles) { __typename ... on Error { code } } } }`;
const ADMIN_READ = '{ admin { users(first: 1) { totalCount } } }';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ REFRESH_TOKEN_TTL: String(TTL_SECONDS), ACCESS_TOKEN_TTL: String(ACCESS_TTL_SECONDS) });
});
afterAll(() => t.close());

const seconds = (n: number) => t.clock.advance(n * 1000);
const inSeconds = (n: number) => new Date(t.clock.now().getTime() + n * 1000).toISOString();
const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
// The clock moves past access tokens' lifetime here: an admin token is fetched when needed, never cached.
const adminNow = async () => (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
async function createUser(input: Record<string, unknown>): Promise<string> {
  const res = await t.gql(`mutation($input: CreateUserInput!) { admin { createUser(input: $input) { ... on User { id } } } }`, { input: { ...input, password: PASSWORD } }, await adminNow());
  return res.data.admin.createUser.id;
}
const claims = (accessToken: string) => JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString());

describe('session expiry (REFRESH_TOKEN_TTL)', () => {
  it('shows expiresAt one TTL ahead, slides it on every refresh, and ends the session after a TTL without one', async () => {
    await createUser({ username: 'ttl-user' });
    const signedIn = await t.signIn('ttl-user', PASSWORD);
    const listed = (await t.gql(SESSIONS, {}, signedIn.accessToken)).data.me.sessions.edges.find((e: any) => e.node.current).node;
    expect(listed.expiresAt).toBe(inSeconds(TTL_SECONDS));

    // The access token dies on its own schedule; the session lives on.
    seconds(ACCESS_TTL_SECONDS + 1);
    expect(code(await t.gql('{ me { id } }', {}, signedIn.accessToken))).toBe('UNAUTHENTICATED');
    seconds(TTL_SECONDS - ACCESS_TTL_SECONDS - 2); // one second before the session ends
    const refreshed = (await t.gql(REFRESH, { t: signedIn.refreshToken })).data.refreshTokens;
    expect(refreshed.__typename).toBe('TokenSet');
    expect(claims(refreshed.accessToken).exp - claims(refreshed.accessToken).iat).toBe(ACCESS_TTL_SECONDS);
    const slid = (await t.gql(SESSIONS, {}, refreshed.accessToken)).data.me.sessions.edges.find((e: any) => e.node.current).node;
    expect(slid).toMatchObject({ id: listed.id, expiresAt: inSeconds(TTL_SECONDS) });

    // A full TTL without a refresh: the session is over, its newest refresh token too.
    seconds(TTL_SECONDS);
    expect((await t.gql(REFRESH, { t: refreshed.refreshToken })).data.refreshTokens).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const later = await t.signIn('ttl-user', PASSWORD);
    const live = (await t.gql(SESSIONS, {}, later.accessToken)).data.me.sessions;
    expect(live.edges.map((e: any) => e.node.id)).not.toContain(listed.id);
    expect(live.totalCount).toBe(1);
  });

  it('refuses a refresh at the very second the session expires', async () => {
    await createUser({ username: 'ttl-edge' });
    const signedIn = await t.signIn('ttl-edge', PASSWORD);
    seconds(TTL_SECONDS);
    expect((await t.gql(REFRESH, { t: signedIn.refreshToken })).data.refreshTokens).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });
});

describe('scopes on refresh after a role change', () => {
  it('drops admin scopes at once when the admin role is removed, and a later re-grant needs a new sign-in', async () => {
    const root = await adminNow();
    const helper = { id: await createUser({ username: 'ex-admin', roles: ['admin'] }) };
    const signedIn = await t.signIn('ex-admin', PASSWORD);
    expect(signedIn.scope.split(' ')).toEqual(expect.arrayContaining([...ADMIN_SCOPES]));
    expect(code(await t.gql(ADMIN_READ, {}, signedIn.accessToken))).toBeUndefined();

    expect((await t.gql(SET_ROLES, { id: helper.id, roles: [] }, root)).data.admin.setUserRoles.__typename).toBe('User');
    // The live access token loses its admin scopes on its next request.
    expect(code(await t.gql(ADMIN_READ, {}, signedIn.accessToken))).toBe('FORBIDDEN');
    const narrowed = (await t.gql(REFRESH, { t: signedIn.refreshToken })).data.refreshTokens;
    expect(narrowed.__typename).toBe('TokenSet');
    for (const scope of ADMIN_SCOPES) expect(narrowed.scope.split(' ')).not.toContain(scope);
    for (const scope of ADMIN_SCOPES) expect(String(claims(narrowed.accessToken).scope ?? '').split(' ')).not.toContain(scope);
    expect(code(await t.gql(ADMIN_READ, {}, narrowed.accessToken))).toBe('FORBIDDEN');
    expect((await t.gql('{ me { id } }', {}, narrowed.accessToken)).data.me.id).toBe(helper.id);

    // Given back, the role does not widen this session: a refresh never grants more than the session holds.
    await t.gql(SET_ROLES, { id: helper.id, roles: ['admin'] }, root);
    const again = (await t.gql(REFRESH, { t: narrowed.refreshToken })).data.refreshTokens;
    for (const scope of ADMIN_SCOPES) expect(again.scope.split(' ')).not.toContain(scope);
    expect(code(await t.gql(ADMIN_READ, {}, again.accessToken))).toBe('FORBIDDEN');
    const fresh = await t.signIn('ex-admin', PASSWORD);
    expect(fresh.scope.split(' ')).toEqual(expect.arrayContaining([...ADMIN_SCOPES]));
    expect(code(await t.gql(ADMIN_READ, {}, fresh.accessToken))).toBeUndefined();
  });
});
