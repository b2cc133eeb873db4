// RFC 6750 §3: a refused bearer request says so in WWW-Authenticate, so OAuth client libraries
// can tell an expired/revoked token (refresh or re-authenticate) from a missing scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (query: string, authorization?: string) =>
  t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });

describe('WWW-Authenticate on /graphql (RFC 6750 §3)', () => {
  it('invalid or revoked token → 401 Bearer error="invalid_token"', async () => {
    const res = await post('{ me { id } }', 'Bearer not-a-token');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b.*error="invalid_token"/);
  });

  it('no token where one is needed → 401 Bearer without an error code', async () => {
    const res = await post('{ admin { users { totalCount } } }');
    expect(res.status).toBe(401);
    const challenge = res.headers.get('www-authenticate');
    expect(challenge).toMatch(/^Bearer\b/);
    expect(challenge).not.toMatch(/error=/);
  });

  it('missing scope → 403 Bearer error="insufficient_scope"', async () => {
    const u = await t.createUser({ username: 'no-scope', password: 'a-long-enough-password' });
    const res = await post('{ admin { users { totalCount } } }', `Bearer ${u.token}`);
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b.*error="insufficient_scope"/);
  });

  it('leaves the token endpoint to its own (Basic) challenges', async () => {
    const res = await t.fetch('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=mc_x&client_secret=y',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBeNull();
  });
});
