// Inputs capped by size: `nodes(ids:)` takes at most 100 ids; a JSON input (customData here, any
// `JSON` argument by the same scalar) at most 32 levels deep and 64 KiB. Past either, a clear
// top-level INVALID_INPUT, never a masked internal error, whatever the nesting (2,000 levels, or as
// deep as the 256 KiB body allows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;
let userId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminToken();
  userId = (await t.createUser({ username: 'limits-user', password: 'a-long-enough-password' })).id;
});
afterAll(() => t.close());

const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { admin { updateUser(id: $id, input: $input) { __typename ... on User { customData } ... on Error { code message } } } }`;

/** An object `levels` deep, written as text (JSON.stringify itself recurses). */
const nested = (levels: number, open = '{"a":', close = '}') => `${open.repeat(levels - 1)}{"leaf":1}${close.repeat(levels - 1)}`;

async function updateRaw(customData: string) {
  const body = `{"query":${JSON.stringify(UPDATE)},"variables":{"id":"${userId}","input":{"customData":${customData}}}}`;
  const res = await t.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body });
  return { status: res.status, body: (await res.json()) as any };
}

describe('nodes(ids:)', () => {
  it('takes 100 ids', async () => {
    const res = await t.gql(NODES, { ids: Array.from({ length: 100 }, (_, i) => `usr_${i}`) }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.nodes).toHaveLength(100);
  });

  it.each([101, 2000])('refuses %i ids with INVALID_INPUT', async (count) => {
    const res = await t.gql(NODES, { ids: [userId, ...Array.from({ length: count - 1 }, (_, i) => `usr_${i}`)] }, admin);
    expect(res.errors).toEqual([expect.objectContaining({ message: `nodes takes at most 100 ids, got ${count}`, extensions: { code: 'INVALID_INPUT' } })]);
  });
});

describe('JSON inputs', () => {
  it('takes 32 levels', async () => {
    const { body } = await updateRaw(nested(32));
    expect(body.data.admin.updateUser.__typename).toBe('User');
    expect(JSON.stringify(body.data.admin.updateUser.customData)).toBe(nested(32));
  });

  it.each([
    ['33 levels of objects', nested(33)],
    ['2,000 levels of objects', nested(2000)],
    ['2,000 levels of arrays', `{"x":${'['.repeat(2000)}1${']'.repeat(2000)}}`],
    ['100,000 levels of arrays', `{"x":${'['.repeat(100_000)}1${']'.repeat(100_000)}}`],
    ['more than 64 KiB', JSON.stringify({ blob: 'x'.repeat(64 * 1024) })],
  ])('refuses %s with INVALID_INPUT', async (_name, customData) => {
    const before = await t.db.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { customData: true } });
    const { status, body } = await updateRaw(customData);
    expect(status).toBeLessThan(500);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('INVALID_INPUT');
    expect(body.errors[0].message).toMatch(/at most (32 levels deep|64 KiB|48 levels deep)/);
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { customData: true } })).toEqual(before);
  });

  it('refuses a too deep literal in the document the same way', async () => {
    const literal = `${'{a: '.repeat(32)}{leaf: 1}${'}'.repeat(32)}`;
    const res = await t.gql(`mutation { admin { updateUser(id: "${userId}", input: { customData: ${literal} }) { __typename } } }`, {}, admin);
    expect(res.errors?.[0]).toMatchObject({ message: 'A JSON value may be at most 32 levels deep', extensions: { code: 'INVALID_INPUT' } });
  });
});

describe('aliases', () => {
  const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

  it.each(['__typename', 'me { id }'])('counts aliases of %s: 30 are answered, 31 and 500 refused', async (field) => {
    const ok = await t.gql(aliased(30, field), {}, admin);
    expect(ok.errors).toBeUndefined();
    for (const count of [31, 500]) {
      const res = await t.gql(aliased(count, field), {}, admin);
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0]?.message).toBe(`Syntax Error: Aliases limit of 30 exceeded, found ${count}.`);
    }
  });
});
