// Every `Node` type the app serves, read through `node(id:)` and `nodes(ids:)` with every kind of
// credential: a real instance of each type (made through the API), and the set of credentials
// that may see it. Those that may not get null, as for an absent id: not even the `__typename`
// that would confirm the id exists. A new Node type fails the first test until it gets a fixture here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { CREATE_PAT, PASSWORD, verifyPassword } from './helpers/me.js';
import { challenge, enrollTotp, nextStep, totpAt } from './helpers/mfa.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

type Credential = 'owner' | 'otherUser' | 'impersonation' | 'ownerPat' | 'clientUnrelatedScope' | 'clientUsersRead' | 'clientSettings' | 'clientAudit' | 'admin' | 'anonymous';
const CREDENTIALS: Credential[] = ['owner', 'otherUser', 'impersonation', 'ownerPat', 'clientUnrelatedScope', 'clientUsersRead', 'clientSettings', 'clientAudit', 'admin', 'anonymous'];

// The owner's own records: the owner in any form (session, PAT, an admin impersonating them) and
// whoever may read users. Admin-only records: admins with that area's scope.
const OWN_RECORD: Credential[] = ['owner', 'impersonation', 'ownerPat', 'clientUsersRead', 'admin'];
const SETTINGS_RECORD: Credential[] = ['clientSettings', 'admin'];
const AUDIT_RECORD: Credential[] = ['clientAudit', 'admin'];

interface Fixture {
  readers: Credential[];
  create(): Promise<string>;
}

let t: TestApp;
let admin: string;
let owner: { id: string; token: string };
let totpSecret: string;
const tokens = new Map<Credential, string | undefined>();

const FIXTURES: Record<string, Fixture> = {
  User: { readers: OWN_RECORD, create: async () => owner.id },
  Session: {
    readers: OWN_RECORD,
    create: async () => (await t.db.prisma.session.findFirstOrThrow({ where: { userId: owner.id, kind: { not: 'IMPERSONATION' } } })).id,
  },
  MfaFactor: {
    readers: OWN_RECORD,
    create: async () => {
      const enrolled = await enrollTotp(t, owner.token);
      totpSecret = enrolled.secret;
      return enrolled.factorId;
    },
  },
  // Made after MfaFactor: remembered by a second step answered with the owner's TOTP code.
  TrustedDevice: {
    readers: OWN_RECORD,
    create: async () => {
      nextStep(t);
      const mfaToken = await challenge(t, 'node-owner');
      const res = await t.gql(
        `mutation($input: VerifySignInInput!) { verifySignIn(input: $input) { __typename ... on Error { code } } }`,
        { input: { mfaToken, totpCode: await totpAt(t, totpSecret), trustDevice: true } },
      );
      expect(res.data.verifySignIn.__typename).toBe('TokenSet');
      return (await t.db.prisma.trustedDevice.findFirstOrThrow({ where: { userId: owner.id } })).id;
    },
  },
  PersonalAccessToken: {
    readers: OWN_RECORD,
    create: async () => {
      const v = await verifyPassword(t, owner.token);
      const res = await t.gql(CREATE_PAT, { input: { name: 'node probe', verificationId: v } }, owner.token);
      return res.data.me.createPersonalAccessToken.personalAccessToken.id;
    },
  },
  Webhook: { readers: SETTINGS_RECORD, create: () => createWebhook() },
  WebhookDelivery: {
    readers: SETTINGS_RECORD,
    create: async () => {
      const webhookId = await createWebhook();
      const res = await t.gql(`mutation($id: ID!) { admin { testWebhook(id: $id) { __typename ... on Error { code } } } }`, { id: webhookId }, admin);
      expect(res.data.admin.testWebhook.__typename).not.toMatch(/Error/);
      return (await t.db.prisma.webhookDelivery.findFirstOrThrow({ where: { webhookId } })).id;
    },
  },
  MachineClient: { readers: SETTINGS_RECORD, create: async () => (await createClient('node-fixture', ['admin:audit:read'])).id },
  AuditEvent: {
    readers: AUDIT_RECORD,
    create: async () => (await t.db.prisma.auditEvent.findFirstOrThrow({ where: { userId: owner.id }, orderBy: { at: 'desc' } })).id,
  },
};

async function createWebhook(): Promise<string> {
  const res = await t.gql(
    `mutation($input: CreateWebhookInput!) { admin { createWebhook(input: $input) { ... on WebhookSecret { webhook { id } } ... on Error { code message } } } }`,
    { input: { url: 'http://127.0.0.1:9/hook', events: ['*'] } },
    admin,
  );
  return res.data.admin.createWebhook.webhook.id;
}

async function createClient(name: string, scopes: string[]): Promise<{ id: string; token: string }> {
  const res = await t.gql(
    `mutation($input: CreateMachineClientInput!) { admin { createMachineClient(input: $input) {
      ... on MachineClientSecret { clientId clientSecret machineClient { id } } ... on Error { code message } } } }`,
    { input: { name, scopes } },
    admin,
  );
  if (!res.data?.admin?.createMachineClient?.clientId) throw new Error(`createMachineClient failed: ${JSON.stringify(res)}`);
  const { clientId, clientSecret, machineClient } = res.data.admin.createMachineClient;
  const tokenRes = await t.fetch('/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
  });
  return { id: machineClient.id, token: (await tokenRes.json()).access_token };
}

async function impersonationToken(userId: string): Promise<string> {
  const res = await t.gql(
    `mutation($input: ImpersonateUserInput!) { admin { impersonateUser(input: $input) { ... on TokenSet { accessToken } ... on Error { code } } } }`,
    { input: { userId, reason: 'node access test' } },
    admin,
  );
  return res.data.admin.impersonateUser.accessToken;
}

const servedNodeTypes = () => schema.getPossibleTypes(schema.getType('Node') as never).map((type) => type.name).sort();

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_WORKER: 'false' });
  admin = await t.adminToken();
  owner = await t.createUser({ username: 'node-owner', primaryEmail: 'node-owner@example.com', password: PASSWORD });
  const other = await t.createUser({ username: 'node-other', password: PASSWORD });
  tokens.set('owner', owner.token);
  tokens.set('otherUser', other.token);
  tokens.set('admin', admin);
  tokens.set('anonymous', undefined);
  tokens.set('clientUnrelatedScope', (await createClient('impersonate-only', ['admin:users:impersonate'])).token);
  tokens.set('clientUsersRead', (await createClient('users-read', ['admin:users:read'])).token);
  tokens.set('clientSettings', (await createClient('settings', ['admin:settings'])).token);
  tokens.set('clientAudit', (await createClient('audit', ['admin:audit:read'])).token);
});
afterAll(() => t.close());

describe('node(id:) and nodes(ids:) over every served Node type', () => {
  it('has a fixture for every Node type the schema serves', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(servedNodeTypes());
  });

  it('answers each record only to the credentials that may read it, in node and in nodes', async () => {
    const ids = new Map<string, string>();
    for (const [type, fixture] of Object.entries(FIXTURES)) ids.set(type, await fixture.create());
    // Made after the fixtures, so impersonation and the PAT see the owner's records as they are now.
    tokens.set('impersonation', await impersonationToken(owner.id));
    const v = await verifyPassword(t, owner.token);
    tokens.set('ownerPat', (await t.gql(CREATE_PAT, { input: { name: 'node reader', verificationId: v } }, owner.token)).data.me.createPersonalAccessToken.token);

    const types = [...ids.keys()];
    const allIds = types.map((type) => ids.get(type)!);
    // `__typename` alone is resolved without any field of the type: it must not confirm the id either.
    for (const selection of ['__typename', '__typename id']) {
      for (const credential of CREDENTIALS) {
        const token = tokens.get(credential);
        const expected = Object.fromEntries(
          types.map((type) => [type, FIXTURES[type]!.readers.includes(credential) ? { __typename: type, ...(selection.includes('id') ? { id: ids.get(type) } : {}) } : null]),
        );
        const one: Record<string, unknown> = {};
        for (const type of types) {
          const res = await t.gql(`query($id: ID!) { node(id: $id) { ${selection} } }`, { id: ids.get(type) }, token);
          one[type] = res.data?.node ?? null;
        }
        expect({ credential, selection, node: one }).toEqual({ credential, selection, node: expected });
        const many = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ${selection} } }`, { ids: allIds }, token);
        const listed = Object.fromEntries(types.map((type, i) => [type, many.data?.nodes?.[i] ?? null]));
        expect({ credential, selection, nodes: listed }).toEqual({ credential, selection, nodes: expected });
      }
    }
  });
});
