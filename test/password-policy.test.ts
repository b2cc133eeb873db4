// The password policy as a database setting: public to read, admin-editable (merging, audited),
// and rules that follow NIST SP 800-63B: passphrases and ordinary words pass, passwords that are
// mostly one repeated or sequential run do not. Everything goes through the real HTTP path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRepetitive } from '../src/domain/users/password-policy.js';
import { createTestApp, type GqlResult, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminToken();
  adminId = (await t.gql('{ me { id } }', {}, admin)).data.me.id;
});
afterAll(() => t.close());

const POLICY = `{ passwordPolicy { minLength maxLength rejectCommon rejectUserInfo rejectRepetitive } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename
  ... on PasswordRejectedError { code message rules path } ... on Error { code message } } }`;
const UPDATE = `mutation($input: UpdatePasswordPolicyInput!) { admin { updatePasswordPolicy(input: $input) { __typename
  ... on PasswordPolicy { minLength maxLength rejectCommon rejectUserInfo rejectRepetitive } ... on UserError { path } ... on Error { code message } } } }`;

let n = 0;
async function signUp(password: string, extra: Record<string, unknown> = {}) {
  const res = await t.gql(SIGN_UP, { input: { username: `pp_user_${++n}`, password, ...extra } });
  return res.data.signUp;
}

const code = (res: GqlResult) => res.errors?.[0]?.extensions?.code;

describe('the policy by default', () => {
  it('is public', async () => {
    const res = await t.gql(POLICY);
    expect(res).toEqual({
      data: { passwordPolicy: { minLength: 8, maxLength: 256, rejectCommon: true, rejectUserInfo: true, rejectRepetitive: true } },
    });
  });

  it.each([
    'First undefined mnostu',
    'Undefined behaviour at first light',
    'hijklm garden party',
    'stuffed defaults tuesday',
    'opqrst lemonade',
    'correct horse battery staple',
    'Rstuvw is not a word 42',
    'zebra quantum lamp 91',
    'Köln-über-Düsseldorf',
    'Moon7-abcd-River',
  ])('accepts the passphrase %j', async (password) => {
    expect(await signUp(password)).toEqual({ __typename: 'TokenSet' });
  });

  it.each([
    ['aaaaaaaaaa', 'one character repeated'],
    ['aaaaaaaaaaaab', 'mostly one character'],
    ['abcdefghij', 'the alphabet'],
    ['zyxwvutsrq', 'the alphabet backwards'],
    ['98765432101', 'digits counting down'],
    ['Xx12345678', 'mostly digits counting up'],
    ['abababababab', 'a two-character block repeated'],
    ['123123123123', 'a three-character block repeated'],
    ['Pass!!!!!!!!!', 'mostly one symbol'],
  ])('refuses %j (%s) as REPEATED_OR_SEQUENTIAL_CHARACTERS, naming the rule', async (password) => {
    const res = await signUp(password);
    expect(res).toMatchObject({ __typename: 'PasswordRejectedError', code: 'PASSWORD_REJECTED', path: ['password'] });
    expect(res.rules).toContain('REPEATED_OR_SEQUENTIAL_CHARACTERS');
    expect(res.message).toContain('REPEATED_OR_SEQUENTIAL_CHARACTERS');
    expect(res.message).toMatch(/repeated or sequential characters/);
  });

  it('refuses common passwords, short ones and the user\'s own details, naming each rule', async () => {
    expect(await signUp('qwerty123')).toMatchObject({ code: 'PASSWORD_REJECTED', rules: ['COMMON_PASSWORD'] });
    const short = await signUp('tiny-pw');
    expect(short).toMatchObject({ code: 'PASSWORD_REJECTED', rules: ['MIN_LENGTH_8'] });
    expect(short.message).toContain('at least 8 characters (MIN_LENGTH_8)');
    const username = await t.gql(SIGN_UP, { input: { username: 'riverstone', password: 'my riverstone 42' } });
    expect(username.data.signUp).toMatchObject({ code: 'PASSWORD_REJECTED', rules: ['CONTAINS_USERNAME'] });
    const email = await t.gql(SIGN_UP, { input: { email: 'ada.lovelace@example.com', password: 'ada.lovelace rocks' } });
    expect(email.data.signUp).toMatchObject({ code: 'PASSWORD_REJECTED', rules: ['CONTAINS_EMAIL'] });
    expect(await signUp('Quillfeather sings loud', { name: 'Margarethe Quillfeather' })).toMatchObject({ code: 'PASSWORD_REJECTED', rules: ['CONTAINS_NAME'] });
    // A short name part is not checked: "Ann" must not forbid "planning".
    expect(await signUp('planning the weekend', { name: 'Ann Li' })).toEqual({ __typename: 'TokenSet' });
  });

  it('defines repetitive as mostly one run, not as any run of three', () => {
    for (const word of ['First', 'undefined', 'mnostu', 'Stuff', 'Defy', 'abcd1234 is my lucky charm', 'hahaha lol what']) expect(isRepetitive(word)).toBe(false);
    for (const weak of ['aaaa', '1234', 'abcd', '4321', 'aaaabbbb', 'hahahaha']) expect(isRepetitive(weak)).toBe(true);
  });
});

describe('admin.updatePasswordPolicy', () => {
  it('needs admin:settings', async () => {
    expect(code(await t.gql(UPDATE, { input: { minLength: 20 } }))).toBe('UNAUTHENTICATED');
    const user = await t.createUser({ username: 'pp_plain', password: 'a-long-enough-password' });
    expect(code(await t.gql(UPDATE, { input: { minLength: 20 } }, user.token))).toBe('FORBIDDEN');
    expect((await t.gql(POLICY)).data.passwordPolicy.minLength).toBe(8);
  });

  it('refuses a minimum below 8 or above 128 (INVALID_INPUT)', async () => {
    for (const minLength of [4, 129]) {
      const res = await t.gql(UPDATE, { input: { minLength } }, admin);
      expect(res.data.admin.updatePasswordPolicy).toMatchObject({ code: 'INVALID_INPUT', path: ['minLength'] });
    }
    expect((await t.gql(POLICY)).data.passwordPolicy.minLength).toBe(8);
  });

  it('merges, applies at once, shows publicly and is audited', async () => {
    const first = await t.gql(UPDATE, { input: { minLength: 12, rejectRepetitive: false } }, admin);
    expect(first.data.admin.updatePasswordPolicy).toEqual({
      __typename: 'PasswordPolicy',
      minLength: 12,
      maxLength: 256,
      rejectCommon: true,
      rejectUserInfo: true,
      rejectRepetitive: false,
    });
    // A rule left out keeps its setting.
    const second = await t.gql(UPDATE, { input: { rejectUserInfo: false } }, admin);
    expect(second.data.admin.updatePasswordPolicy).toMatchObject({ minLength: 12, rejectCommon: true, rejectUserInfo: false, rejectRepetitive: false });
    expect((await t.gql(POLICY)).data.passwordPolicy).toEqual({ minLength: 12, maxLength: 256, rejectCommon: true, rejectUserInfo: false, rejectRepetitive: false });

    expect(await signUp('eleven-char')).toMatchObject({ code: 'PASSWORD_REJECTED', rules: ['MIN_LENGTH_12'] });
    expect(await signUp('aaaaaaaaaaaaaa')).toEqual({ __typename: 'TokenSet' });
    expect((await t.gql(SIGN_UP, { input: { username: 'pp_rivers', password: 'pp_rivers and more' } })).data.signUp).toEqual({ __typename: 'TokenSet' });
    expect(await signUp('1qaz2wsx3edc')).toMatchObject({ code: 'PASSWORD_REJECTED', rules: ['COMMON_PASSWORD'] });

    // The same policy holds for admin-set passwords.
    const created = await t.gql(
      `mutation { admin { createUser(input: { username: "pp_admin_made", password: "short-pw-11" }) { __typename ... on PasswordRejectedError { rules } } } }`,
      {},
      admin,
    );
    expect(created.data.admin.createUser).toEqual({ __typename: 'PasswordRejectedError', rules: ['MIN_LENGTH_12'] });

    const events = await t.db.prisma.auditEvent.findMany({ where: { action: 'admin.password_policy.update' }, orderBy: { at: 'asc' } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorId: adminId, actorType: 'user' });
    expect(events[0]!.details).toMatchObject({ changed: { minLength: 12, rejectRepetitive: false }, policy: { minLength: 12, rejectRepetitive: false } });
    expect(events[1]!.details).toMatchObject({ changed: { rejectUserInfo: false } });
  });
});
