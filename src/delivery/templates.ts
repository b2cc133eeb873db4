// Messages that carry a verification code. The code comes first in the text part so that mail
// clients (and our tests) find it, and both parts name its lifetime.
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
  return { to, subject: 'Your verification code', text, html };
}

export function verificationCodeSms(to: string, code: string, lifetimeMinutes: number): SmsMessage {
  return { to, text: `Your verification code is ${code}. It expires in ${lifetimeMinutes} minutes.` };
}
