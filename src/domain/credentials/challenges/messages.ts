// The texts of codes and links sent before sign-in. The code comes first in the text part, so
// mail clients (and tests) find it; every message names its lifetime and says what to do if the
// reader did not ask for it.
import type { EmailMessage, SmsMessage } from '../../../delivery/types.js';

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function codeEmail(to: string, subject: string, purpose: string, code: string, minutes: number): EmailMessage {
  const lines = [
    `Your code is ${code}.`,
    '',
    `Use it to ${purpose}. It expires in ${minutes} minutes and can be used once.`,
    'If you did not ask for this code, ignore this message: your account is unchanged.',
  ];
  const html = `<!doctype html>
<html><body style="font-family: sans-serif">
<p>Your code is</p>
<p style="font-size: 28px; font-weight: bold; letter-spacing: 4px">${escapeHtml(code)}</p>
<p>Use it to ${escapeHtml(purpose)}. It expires in ${minutes} minutes and can be used once.</p>
<p style="color: #666">If you did not ask for this code, ignore this message: your account is unchanged.</p>
</body></html>`;
  return { to, subject, text: lines.join('\n'), html, secret: code };
}

export function codeSms(to: string, purpose: string, code: string, minutes: number): SmsMessage {
  return { to, text: `Your code is ${code}. Use it to ${purpose}; it expires in ${minutes} minutes.`, secret: code };
}

export function linkEmail(to: string, link: string, minutes: number): EmailMessage {
  const text = [
    `Sign in: ${link}`,
    '',
    `The link expires in ${minutes} minutes and works once.`,
    'If you did not ask to sign in, ignore this message: nobody can use it without this mailbox.',
  ].join('\n');
  const html = `<!doctype html>
<html><body style="font-family: sans-serif">
<p><a href="${escapeHtml(link)}">Sign in</a></p>
<p>The link expires in ${minutes} minutes and works once.</p>
<p style="color: #666">If you did not ask to sign in, ignore this message.</p>
</body></html>`;
  return { to, subject: 'Your sign-in link', text, html, secret: link };
}
