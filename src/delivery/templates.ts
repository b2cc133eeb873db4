// Email and SMS texts. Verification codes come first in the text part so that mail clients (and
// our tests) find them, and both parts name their lifetime. Security notices carry no secret.
import type { EmailMessage, SmsMessage } from './types.js';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function verificationCodeEmail(to: string, code: string, lifetimeMinutes: number): EmailMessage {
  const text = [
    `Your verification code is ${code}.`,
    '',
    `It expires in ${lifetimeMinutes} minutes and can be used once.`,
    'If you did not ask for this code, ignore this message: your account is unchanged.',
  ].join('\n');
  const html = `<!doctype html>
<html><body style="font-family: sans-serif">
<p>Your verification code is</p>
<p style="font-size: 28px; font-weight: bold; letter-spacing: 4px">${escapeHtml(code)}</p>
<p>It expires in ${lifetimeMinutes} minutes and can be used once.</p>
<p style="color: #666">If you did not ask for this code, ignore this message: your account is unchanged.</p>
</body></html>`;
  return { to, subject: 'Your verification code', text, html, secret: code };
}

export function verificationCodeSms(to: string, code: string, lifetimeMinutes: number): SmsMessage {
  return { to, text: `Your verification code is ${code}. It expires in ${lifetimeMinutes} minutes.`, secret: code };
}

/** What a security notice reports; every one of them asks the owner to act if it was not them. */
export type SecurityNotice =
  | 'password_changed'
  | 'password_reset'
  | 'email_changed'
  | 'email_removed'
  | 'mfa_added'
  | 'mfa_removed'
  | 'backup_codes_generated'
  | 'token_created'
  | 'passkey_added'
  | 'passkey_removed'
  | 'identity_linked'
  | 'identity_unlinked';

const NOTICE_TEXT: Record<SecurityNotice, { subject: string; line: string }> = {
  password_changed: { subject: 'Your password was changed', line: 'The password of your account was changed.' },
  password_reset: { subject: 'Your password was reset', line: 'The password of your account was reset with a recovery code, and every session was signed out.' },
  email_changed: { subject: 'Your email address was changed', line: 'The email address of your account was changed; this address no longer signs in.' },
  email_removed: { subject: 'Your email address was removed', line: 'This email address was removed from your account.' },
  mfa_added: { subject: 'Two-step verification was added', line: 'A two-step verification method was added to your account.' },
  mfa_removed: { subject: 'Two-step verification was removed', line: 'A two-step verification method was removed from your account.' },
  backup_codes_generated: { subject: 'New backup codes were generated', line: 'New backup codes were generated for your account; earlier unused codes no longer work.' },
  token_created: { subject: 'A personal access token was created', line: 'A personal access token was created for your account.' },
  passkey_added: { subject: 'A passkey was added', line: 'A passkey was added to your account: it can now sign in without a password.' },
  passkey_removed: { subject: 'A passkey was removed', line: 'A passkey was removed from your account.' },
  identity_linked: { subject: 'A sign-in provider was linked', line: 'An account at a sign-in provider was linked to your account: it can now sign in to it.' },
  identity_unlinked: { subject: 'A sign-in provider was unlinked', line: 'An account at a sign-in provider was unlinked from your account: it no longer signs in to it.' },
};

/** A notice to the account's (or, for a changed address, the previous) email. It never carries a secret. */
export function securityNoticeEmail(to: string, notice: SecurityNotice, context: { at: Date; ip: string | null }): EmailMessage {
  const { subject, line } = NOTICE_TEXT[notice];
  const when = `When: ${context.at.toISOString()}${context.ip ? ` from ${context.ip}` : ''}.`;
  const advice = 'If this was you, no action is needed. If it was not, change your password now and contact support.';
  const text = [line, '', when, '', advice].join('\n');
  const html = `<!doctype html>
<html><body style="font-family: sans-serif">
<p>${escapeHtml(line)}</p>
<p style="color: #666">${escapeHtml(when)}</p>
<p>${escapeHtml(advice)}</p>
</body></html>`;
  return { to, subject, text, html };
}

/** The same notice as a text message, for an account's phone. */
export function securityNoticeSms(to: string, notice: SecurityNotice): SmsMessage {
  return { to, text: `${NOTICE_TEXT[notice].line} If this was not you, secure your account now.` };
}
