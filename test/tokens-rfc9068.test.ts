// Access tokens and discovery checked by a real OAuth library (oauth4webapi, panva): the metadata
// is RFC 8414 under both well-known names, and every access token, a user's or a machine
// client's, passes RFC 9068 validation. A user token's client_id never makes it a machine token.
import * as oauth from 'oauth4webapi';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_PARTY_CLIENT_ID } from '../src/auth/token-kinds.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let as: oauth.AuthorizationServer;
const issuer = new URL('http://account.test');
const http = () => ({
  [oauth.allowInsecureRequests]: true, // the test issuer is http://account.test
  // A native Request serializes the library's URLSearchParams body as a client on the wire would.
  [oauth.customFetch]: (url: string, init?: RequestInit) => t.app.fetch(new Request(url, init)),
});

beforeAll(async () => {
  t = await createTestApp();
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...http() }));
});
afterAll(() => t.close());

const bearer = (token: string) => new Request('http://api.example/resource', { headers: { authorization: `Bearer ${token}` } });
// The library's clock is the real one; the service's fake clock starts at the same instant.
const validate = (token: string) => oauth.validateJwtAccessToken(as, bearer(token), 'http://account.test', http());

async function machineClient(scopes: string[]) {
  const created = await t.gql(
    `mutation($input: CreateMachineClientInput!) { admin { createMachineClient(input: $input) { ... on MachineClientSecret { clientId clientSecret } } } }`,
    { input: { name: 'rfc9068', scopes } },
    await t.adminToken(),
  );
  return created.data.admin.createMachineClient as { clientId: string; clientSecret: string };
}

describe('discovery (RFC 8414)', () => {
  it('serves the same truthful metadata under both well-known names', async () => {
    const oidc = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...http() }));
    expect(oidc).toEqual(as);
    expect(as).toEqual({
      issuer: 'http://account.test',
      token_endpoint: 'http://account.test/oauth/token',
      jwks_uri: 'http://account.test/.well-known/jwks.json',
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      response_types_supported: [],
      scopes_supported: ['admin:users:read', 'admin:users:write', 'admin:users:impersonate', 'admin:settings', 'admin:audit:read'],
    });
    // Nothing advertised that does not exist: no authorization endpoint, no ID tokens.
    expect(as).not.toHaveProperty('authorization_endpoint');
    expect(as).not.toHaveProperty('id_token_signing_alg_values_supported');
  });
});

describe('access tokens (RFC 9068)', () => {
  it('user tokens from sign-in and refresh carry the first-party client_id and validate', async () => {
    const { accessToken, refreshToken } = await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const claims = await validate(accessToken);
    expect(claims).toMatchObject({ client_id: FIRST_PARTY_CLIENT_ID, iss: 'http://account.test', aud: 'http://account.test' });
    expect(claims.sid).toBeTruthy();
    // The same token still acts as its user, not as a machine client.
    expect((await t.gql('{ me { primaryEmail } }', {}, accessToken)).data.me.primaryEmail).toBe(ADMIN_EMAIL);

    const refreshed = await t.gql(`mutation($r: String!) { refreshTokens(refreshToken: $r) { ... on TokenSet { accessToken } } }`, { r: refreshToken });
    const next = refreshed.data.refreshTokens.accessToken as string;
    expect((await validate(next)).client_id).toBe(FIRST_PARTY_CLIENT_ID);
    expect((await t.gql('{ me { primaryEmail } }', {}, next)).data.me.primaryEmail).toBe(ADMIN_EMAIL);
  });

  it('impersonation tokens validate and still act as the user', async () => {
    const user = await t.createUser({ primaryEmail: 'imp-9068@example.com', password: 'mossy-lantern-harbor-77' });
    const result = await t.gql(
      `mutation($input: ImpersonateUserInput!) { admin { impersonateUser(input: $input) { ... on TokenSet { accessToken } ... on Error { code message } } } }`,
      { input: { userId: user.id, reason: 'support ticket 9068' } },
      await t.adminToken(),
    );
    const token = result.data.admin.impersonateUser.accessToken as string;
    expect(await validate(token)).toMatchObject({ client_id: FIRST_PARTY_CLIENT_ID, sub: user.id });
    expect((await t.gql('{ me { primaryEmail } }', {}, token)).data.me.primaryEmail).toBe('imp-9068@example.com');
  });

  it('machine-client tokens from the token endpoint validate and act as the client', async () => {
    const client = await machineClient(['admin:users:read']);
    const auth = { client_id: client.clientId };
    const response = await oauth.clientCredentialsGrantRequest(as, auth, oauth.ClientSecretBasic(client.clientSecret), new URLSearchParams(), http());
    const tokens = await oauth.processClientCredentialsResponse(as, auth, response);
    const claims = await validate(tokens.access_token);
    expect(claims).toMatchObject({ sub: client.clientId, client_id: client.clientId });
    expect(claims).not.toHaveProperty('sid');
    const read = await t.gql('{ me { id } admin { users(first: 1) { totalCount } } }', {}, tokens.access_token);
    expect(read.data.me).toBeNull();
    expect(read.data.admin.users.totalCount).toBeGreaterThan(0);
  });

  it('a token is a machine token only with the machine shape: no sid, sub = client_id = mc_…', async () => {
    // Signed by the service itself, so only the shape decides; each of these mixes the two kinds.
    const client = await machineClient(['admin:users:read']);
    const admin = decodeJwt((await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken);
    const mixed = [
      { sub: admin.sub as string, client_id: client.clientId, scope: 'admin:users:read' },
      { sub: client.clientId, sid: admin.sid as string, client_id: client.clientId, scope: 'admin:users:read' },
      { sub: FIRST_PARTY_CLIENT_ID, client_id: FIRST_PARTY_CLIENT_ID, scope: 'admin:users:read' },
    ];
    for (const claims of mixed) {
      const token = await t.app.deps.tokens.signAccessToken(claims, 60);
      const result = await t.gql('{ admin { users(first: 1) { totalCount } } }', {}, token);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(claims)).toBe('UNAUTHENTICATED');
    }
  });
});
