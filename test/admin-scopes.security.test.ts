// Every `admin` field demands exactly its own scope. The field list comes from the schema, so a
// new admin field without an entry in REQUIRED fails this test.
import {
  type GraphQLField,
  type GraphQLInputType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SCOPES, type AdminScope } from '../src/auth/scope-names.js';
import { schema } from '../src/schema/index.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const REQUIRED: Record<'AdminQuery' | 'AdminMutation', Record<string, AdminScope>> = {
  AdminQuery: {
    users: 'admin:users:read',
    user: 'admin:users:read',
    accountCenter: 'admin:settings',
    auditEvents: 'admin:audit:read',
    machineClients: 'admin:settings',
    webhooks: 'admin:settings',
    identityProviders: 'admin:settings',
    overview: 'admin:users:read',
  },
  AdminMutation: {
    createUser: 'admin:users:write',
    updateUser: 'admin:users:write',
    deleteUser: 'admin:users:write',
    setUserSuspended: 'admin:users:write',
    setUserPassword: 'admin:users:write',
    verifyUserPassword: 'admin:users:write',
    setUserRoles: 'admin:users:write',
    removeUserMfaFactor: 'admin:users:write',
    revokeUserSessions: 'admin:users:write',
    createPersonalAccessToken: 'admin:users:write',
    revokePersonalAccessToken: 'admin:users:write',
    impersonateUser: 'admin:users:impersonate',
    updateAccountCenter: 'admin:settings',
    updatePasswordPolicy: 'admin:settings',
    createMachineClient: 'admin:settings',
    rotateMachineClientSecret: 'admin:settings',
    deleteMachineClient: 'admin:settings',
    createWebhook: 'admin:settings',
    updateWebhook: 'admin:settings',
    deleteWebhook: 'admin:settings',
    rotateWebhookSecret: 'admin:settings',
    testWebhook: 'admin:settings',
    redeliverWebhook: 'admin:settings',
    createIdentityProvider: 'admin:settings',
    updateIdentityProvider: 'admin:settings',
    deleteIdentityProvider: 'admin:settings',
    linkUserIdentity: 'admin:users:write',
    unlinkUserIdentity: 'admin:users:write',
    cancelUserDeletion: 'admin:users:write',
    updateSignInMethods: 'admin:settings',
  },
};

/** A literal for a required input type: harmless values (unknown ids, empty lists). */
function literal(type: GraphQLInputType): string {
  if (type instanceof GraphQLNonNull) return literal(type.ofType);
  if (type instanceof GraphQLList) return '[]';
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.name;
  if (type instanceof GraphQLInputObjectType) {
    const required = Object.values(type.getFields()).filter((f) => f.type instanceof GraphQLNonNull && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  const scalar = (type as GraphQLScalarType).name;
  if (scalar === 'ID') return '"usr_doesnotexist"';
  if (scalar === 'Boolean') return 'false';
  if (scalar === 'Int') return '60';
  if (scalar === 'DateTime') return '"2999-01-01T00:00:00Z"';
  if (scalar === 'JSON') return '{}';
  return '"x"';
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => a.type instanceof GraphQLNonNull);
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : '';
  return `${kind} { admin { ${field.name}${argText} { __typename } } }`;
}

const FIELDS = (['AdminQuery', 'AdminMutation'] as const).flatMap((typeName) => {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return Object.values(type.getFields()).map((field) => ({
    typeName,
    name: field.name,
    document: operation(typeName === 'AdminQuery' ? 'query' : 'mutation', field),
    scope: REQUIRED[typeName][field.name],
  }));
});

let t: TestApp;
let userToken: string;
const exactly = new Map<AdminScope, string>();
const allBut = new Map<AdminScope, string>();

async function clientToken(scopes: string[]): Promise<string> {
  const res = await t.gql(
    `mutation($input: CreateMachineClientInput!) { admin { createMachineClient(input: $input) { ... on MachineClientSecret { clientId clientSecret } } } }`,
    { input: { name: 'matrix', scopes } },
    await t.adminToken(),
  );
  const { clientId, clientSecret } = res.data.admin.createMachineClient;
  const token = await t.fetch('/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
  });
  return (await token.json()).access_token;
}

beforeAll(async () => {
  t = await createTestApp();
  userToken = (await t.createUser({ username: 'plain-user', password: 'a-long-enough-password' })).token;
  for (const scope of ADMIN_SCOPES) {
    exactly.set(scope, await clientToken([scope]));
    allBut.set(scope, await clientToken(ADMIN_SCOPES.filter((s) => s !== scope)));
  }
});
afterAll(() => t.close());

const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

describe('admin scope matrix', () => {
  it('maps every admin field of the schema to a scope', () => {
    const unmapped = FIELDS.filter((f) => !f.scope).map((f) => `${f.typeName}.${f.name}`);
    expect(unmapped).toEqual([]);
    for (const [typeName, fields] of Object.entries(REQUIRED)) {
      const inSchema = Object.keys((schema.getType(typeName) as GraphQLObjectType).getFields()).sort();
      expect(Object.keys(fields).sort()).toEqual(inSchema);
    }
  });

  for (const field of FIELDS) {
    describe(`${field.typeName}.${field.name} (${field.scope})`, () => {
      it('anonymous → UNAUTHENTICATED', async () => {
        expect(codeOf(await t.gql(field.document))).toBe('UNAUTHENTICATED');
      });
      it('plain user → FORBIDDEN', async () => {
        expect(codeOf(await t.gql(field.document, {}, userToken))).toBe('FORBIDDEN');
      });
      it('machine client with every other scope → FORBIDDEN', async () => {
        expect(codeOf(await t.gql(field.document, {}, allBut.get(field.scope!)))).toBe('FORBIDDEN');
      });
      it('holder of exactly this scope → allowed', async () => {
        const res = await t.gql(field.document, {}, exactly.get(field.scope!));
        expect(res.errors).toBeUndefined();
        expect(res.data.admin).toHaveProperty(field.name);
      });
    });
  }

  it('User.auditEvents needs admin:audit:read', async () => {
    const users = await t.gql('{ admin { users(first: 1) { edges { node { id } } } } }', {}, exactly.get('admin:users:read'));
    const id = users.data.admin.users.edges[0].node.id;
    const q = `{ admin { user(id: "${id}") { auditEvents { edges { node { action } } } } } }`;
    expect(codeOf(await t.gql(q, {}, exactly.get('admin:users:read')))).toBe('FORBIDDEN');
    const both = await clientToken(['admin:users:read', 'admin:audit:read']);
    const ok = await t.gql(q, {}, both);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.admin.user.auditEvents.edges.length).toBeGreaterThan(0);
  });

  it('an impersonation token carries no admin scope even when the target is an admin', async () => {
    const other = await t.createUser({ username: 'other-admin', password: 'a-long-enough-password', roles: ['admin'] });
    // Impersonating an administrator takes the right to change one (every admin scope).
    const res = await t.gql(
      `mutation { admin { impersonateUser(input: { userId: "${other.id}", reason: "matrix" }) { ... on TokenSet { accessToken } } } }`,
      {},
      await clientToken([...ADMIN_SCOPES]),
    );
    const token = res.data.admin.impersonateUser.accessToken;
    for (const field of FIELDS) expect(codeOf(await t.gql(field.document, {}, token))).toBe('FORBIDDEN');
  });
});
