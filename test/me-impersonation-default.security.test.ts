// Impersonation is refused by default on every `me` mutation (docs/security.md): this test reads
// the fields of MeMutation from the schema the app serves, so a field added later is covered
// without anyone remembering to list it here. Only the opt-in list below may accept an
// impersonation token; every field refuses anonymous callers and machine clients.
import {
  getNamedType,
  type GraphQLInputType,
  GraphQLNonNull,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { createTestApp, type GqlResult, type TestApp } from './helpers/test-app.js';

/** Support staff may fix a profile and end sessions for a user; nothing else. */
const IMPERSONATION_OPT_IN = ['revokeOtherSessions', 'revokeSession', 'updateProfile'];

let t: TestApp;
let admin: string;
let clientToken: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminToken();
  const created = await t.gql(
    `mutation($input: CreateMachineClientInput!) { admin { createMachineClient(input: $input) {
      ... on MachineClientSecret { clientId clientSecret } } } }`,
    { input: { name: 'me-probe', scopes: ['admin:users:read'] } },
    admin,
  );
  const { clientId, clientSecret } = created.data.admin.createMachineClient;
  const tokenRes = await t.fetch('/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
  });
  clientToken = (await tokenRes.json()).access_token;
});
afterAll(() => t.close());

async function impersonate(userId: string): Promise<string> {
  const res = await t.gql(
    `mutation($input: ImpersonateUserInput!) { admin { impersonateUser(input: $input) { ... on TokenSet { accessToken } ... on Error { code } } } }`,
    { input: { userId, reason: 'support ticket' } },
    admin,
  );
  const token = res.data?.admin?.impersonateUser?.accessToken;
  if (!token) throw new Error(`impersonateUser failed: ${JSON.stringify(res)}`);
  return token;
}

/** A value of the right type for an argument: only authorization is under test, not the resolver. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) out[field.name] = sample(field.type);
    }
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTime':
        return '2099-01-01T00:00:00.000Z';
      case 'JSON':
        return {};
      default:
        return 'probe';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

interface Probe {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

function meMutationProbes(): Probe[] {
  const me = schema.getMutationType()?.getFields().me;
  const meType = me && getNamedType(me.type);
  if (!(meType instanceof GraphQLObjectType)) throw new Error('Mutation.me is not an object type');
  return Object.values(meType.getFields()).map((field) => {
    const required = field.args.filter((a) => a.type instanceof GraphQLNonNull && a.defaultValue === undefined);
    const decl = required.map((a, i) => `$a${i}: ${String(a.type)}`).join(', ');
    const call = required.map((a, i) => `${a.name}: $a${i}`).join(', ');
    const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
    return {
      field: field.name,
      query: `mutation${decl ? `(${decl})` : ''} { me { ${field.name}${call ? `(${call})` : ''}${selection} } }`,
      variables: Object.fromEntries(required.map((a, i) => [`a${i}`, sample(a.type)])),
    };
  });
}

const errorCode = (res: GqlResult) => res.errors?.[0]?.extensions?.code;

describe('every me mutation refuses an impersonation token unless it opts in', () => {
  const probes = meMutationProbes();

  it('finds the fields it checks', () => {
    expect(probes.length).toBeGreaterThanOrEqual(18);
    for (const name of IMPERSONATION_OPT_IN) expect(probes.map((p) => p.field)).toContain(name);
  });

  it('only the opt-in fields accept an impersonation token', async () => {
    const u = await t.createUser({ username: 'imp-enum', primaryEmail: 'imp-enum@example.com', password: 'a-long-enough-password' });
    const token = await impersonate(u.id);
    const accepted: string[] = [];
    for (const probe of probes) {
      const res = await t.gql(probe.query, probe.variables, token);
      const code = errorCode(res);
      if (code === 'FORBIDDEN') {
        expect(res.data?.me ?? null).toBeNull();
        continue;
      }
      // Anything but FORBIDDEN means the field ran its own checks for the impersonated user.
      expect({ field: probe.field, code }).toEqual({ field: probe.field, code: undefined });
      accepted.push(probe.field);
    }
    expect(accepted.sort()).toEqual([...IMPERSONATION_OPT_IN].sort());
    // The user is still there and nothing was sent on their behalf.
    expect(await t.db.prisma.user.findUnique({ where: { id: u.id } })).not.toBeNull();
    expect(t.mail.messages.filter((m) => m.to.includes('imp-enum@example.com'))).toHaveLength(0);
  });

  it('every field refuses anonymous callers (UNAUTHENTICATED) and machine clients (FORBIDDEN)', async () => {
    for (const probe of probes) {
      const anonymous = await t.gql(probe.query, probe.variables);
      expect({ field: probe.field, code: errorCode(anonymous) }).toEqual({ field: probe.field, code: 'UNAUTHENTICATED' });
      const client = await t.gql(probe.query, probe.variables, clientToken);
      expect({ field: probe.field, code: errorCode(client) }).toEqual({ field: probe.field, code: 'FORBIDDEN' });
    }
  });
});

describe('opt-in fields under impersonation', () => {
  it('updateProfile may change the name but never the username', async () => {
    const u = await t.createUser({ username: 'imp-username', password: 'a-long-enough-password' });
    const token = await impersonate(u.id);
    const UPDATE = `mutation($input: UpdateProfileInput!) { me { updateProfile(input: $input) { __typename ... on User { name username } ... on Error { code } } } }`;
    const renamed = await t.gql(UPDATE, { input: { username: 'taken-over' } }, token);
    expect(errorCode(renamed)).toBe('FORBIDDEN');
    const cleared = await t.gql(UPDATE, { input: { username: null } }, token);
    expect(errorCode(cleared)).toBe('FORBIDDEN');
    const both = await t.gql(UPDATE, { input: { name: 'Support Fix', username: 'taken-over' } }, token);
    expect(errorCode(both)).toBe('FORBIDDEN');
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect({ username: row.username, name: row.name }).toEqual({ username: 'imp-username', name: null });

    const named = await t.gql(UPDATE, { input: { name: 'Support Fix' } }, token);
    expect(named.data.me.updateProfile).toEqual({ __typename: 'User', name: 'Support Fix', username: 'imp-username' });
  });

  it('the user themselves may still change their username (with a verification record)', async () => {
    const u = await t.createUser({ username: 'own-username', password: 'a-long-enough-password' });
    const ver = await t.gql(`mutation { me { verifyPassword(password: "a-long-enough-password") { ... on VerificationRecord { id } } } }`, {}, u.token);
    const res = await t.gql(
      `mutation($input: UpdateProfileInput!) { me { updateProfile(input: $input) { __typename ... on User { username } ... on Error { code } } } }`,
      { input: { username: 'own-username-2', verificationId: ver.data.me.verifyPassword.id } },
      u.token,
    );
    expect(res.data.me.updateProfile).toEqual({ __typename: 'User', username: 'own-username-2' });
  });

  it('revokeSession ends a session of the impersonated user', async () => {
    const u = await t.createUser({ username: 'imp-session', password: 'a-long-enough-password' });
    const session = await t.db.prisma.session.findFirstOrThrow({ where: { userId: u.id, revokedAt: null } });
    const token = await impersonate(u.id);
    const res = await t.gql(
      `mutation($id: ID!) { me { revokeSession(id: $id) { __typename ... on RevokeSessionsPayload { revokedCount } } } }`,
      { id: session.id },
      token,
    );
    expect(res.data.me.revokeSession).toEqual({ __typename: 'RevokeSessionsPayload', revokedCount: 1 });
    expect(errorCode(await t.gql('{ me { id } }', {}, u.token))).toBe('UNAUTHENTICATED');
  });
});
