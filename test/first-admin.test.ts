// ensureFirstAdmin (ADMIN_EMAIL at start and create-admin) reports what really happened and never
// promotes an account whose password does not match; the process-level refusal is in first-run.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLE } from '../src/auth/scope-names.js';
import { ensureFirstAdmin, FirstAdminRefused } from '../src/domain/users/users.service.js';
import { ADMIN_EMAIL, createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // Start from a service without an admin, as a fresh install is.
  await t.db.prisma.user.update({ where: { primaryEmail: ADMIN_EMAIL }, data: { roles: { set: [] } } });
});
afterAll(() => t.close());

async function signUp(email: string, password: string) {
  const result = await t.gql(`mutation($i: SignUpInput!) { signUp(input: $i) { __typename ... on Error { code message } } }`, { i: { email, password } });
  expect(result.data.signUp.__typename, JSON.stringify(result)).toBe('TokenSet');
}
const signInScope = async (email: string, password: string) =>
  (await t.gql(`mutation($i: SignInInput!) { signIn(input: $i) { ... on TokenSet { scope } ... on Error { code } } }`, { i: { identifier: email, password } })).data.signIn;

describe('first admin', () => {
  it('refuses to promote an account whose password does not match, and changes nothing', async () => {
    await signUp('squatter@example.com', 'velvet-quarry-harbor-19');
    await expect(ensureFirstAdmin(t.app.deps, 'squatter@example.com', 'the-operators-own-88')).rejects.toBeInstanceOf(FirstAdminRefused);
    expect((await signInScope('squatter@example.com', 'velvet-quarry-harbor-19')).scope).not.toContain('admin:');
    const audit = await t.db.prisma.auditEvent.count({ where: { action: 'admin.user.set_roles' } });
    expect(audit).toBe(0);
  });

  it('promotes an existing account only with its own password, audited as "promoted"', async () => {
    await signUp('owner@example.com', 'mossy-canyon-lantern-31');
    expect(await ensureFirstAdmin(t.app.deps, 'OWNER@example.com', 'mossy-canyon-lantern-31')).toBe('promoted');
    expect((await signInScope('owner@example.com', 'mossy-canyon-lantern-31')).scope).toContain('admin:users:write');
    const event = await t.db.prisma.auditEvent.findFirst({ where: { action: 'admin.user.set_roles' } });
    expect(event).toMatchObject({ actorType: 'system', details: { after: [ADMIN_ROLE], reason: 'first admin' } });
  });

  it('once an admin exists, reports that and changes nothing', async () => {
    expect(await ensureFirstAdmin(t.app.deps, 'someone@example.com', 'someone-else-entirely-5')).toBe('admin-exists');
    expect(await t.db.prisma.user.findUnique({ where: { primaryEmail: 'someone@example.com' } })).toBeNull();
  });

  it('creates a new account when the address is free, and says "created"', async () => {
    await t.db.prisma.user.updateMany({ data: { roles: { set: [] } } });
    expect(await ensureFirstAdmin(t.app.deps, 'fresh@example.com', 'amber-willow-meadow-64')).toBe('created');
    expect((await signInScope('fresh@example.com', 'amber-willow-meadow-64')).scope).toContain('admin:settings');
  });
});
