import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfile } from '../src/domain/account/profile.service.js';
import { newUser, PASSWORD, payload, REMOVE_EMAIL, UPDATE_PROFILE, verifyPassword } from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';
import { WebhookReceiver } from './helpers/webhook-receiver.js';

let t: TestApp;
let receiver: WebhookReceiver;
beforeAll(async () => {
  // A loopback receiver for the webhook a profile change is delivered to.
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true' });
  receiver = await WebhookReceiver.start();
  // customData is READ_ONLY on a new install; these tests exercise it as EDIT.
  await t.gql('mutation { admin { updateAccountCenter(input: {fields: {customData: EDIT}}) { __typename } } }', {}, await t.adminToken());
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const update = async (token: string, input: Record<string, unknown>) => payload(await t.gql(UPDATE_PROFILE, { input }, token), 'updateProfile');

describe('me.updateProfile', () => {
  it('changes name and avatar, clears them with null, and audits the change without values', async () => {
    const u = await newUser(t, { username: 'prof_a', password: PASSWORD });
    expect(await update(u.token, { name: '  Ada Lovelace ', avatar: 'https://cdn.example.com/ada.png' })).toMatchObject({
      __typename: 'User',
      name: 'Ada Lovelace',
      avatar: 'https://cdn.example.com/ada.png',
    });
    expect(await update(u.token, { avatar: null })).toMatchObject({ name: 'Ada Lovelace', avatar: null });
    const event = await t.db.prisma.auditEvent.findFirst({ where: { userId: u.id, action: 'user.profile.update' }, orderBy: { at: 'desc' } });
    expect(event).toMatchObject({ actorId: u.id, details: { fields: ['avatar'] } });
  });

  it('answers a plain set with the whole row as Prisma reads it, and writes its event only with the row', async () => {
    const u = await newUser(t, { username: 'prof_row', password: PASSWORD });
    const hook = await t.gql(
      'mutation($input: CreateWebhookInput!) { admin { createWebhook(input: $input) { __typename ... on WebhookSecret { webhook { id } } ... on Error { code message } } } }',
      { input: { url: receiver.url, events: ['user.updated'] } },
      await t.adminToken(),
    );
    const webhookId = hook.data?.admin?.createWebhook?.webhook?.id as string;
    if (!webhookId) throw new Error(JSON.stringify(hook));
    const actor = { actorId: u.id, actorType: 'user' as const };
    const request = { ip: '127.0.0.1', userAgent: 'vitest' };
    const before = await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    const row = await updateProfile(t.app.deps, u.id, { name: 'Row Check', customData: { a: [1, { b: null }] } }, actor, request);
    const stored = await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row).toEqual(stored);
    expect(stored.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    expect(stored).toMatchObject({ name: 'Row Check', customData: { a: [1, { b: null }] }, avatar: before.avatar, profile: before.profile });
    const events = await t.db.prisma.auditEvent.findMany({ where: { userId: u.id, action: 'user.profile.update' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'user.updated', actorId: u.id, data: { user: { id: u.id }, fields: ['name', 'customData'] }, details: { fields: ['name', 'customData'] } });
    // Its webhook delivery is written by the same statement.
    expect(await t.db.prisma.webhookDelivery.findMany({ where: { eventId: events[0]!.id }, select: { webhookId: true, eventType: true } })).toEqual([{ webhookId, eventType: 'user.updated' }]);
    // No such user: the same failure as before, and no event.
    await expect(updateProfile(t.app.deps, 'usr_missing', { name: 'x' }, actor, request)).rejects.toMatchObject({ code: 'P2025' });
    expect(await t.db.prisma.auditEvent.count({ where: { userId: 'usr_missing' } })).toBe(0);
  });

  it('accepts only an http(s) avatar URL (INVALID_INPUT)', async () => {
    const u = await newUser(t, { username: 'prof_b', password: PASSWORD });
    for (const avatar of ['javascript:alert(1)', 'ftp://example.com/a.png', 'not a url']) {
      expect(await update(u.token, { avatar })).toMatchObject({ code: 'INVALID_INPUT', path: ['avatar'] });
    }
  });

  it('merges OIDC profile claims: a claim left out keeps its value, null clears it', async () => {
    const u = await newUser(t, { username: 'prof_c', password: PASSWORD });
    await update(u.token, { profile: { givenName: 'Ada', familyName: 'Lovelace', address: { locality: 'London', country: 'UK' } } });
    const next = await update(u.token, { profile: { familyName: null, locale: 'en-GB', address: { country: 'GB' } } });
    expect(next.profile).toEqual({
      givenName: 'Ada',
      familyName: null,
      locale: 'en-GB',
      website: null,
      address: { locality: 'London', country: 'GB' },
    });
    expect(await update(u.token, { profile: { website: 'not-a-url' } })).toMatchObject({ code: 'INVALID_INPUT', path: ['profile.website'] });
  });

  it('replaces customData with a JSON object when the field is EDIT', async () => {
    const u = await newUser(t, { username: 'prof_d', password: PASSWORD });
    expect((await update(u.token, { customData: { theme: 'dark', beta: true } })).customData).toEqual({ theme: 'dark', beta: true });
    expect((await update(u.token, { customData: { theme: 'light' } })).customData).toEqual({ theme: 'light' });
    expect(await update(u.token, { customData: { blob: 'x'.repeat(17_000) } })).toMatchObject({ code: 'INVALID_INPUT', path: ['customData'] });
  });

  it('changes the username only with a verification (VERIFICATION_REQUIRED), normalised and policy-checked', async () => {
    const u = await newUser(t, { username: 'prof_e', password: PASSWORD });
    expect(await update(u.token, { username: 'prof_e_new' })).toMatchObject({ code: 'VERIFICATION_REQUIRED', path: ['verificationId'] });
    const v = await verifyPassword(t, u.token);
    expect(await update(u.token, { username: '1x', verificationId: v })).toMatchObject({ code: 'INVALID_INPUT', path: ['username'] });
    expect(await update(u.token, { username: '  Prof_E_New ', verificationId: v })).toMatchObject({ username: 'prof_e_new' });
    // The new username signs in; the old one no longer does.
    await expect(t.signIn('prof_e_new', PASSWORD)).resolves.toHaveProperty('accessToken');
    await expect(t.signIn('prof_e', PASSWORD)).rejects.toThrow();
    // Saving the same username again is not a change and needs no verification.
    expect(await update(u.token, { username: 'prof_e_new', name: 'E' })).toMatchObject({ username: 'prof_e_new', name: 'E' });
    const event = await t.db.prisma.auditEvent.findFirst({ where: { userId: u.id, action: 'user.profile.update' }, orderBy: { at: 'asc' } });
    expect(event?.details).toMatchObject({ fields: ['username'], username: 'prof_e_new' });
  });

  it('keeps usernames unique, case-insensitively (IDENTIFIER_IN_USE)', async () => {
    await newUser(t, { username: 'taken_name', password: PASSWORD });
    const u = await newUser(t, { username: 'prof_f', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    expect(await update(u.token, { username: 'Taken_Name', verificationId: v })).toMatchObject({
      __typename: 'UserError',
      code: 'IDENTIFIER_IN_USE',
      path: ['username'],
    });
  });

  it('refuses to remove the last sign-in identifier (LAST_SIGN_IN_METHOD)', async () => {
    const u = await newUser(t, { username: 'prof_g', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    expect(await update(u.token, { username: null, verificationId: v })).toMatchObject({ code: 'LAST_SIGN_IN_METHOD', path: ['username'] });
  });

  it('never lets a username removal racing an email removal leave an account without an identifier', async () => {
    for (let i = 0; i < 5; i++) {
      const u = await newUser(t, { username: `race_${i}`, primaryEmail: `race_${i}@example.com`, password: PASSWORD });
      const v = await verifyPassword(t, u.token);
      const [profile, email] = await Promise.all([
        t.gql(UPDATE_PROFILE, { input: { username: null, verificationId: v } }, u.token),
        t.gql(REMOVE_EMAIL, { v }, u.token),
      ]);
      const outcomes = [payload(profile, 'updateProfile'), payload(email, 'removePrimaryEmail')].map((r) => r.code ?? r.__typename).sort();
      expect(outcomes).toEqual(['LAST_SIGN_IN_METHOD', 'User']);
      const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
      expect(Boolean(row.username) !== Boolean(row.primaryEmail)).toBe(true);
    }
  });

  it('merges concurrent profile updates: neither loses the claim the other wrote', async () => {
    const u = await newUser(t, { username: 'merge_race', password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      await Promise.all([
        update(u.token, { profile: { givenName: `Given${i}` } }),
        update(u.token, { profile: { familyName: `Family${i}` } }),
      ]);
      const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
      expect(row.profile).toMatchObject({ givenName: `Given${i}`, familyName: `Family${i}` });
    }
  });
});
