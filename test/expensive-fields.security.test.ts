// Fields that hash a password, send a message or call an identity provider carry the `expensive`
// option (schema/expensive-fields.ts): at most REQUEST_WORK_BUDGET of them run per request, and
// EXPENSIVE_FIELD_LIMIT_PER_MINUTE per account and kind (docs/security.md). The fields are read
// from the schema the app serves, so a field marked later is covered without editing this file,
// and the work is counted where it happens: argon2/bcrypt runs (the counter behind
// /metrics' password_hash_operations_total), mails at the SMTP sink, texts at the SMS sink.
import { getNamedType, type GraphQLField, GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_WORK_BUDGET } from '../src/domain/auth/expensive-work.js';
import { passwordHashOperations } from '../src/auth/passwords.js';
import { schema } from '../src/schema/index.js';
import { aliasAnswers, aliasedCall, type ParentPath, parentPaths } from './helpers/schema-probes.js';
import { createTestApp, type GqlResult, type TestApp } from './helpers/test-app.js';

const ALIASES = 30;
const PASSWORD = 'a-long-enough-password';

/** Fields known to hash, send or call a provider: the option may spread, never shrink below this. */
const KNOWN_EXPENSIVE = {
  'Mutation.signIn': 'hash',
  'Mutation.signUp': 'hash',
  'MeMutation.verifyPassword': 'hash',
  'MeMutation.setPassword': 'hash',
  'AdminMutation.createUser': 'hash',
  'AdminMutation.setUserPassword': 'hash',
  'AdminMutation.verifyUserPassword': 'hash',
  'MeMutation.sendVerificationCode': 'send',
  'Mutation.startSocialSignIn': 'provider',
  'Mutation.finishSocialSignIn': 'provider',
  'MeMutation.startSocialLink': 'provider',
  'MeMutation.finishSocialLink': 'provider',
  'MeMutation.startSocialVerification': 'provider',
  'MeMutation.verifySocialIdentity': 'provider',
  'AdminMutation.createIdentityProvider': 'provider',
  'AdminMutation.updateIdentityProvider': 'provider',
  'User.identityAccessToken': 'provider',
};

interface ServedField {
  name: string;
  parent: string;
  field: GraphQLField<unknown, unknown>;
  expensive: unknown;
}

function servedFields(): ServedField[] {
  const out: ServedField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      out.push({ name: `${type.name}.${field.name}`, parent: type.name, field, expensive: field.extensions.expensive });
    }
  }
  return out;
}

const paths = parentPaths(schema);
/** Where a parent type is reached (User: the caller's own account, Query.me). */
function pathTo(parent: string): ParentPath {
  const path = paths.get(parent);
  if (!path) throw new Error(`no way to reach ${parent} from a root type: teach parentPaths`);
  return path;
}

/** A count of work within the budget, or the count itself (so a failure names it). */
const withinBudget = (count: number) => (count <= REQUEST_WORK_BUDGET ? 'within budget' : count);

/** The work the app did meanwhile, as seen from outside. */
function work(t: TestApp) {
  return { hashes: passwordHashOperations(), messages: t.mail.messages.length + t.sms.length };
}

/** Aliases refused by the per-request budget: union members, or top-level errors on fields without a union. */
function budgetRefusals(res: GqlResult, parent: ParentPath): number {
  const isBudget = (code: unknown, message: unknown) => code === 'RATE_LIMITED' && String(message).includes('per request');
  const members = aliasAnswers(res.data, parent, ALIASES).filter((a: any) => a && isBudget(a.code, a.message)).length;
  const topLevel = (res.errors ?? []).filter((e) => isBudget(e.extensions?.code, e.message)).length;
  return members + topLevel;
}

let t: TestApp;
let admin: string;
let user: { id: string; token: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminToken();
  user = await t.createUser({ username: 'budget-user', primaryEmail: 'budget-user@example.com', password: PASSWORD });
});
afterAll(() => t.close());

const tokenFor = (parent: ParentPath) => (parent.path[0] === 'admin' ? admin : parent.path[0] === 'me' ? user.token : undefined);

describe('the expensive-field option in the served schema', () => {
  const marked = servedFields().filter((f) => f.expensive !== undefined);

  it('marks at least every field known to hash, send or call a provider, with its kind', () => {
    const kinds = Object.fromEntries(marked.map((f) => [f.name, f.expensive]));
    expect(kinds).toMatchObject(KNOWN_EXPENSIVE);
    for (const f of marked) expect(['hash', 'send', 'provider']).toContain(f.expensive);
  });

  it(`runs at most ${REQUEST_WORK_BUDGET} of ${ALIASES} aliased calls of each marked field, and no more work than that`, async () => {
    for (const f of marked) {
      const parent = pathTo(f.parent);
      // Every argument filled: options that look at one (createUser's password) see it.
      const { query, variables } = aliasedCall(f.field, parent, ALIASES, true);
      const before = work(t);
      const res = await t.gql(query, variables, tokenFor(parent));
      const after = work(t);
      expect({ field: f.name, refused: budgetRefusals(res, parent) }).toEqual({ field: f.name, refused: ALIASES - REQUEST_WORK_BUDGET });
      expect({ field: f.name, hashes: withinBudget(after.hashes - before.hashes), messages: withinBudget(after.messages - before.messages) }).toEqual({
        field: f.name,
        hashes: 'within budget',
        messages: 'within budget',
      });
    }
  });

  // About 60 requests of 30 calls each: longer than the default timeout on a loaded machine.
  it('no unmarked mutation hashes or sends more than the budget when called 30 times in one request', { timeout: 240_000 }, async () => {
    // Catches a field that does the work with any argument but lacks the option (e.g. a sign-in
    // that burns a dummy hash for an unknown identifier). Fields that only hash past other checks
    // are held by KNOWN_EXPENSIVE above.
    const unmarked = servedFields().filter((f) => f.expensive === undefined && ['Mutation', 'MeMutation', 'AdminMutation'].includes(f.parent));
    expect(unmarked.length).toBeGreaterThan(40);
    const probe = await t.createUser({ username: 'budget-sweep', password: PASSWORD });
    for (const f of unmarked) {
      if (f.parent === 'Mutation' && getNamedType(f.field.type) instanceof GraphQLObjectType && f.field.args.length === 0) continue; // namespaces
      const parent = pathTo(f.parent);
      const { query, variables } = aliasedCall(f.field, parent, ALIASES);
      const before = work(t);
      await t.gql(query, variables, parent.path[0] === 'admin' ? admin : parent.path[0] === 'me' ? probe.token : undefined);
      const after = work(t);
      expect({ field: f.name, hashes: withinBudget(after.hashes - before.hashes), messages: withinBudget(after.messages - before.messages) }).toEqual({
        field: f.name,
        hashes: 'within budget',
        messages: 'within budget',
      });
    }
  });
});

describe('real work bounded per request', () => {
  it('30 aliased signIn with a wrong password hash 3 times; the rest answer RATE_LIMITED', async () => {
    const target = await t.createUser({ username: 'budget-sign-in', password: PASSWORD });
    const aliases = Array.from({ length: ALIASES }, (_, i) => `s${i}: signIn(input: { identifier: "budget-sign-in", password: "wrong-password-${i}" }) { __typename ... on Error { code } }`);
    const before = passwordHashOperations();
    const res = await t.gql(`mutation { ${aliases.join(' ')} }`);
    expect(passwordHashOperations() - before).toBe(REQUEST_WORK_BUDGET);
    const codes = Object.values(res.data as Record<string, { code: string }>).map((a) => a.code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(REQUEST_WORK_BUDGET);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(ALIASES - REQUEST_WORK_BUDGET);
    // The refused attempts never reached the account: only the three that ran count toward its lockout.
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.failedSignIns).toBe(REQUEST_WORK_BUDGET);
  });

  it('30 parallel me.verifyPassword in one request hash 3 times', async () => {
    const aliases = Array.from({ length: ALIASES }, (_, i) => `v${i}: verifyPassword(password: "wrong-${i}") { __typename ... on Error { code } }`);
    const before = passwordHashOperations();
    const res = await t.gql(`mutation { me { ${aliases.join(' ')} } }`, {}, user.token);
    expect(passwordHashOperations() - before).toBe(REQUEST_WORK_BUDGET);
    const codes = Object.values(res.data.me as Record<string, { code: string }>).map((a) => a.code);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(ALIASES - REQUEST_WORK_BUDGET);
  });

  it('30 aliased sendVerificationCode to 30 addresses send 3 mails', async () => {
    const sender = await t.createUser({ username: 'budget-sender', password: PASSWORD });
    const aliases = Array.from({ length: ALIASES }, (_, i) => `c${i}: sendVerificationCode(input: { email: "budget-${i}@example.com" }) { __typename ... on Error { code } }`);
    const before = t.mail.messages.length;
    const res = await t.gql(`mutation { me { ${aliases.join(' ')} } }`, {}, sender.token);
    const answers = Object.values(res.data.me as Record<string, { __typename: string; code?: string }>);
    expect(answers.filter((a) => a.__typename === 'VerificationRecord')).toHaveLength(REQUEST_WORK_BUDGET);
    expect(answers.filter((a) => a.code === 'RATE_LIMITED')).toHaveLength(ALIASES - REQUEST_WORK_BUDGET);
    // Codes are sent before the answer: the sink already holds them.
    expect(t.mail.messages.slice(before).filter((m) => /budget-\d+@example\.com/.test(m.to.join(',')))).toHaveLength(REQUEST_WORK_BUDGET);
  });
});

describe('per-account limit (EXPENSIVE_FIELD_LIMIT_PER_MINUTE)', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ EXPENSIVE_FIELD_LIMIT_PER_MINUTE: '4' });
  });
  afterAll(() => limited.close());

  const SIGN_IN = `mutation($identifier: String!) { signIn(input: { identifier: $identifier, password: "wrong-password" }) {
    __typename ... on RateLimitedError { code message retryAfterSeconds } ... on Error { code } } }`;

  it('counts sign-in per identifier across requests, before any hash, whatever its spelling', async () => {
    for (const spelling of ['ghost-account', 'GHOST-ACCOUNT', ' ghost-account', 'Ghost-Account']) {
      const res = await limited.gql(SIGN_IN, { identifier: spelling });
      expect(res.data.signIn.code).toBe('INVALID_CREDENTIALS');
    }
    const before = passwordHashOperations();
    const refused = await limited.gql(SIGN_IN, { identifier: 'ghost-account' });
    expect(passwordHashOperations()).toBe(before);
    expect(refused.data.signIn).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED', message: expect.stringContaining('this account') });
    expect(refused.data.signIn.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Another account is not affected.
    expect((await limited.gql(SIGN_IN, { identifier: 'other-account' })).data.signIn.code).toBe('INVALID_CREDENTIALS');
  });

  it('counts a signed-in user’s password checks per account, whatever the requests', async () => {
    const u = await limited.createUser({ username: 'limited-user', password: PASSWORD });
    const CHECK = `mutation { me { verifyPassword(password: "wrong") { __typename ... on Error { code } } } }`;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await limited.gql(CHECK, {}, u.token)).data.me.verifyPassword.code);
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'RATE_LIMITED']);
  });

  it('counts admin password checks per target user', async () => {
    const target = await limited.createUser({ username: 'limited-target', password: PASSWORD });
    const adminToken = await limited.adminToken();
    const CHECK = `mutation($id: ID!) { admin { verifyUserPassword(id: $id, password: "guess") { __typename ... on PasswordCheck { valid } ... on Error { code } } } }`;
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push((await limited.gql(CHECK, { id: target.id }, adminToken)).data.admin.verifyUserPassword.__typename);
    expect(answers).toEqual(['PasswordCheck', 'PasswordCheck', 'PasswordCheck', 'PasswordCheck', 'RateLimitedError']);
  });
});
