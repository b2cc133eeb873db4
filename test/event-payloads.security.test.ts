// No event payload carries anything that authorizes: after the flows that create live handles (a
// password check, an email code, a social step-up, a social sign-in's state), neither a webhook
// body nor a stored event (data for receivers and the user, details for admins) names one. The
// check reads every event the flows wrote, so an event type added later is covered too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestOAuth2Provider, REDIRECT_URI } from './helpers/social-providers.js';
import { createProvider, socialSignIn } from './helpers/social.js';
import { PASSWORD, verifiedCodeRecord, verifyPassword } from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';
import { WebhookReceiver } from './helpers/webhook-receiver.js';

let t: TestApp;
let gh: TestOAuth2Provider;
let receiver: WebhookReceiver;

beforeAll(async () => {
  [t, gh, receiver] = await Promise.all([
    createTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_INTERVAL_MS: '100' }),
    TestOAuth2Provider.start(),
    WebhookReceiver.start(),
  ]);
  const admin = await t.adminToken();
  await createProvider(t, admin, {
    key: 'gh', name: 'GitHub', type: 'OAUTH2', clientId: gh.clientId, clientSecret: gh.clientSecret,
    authorizationEndpoint: gh.authorizationEndpoint, tokenEndpoint: gh.tokenEndpoint, userinfoEndpoint: gh.userinfoEndpoint,
    scopes: ['read:user'],
  });
  const res = await t.gql(`mutation($input: CreateWebhookInput!) { admin { createWebhook(input: $input) { ... on WebhookSecret { signingSecret } } } }`,
    { input: { url: receiver.url, events: ['*'] } }, admin);
  receiver.secret = res.data.admin.createWebhook.signingSecret;
});
afterAll(async () => {
  await t?.close();
  await gh?.close();
  await receiver?.close();
});

const START_VERIFY = `mutation($input: StartSocialVerificationInput!) { me { startSocialVerification(input: $input) { __typename
  ... on SocialAuthorization { authorizationUrl state } ... on Error { code message } } } }`;
const VERIFY = `mutation($input: VerifySocialIdentityInput!) { me { verifySocialIdentity(input: $input) { __typename
  ... on VerificationRecord { id verified } ... on Error { code message } } } }`;

describe('event payloads', () => {
  it('carry no verification record, challenge or state, in webhooks or in stored events', async () => {
    const handles: string[] = [];
    const user = await t.createUser({ username: 'payload-user', primaryEmail: 'payload@example.com', password: PASSWORD });
    handles.push(await verifyPassword(t, user.token));
    handles.push(await verifiedCodeRecord(t, user.token, { email: 'payload@example.com' }));

    const social = await socialSignIn(t, 'gh', (url) => gh.authorize(url, { id: 7070, login: 'payload-gh', email: null }));
    expect(social.__typename).toBe('TokenSet');
    const started = (await t.gql(START_VERIFY, { input: { provider: 'gh', redirectUri: REDIRECT_URI } }, social.accessToken)).data.me.startSocialVerification;
    expect(started.__typename).toBe('SocialAuthorization');
    handles.push(started.state);
    const callback = await gh.authorize(started.authorizationUrl, { id: 7070, login: 'payload-gh' });
    const record = (await t.gql(VERIFY, { input: { state: started.state, code: callback.get('code') } }, social.accessToken)).data.me.verifySocialIdentity;
    expect(record).toMatchObject({ __typename: 'VerificationRecord', verified: true });
    handles.push(record.id);

    // Every handle the flows made, and any other such row in the database.
    const rows = await Promise.all([
      t.db.prisma.verificationRecord.findMany({ select: { id: true } }),
      t.db.prisma.mfaChallenge.findMany({ select: { id: true } }),
      t.db.prisma.passkeyChallenge.findMany({ select: { id: true } }),
      t.db.prisma.socialAuthState.findMany({ select: { id: true } }),
    ]);
    handles.push(...rows.flat().map((r) => r.id));

    await expect.poll(() => receiver.ofType('verification.social_verified').length, { timeout: 10_000 }).toBe(1);
    expect(receiver.ofType('verification.social_verified')[0]!.payload.data).toEqual({ user: { id: expect.any(String) }, provider: 'gh' });
    expect(receiver.ofType('verification.code_sent')).toHaveLength(1);

    const events = await t.db.prisma.auditEvent.findMany({ select: { type: true, data: true, details: true } });
    const stored = events.map((e) => JSON.stringify(e));
    const sent = receiver.received.map((r) => r.body);
    for (const text of [...stored, ...sent]) {
      expect(text).not.toMatch(/verificationId|"(ver|mfc|pkc|sas)_[0-9a-f]/);
      for (const handle of handles) expect(text).not.toContain(handle);
    }
  });
});
