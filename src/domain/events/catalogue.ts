// The event catalogue: every event type the service emits, with its payload type and the audit
// actions it is recorded under (like Logto's hook context map). One audited change is one event:
// its audit row (action = how it happened, for admins) and its event (type + data = what happened,
// for webhooks, the user's activity and the live stream) are one row, written in the change's
// transaction. Grep a type ('user.email.changed') to find its emitters and its consumers.
//
// Payloads never carry a secret, a hash or anything that authorizes (a verification record's id, a
// challenge, a state): they go to webhook receivers and to the user. The collector enforces it
// (payload-rules.ts); the types below leave such fields out in the first place.

export interface UserRef {
  id: string;
}

type MfaType = 'TOTP' | 'BACKUP_CODE' | 'WEBAUTHN';

export interface EventPayloads {
  /** method/provider: a sign-up through a social identity provider (method 'social'). */
  'user.created': {
    user: UserRef;
    username: string | null;
    primaryEmail: string | null;
    primaryPhone: string | null;
    roles: string[];
    via: 'admin' | 'sign_up';
    method?: 'social';
    provider?: string;
  };
  /** Profile fields (name, avatar, profile, customData, username) changed. */
  'user.updated': { user: UserRef; fields: string[]; username?: string | null };
  /** via purge: the maintenance job ended a grace period (docs/account-lifecycle.md). */
  'user.deleted': { user: UserRef; username: string | null; primaryEmail: string | null; primaryPhone: string | null; via: 'admin' | 'self' | 'purge' };
  /** The account is purged at deletionScheduledAt unless restored before. */
  'user.deletion_scheduled': { user: UserRef; deletionScheduledAt: string; revokedSessions: number; via: 'admin' | 'self' };
  'user.deletion_cancelled': { user: UserRef; via: 'restore_token' | 'admin' };
  /** "This was not me": the reported session ended, trusted devices were forgotten, a password change is required. */
  'user.sign_in_reported': { user: UserRef; sessionId: string | null; revokedSessions: number; forgottenDevices: number };
  /** A device was trusted at the MFA step (it skips the second factor until it expires). */
  'user.trusted_device.added': { user: UserRef; device: { id: string; name: string } };
  /** One device (device) or all (count) forgotten. */
  'user.trusted_device.removed': { user: UserRef; device?: { id: string; name: string }; count: number };
  'user.suspended': { user: UserRef; revokedSessions: number };
  'user.unsuspended': { user: UserRef };
  'user.roles.changed': { user: UserRef; before: string[]; after: string[] };
  /** Set (email = the new address) or removed (email = null); previousEmail hears of it. */
  /** revertLinkSent: previousEmail got a link that undoes the change (it then gets no plain notice). via revert: that link was followed. */
  'user.email.changed': { user: UserRef; email: string | null; previousEmail: string | null; revertLinkSent?: boolean; via?: 'revert' };
  'user.phone.changed': { user: UserRef; phone: string | null; previousPhone: string | null };
  'user.password.changed': { user: UserRef; revokedSessions?: number; via: 'self' | 'admin' };
  /** An admin checked a password against the stored hash (admin.verifyUserPassword). */
  'user.password.checked': { user: UserRef; valid: boolean };
  'user.locked': { user: UserRef; reason: 'failed_sign_ins' | 'failed_mfa_codes'; seconds: number };
  'user.mfa.added': { user: UserRef; factor: { id: string; type: MfaType }; replacedPreviousSet?: boolean; [detail: string]: unknown };
  'user.mfa.removed': { user: UserRef; factor: { id: string; type: MfaType }; via: 'self' | 'admin' };
  /** method: the first step's credential kind (password, passkey, …); mfa: the second step's factor. */
  'user.signed_in': { user: UserRef; sessionId: string; method?: string; mfa?: MfaType; remainingBackupCodes?: number; [detail: string]: unknown };
  'user.sign_in_failed': { user: UserRef; reason: 'password' | 'mfa_code' };
  'user.impersonated': { user: UserRef; sessionId: string; reason: string; ttlSeconds: number; targetIsAdmin: boolean };
  /** One session (sessionId) or several (count) ended. */
  'session.revoked': { user: UserRef; sessionId?: string; count: number; reason: 'revoked_by_user' | 'revoked_by_admin' | 'refresh_token_reuse' };
  'token.created': { user: UserRef; token: { id: string; name: string; expiresAt: string | null }; via: 'self' | 'admin' };
  'token.revoked': { user: UserRef; token: { id: string; name: string }; via: 'self' | 'admin' };
  /** A personal access token minted by an admin (or machine client) was used; the actor is the minter. */
  'token.used': { user: UserRef; token: { id: string; name: string }; mintedBy: { id: string; type: 'user' | 'client' } };
  'verification.code_sent': { user: UserRef; channel: 'email' | 'phone'; provesIdentity: boolean };
  'verification.password_failed': { user: UserRef };
  'verification.totp_failed': { user: UserRef };
  'verification.passkey_failed': { user: UserRef };
  /** A passkey (an MFA factor of type WEBAUTHN: added and removed as user.mfa.added / user.mfa.removed) was renamed. */
  'user.passkey.renamed': { user: UserRef; factor: { id: string; type: MfaType }; name: string };
  /** A passkey assertion showed a signature counter that went backwards (a cloned authenticator?). */
  'user.passkey.counter_regressed': { user: UserRef; factor: { id: string; type: MfaType }; [detail: string]: unknown };
  // Emitted by the social-identity feature (declared here so it converts by name).
  /** provider: the provider's key; subject: the user's id at the provider. via trusted_email: by a social sign-in with the account's verified email. */
  'identity.linked': { user: UserRef; provider: string; identityId: string; subject: string; via: 'self' | 'admin' | 'trusted_email' };
  'identity.unlinked': { user: UserRef; provider: string; identityId: string; subject: string; via: 'self' | 'admin' };
  /** A linked identity proved the user's identity for a sensitive change (step-up by signing in again at the provider). */
  'verification.social_verified': { user: UserRef; provider: string };
  /** provider: its key (a field named "key" would be redacted). */
  'identity_provider.created': { provider: string; identityProvider: IdentityProviderRef };
  'identity_provider.updated': { provider: string; identityProvider: IdentityProviderRef; clientSecretChanged: boolean };
  /** unlinkedIdentities: how many users' identities went with it. */
  'identity_provider.deleted': { provider: string; identityProvider: IdentityProviderRef; unlinkedIdentities: number };
  'account_center.updated': { enabled?: boolean; pageEnabled?: boolean; fields?: Record<string, string> };
  'password_policy.updated': { changed: Record<string, unknown>; policy: Record<string, unknown> };
  'machine_client.created': { machineClientId: string; clientId: string; name: string; scopes: string[] };
  'machine_client.secret_rotated': { machineClientId: string; clientId: string };
  'machine_client.deleted': { machineClientId: string; clientId: string; name: string };
  'webhook.created': { webhook: WebhookRef };
  'webhook.updated': { webhook: WebhookRef };
  'webhook.deleted': { webhook: WebhookRef };
  'webhook.secret_rotated': { webhook: WebhookRef };
  /** testWebhook: sent to that one webhook only. */
  'webhook.test': { webhook: WebhookRef };
  'webhook.redelivered': { webhookId: string; deliveryId: string; eventId: string };
}

export interface IdentityProviderRef {
  id: string;
  type: string;
  name: string;
}

export interface WebhookRef {
  id: string;
  name: string | null;
  url: string;
  events: string[];
}

export type EventType = keyof EventPayloads;

/**
 * The audit actions each type is recorded under (unchanged names from before the seam: they say
 * which door the change came through). `security: true` types are the user's own security
 * activity (me.securityEvents, the live stream).
 */
export const EVENT_TYPES = {
  'user.created': { audit: ['admin.user.create', 'user.sign_up'], security: false },
  'user.updated': { audit: ['admin.user.update', 'user.profile.update'], security: false },
  'user.deleted': { audit: ['admin.user.delete', 'user.delete_self', 'user.purge'], security: false },
  'user.deletion_scheduled': { audit: ['user.deletion.schedule', 'admin.user.deletion.schedule'], security: true },
  'user.deletion_cancelled': { audit: ['user.deletion.cancel', 'admin.user.deletion.cancel'], security: true },
  'user.sign_in_reported': { audit: ['user.sign_in.report'], security: true },
  'user.trusted_device.added': { audit: ['user.trusted_device.add'], security: true },
  'user.trusted_device.removed': { audit: ['user.trusted_device.revoke', 'user.trusted_device.revoke_all'], security: true },
  'user.suspended': { audit: ['admin.user.suspend'], security: true },
  'user.unsuspended': { audit: ['admin.user.unsuspend'], security: true },
  'user.roles.changed': { audit: ['admin.user.set_roles', 'admin.user.update'], security: false },
  'user.email.changed': { audit: ['user.email.set', 'user.email.remove', 'admin.user.update', 'user.email.revert'], security: true },
  'user.phone.changed': { audit: ['user.phone.set', 'user.phone.remove', 'admin.user.update'], security: true },
  'user.password.changed': { audit: ['user.password.set', 'admin.user.set_password', 'admin.user.update'], security: true },
  'user.password.checked': { audit: ['admin.user.verify_password'], security: false },
  'user.locked': { audit: ['user.locked', 'user.mfa.locked'], security: true },
  'user.mfa.added': { audit: ['user.mfa.enroll'], security: true },
  'user.mfa.removed': { audit: ['user.mfa.remove', 'admin.user.mfa.remove'], security: true },
  'user.signed_in': { audit: ['user.sign_in'], security: true },
  'user.sign_in_failed': { audit: ['user.sign_in_failed'], security: true },
  'user.impersonated': { audit: ['admin.user.impersonate'], security: true },
  'session.revoked': { audit: ['user.session.revoke', 'user.session.revoke_others', 'admin.user.revoke_sessions', 'session.refresh_token_reused'], security: true },
  'token.created': { audit: ['user.pat.create', 'admin.pat.create'], security: true },
  'token.revoked': { audit: ['user.pat.revoke', 'admin.pat.revoke'], security: true },
  'token.used': { audit: ['admin.pat.use'], security: false },
  'verification.code_sent': { audit: ['user.verification.code_sent'], security: false },
  'verification.password_failed': { audit: ['user.verification.password_failed'], security: true },
  'verification.totp_failed': { audit: ['user.verification.totp_failed'], security: true },
  'verification.passkey_failed': { audit: ['user.verification.passkey_failed'], security: true },
  'user.passkey.renamed': { audit: ['user.passkey.rename'], security: true },
  'user.passkey.counter_regressed': { audit: ['user.passkey.counter_regression'], security: true },
  'identity.linked': { audit: ['user.identity.link', 'admin.user.identity.link'], security: true },
  'identity.unlinked': { audit: ['user.identity.unlink', 'admin.user.identity.unlink'], security: true },
  'verification.social_verified': { audit: ['user.verification.social'], security: false },
  'identity_provider.created': { audit: ['admin.identity_provider.create'], security: false },
  'identity_provider.updated': { audit: ['admin.identity_provider.update'], security: false },
  'identity_provider.deleted': { audit: ['admin.identity_provider.delete'], security: false },
  'account_center.updated': { audit: ['admin.account_center.update'], security: false },
  'password_policy.updated': { audit: ['admin.password_policy.update'], security: false },
  'machine_client.created': { audit: ['admin.machine_client.create'], security: false },
  'machine_client.secret_rotated': { audit: ['admin.machine_client.rotate_secret'], security: false },
  'machine_client.deleted': { audit: ['admin.machine_client.delete'], security: false },
  'webhook.created': { audit: ['admin.webhook.create'], security: false },
  'webhook.updated': { audit: ['admin.webhook.update'], security: false },
  'webhook.deleted': { audit: ['admin.webhook.delete'], security: false },
  'webhook.secret_rotated': { audit: ['admin.webhook.rotate_secret'], security: false },
  'webhook.test': { audit: ['admin.webhook.test'], security: false },
  'webhook.redelivered': { audit: ['admin.webhook.redeliver'], security: false },
} as const satisfies Record<EventType, { audit: readonly string[]; security: boolean }>;

export type AuditActionOf<T extends EventType> = (typeof EVENT_TYPES)[T]['audit'][number];

export const ALL_EVENT_TYPES = Object.keys(EVENT_TYPES) as EventType[];
export const SECURITY_EVENT_TYPES = ALL_EVENT_TYPES.filter((t) => EVENT_TYPES[t].security);

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_TYPES, value);
}

/** What subscribers receive once the change committed (and what a webhook's body is built from). */
export interface CommittedEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  at: Date;
  userId: string | null;
  actorId: string | null;
  actorType: 'user' | 'client' | 'system';
  ip: string | null;
  userAgent: string | null;
  data: EventPayloads[T];
}
