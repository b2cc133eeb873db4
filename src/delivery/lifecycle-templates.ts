// Mails of the account lifecycle (docs/account-lifecycle.md). Links carry a single-use token and
// go only to the account's own address (or, for an email change, its previous one).
import type { EmailMessage } from './types.js';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(to: string, subject: string, paragraphs: string[], link?: { label: string; url: string }): EmailMessage {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : [])].join('\n\n');
  const html = `<!doctype html>
<html><body style="font-family: sans-serif">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${link ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>` : ''}
</body></html>`;
  return { to, subject, text, html };
}

const when = (at: Date, ip: string | null) => `When: ${at.toISOString()}${ip ? ` from ${ip}` : ''}.`;

export function deletionScheduledEmail(to: string, deletionAt: Date, context: { at: Date; ip: string | null }): EmailMessage {
  return render(to, 'Your account will be deleted', [
    `Your account is scheduled for deletion on ${deletionAt.toISOString()}. Until then you can keep it: sign in and choose to restore it.`,
    when(context.at, context.ip),
    'If you did not ask for this, sign in now to restore your account, then change your password.',
  ]);
}

export function deletionCancelledEmail(to: string, context: { at: Date; ip: string | null }): EmailMessage {
  return render(to, 'Your account was restored', [
    'The scheduled deletion of your account was cancelled: the account stays.',
    when(context.at, context.ip),
    'If this was not you, change your password now and contact support.',
  ]);
}

export function accountDeletedEmail(to: string, context: { at: Date }): EmailMessage {
  return render(to, 'Your account was deleted', [
    'Your account and its data were deleted. This address no longer signs in.',
    `When: ${context.at.toISOString()}.`,
  ]);
}

export function newSignInEmail(to: string, sign: { device: string; ip: string | null; at: Date; reportUrl: string; lifetimeDays: number }): EmailMessage {
  return render(
    to,
    'New sign-in to your account',
    [
      `Your account was signed in to from a device or network it has not used before: ${sign.device}.`,
      when(sign.at, sign.ip),
      'If this was you, no action is needed.',
      `If it was not, follow the link below (it works once, for ${sign.lifetimeDays} days): it ends that session, forgets your trusted devices and asks for a new password at the next sign-in.`,
    ],
    { label: 'This was not me', url: sign.reportUrl },
  );
}

export function emailChangedWithUndoEmail(to: string, change: { email: string | null; at: Date; ip: string | null; revertUrl: string; lifetimeDays: number }): EmailMessage {
  return render(
    to,
    'Your email address was changed',
    [
      `The email address of your account was changed${change.email ? ` to ${change.email}` : ''}; this address no longer signs in.`,
      when(change.at, change.ip),
      'If this was you, no action is needed.',
      `If it was not, follow the link below within ${change.lifetimeDays} days: it puts this address back and signs out every session.`,
    ],
    { label: 'Undo this change', url: change.revertUrl },
  );
}
