// Identity proofs (verification records): asked for only when a change needs one, then reused
// while the record lives (10 minutes; we stop 30 s early so it never expires mid-request).
import { call } from './api.js';
import { form, h } from './dom.js';
import { errorSentence } from './errors.js';
import { OPS } from './operations.js';
import { getPasskey } from './webauthn.js';

const MARGIN_MS = 30_000;
let cached = null;

export const clearProof = () => (cached = null);
const usable = () => cached && new Date(cached.expiresAt).getTime() - MARGIN_MS > Date.now();

/** A verificationId, asking the person only when none is held. Null when they cancel. */
export async function ensureProof(ctx) {
  if (usable()) return cached.id;
  const record = await askProof(ctx);
  if (record) cached = record;
  return record?.id ?? null;
}

/**
 * Runs `run(verificationId)` (an api.call) with a proof. When the API still answers
 * VERIFICATION_REQUIRED (expired or ended elsewhere, e.g. by a password change), asks once more.
 */
export async function withProof(ctx, run) {
  let result = { error: { code: 'VERIFICATION_REQUIRED' } };
  for (let attempt = 0; attempt < 2; attempt++) {
    const id = await ensureProof(ctx);
    if (!id) return { cancelled: true };
    result = await run(id);
    if (result.error?.code !== 'VERIFICATION_REQUIRED') return result;
    cached = null;
  }
  return result;
}

function methodsFor(ctx) {
  const { me, features } = ctx;
  const types = new Set(me.mfaFactors.map((f) => f.type));
  return [
    me.hasPassword && { key: 'password', label: 'Password' },
    me.primaryEmail && { key: 'email', label: `Code to ${me.primaryEmail}` },
    me.primaryPhone && { key: 'phone', label: `Code to ${me.primaryPhone}` },
    features.passkeys && types.has('WEBAUTHN') && { key: 'passkey', label: 'Passkey' },
    features.passkeys && types.has('TOTP') && { key: 'totp', label: 'Authenticator app' },
  ].filter(Boolean);
}

function askProof(ctx) {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (record) => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      resolve(record);
    };
    const methods = methodsFor(ctx);
    const panel = h('div', { class: 'proof-panel' });
    const show = (key) => panel.replaceChildren(panelFor(ctx, key, finish));
    const chooser =
      methods.length > 1 &&
      h(
        'fieldset',
        { class: 'methods' },
        h('legend', null, 'Confirm with'),
        methods.map((m, i) =>
          h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'proof-method', id: `proof-method-${m.key}`, value: m.key, checked: i === 0, onchange: () => show(m.key) }), m.label),
        ),
      );
    const dialog = h(
      'dialog',
      { id: 'proof-dialog', 'aria-labelledby': 'proof-title', 'aria-describedby': 'proof-why' },
      h('h2', { id: 'proof-title' }, 'Confirm it’s you'),
      h('p', { id: 'proof-why' }, 'This change needs a fresh proof that you own this account. It stays valid for 10 minutes.'),
      methods.length === 0 ? h('p', { class: 'error', role: 'alert' }, 'This account has no way to confirm your identity here.') : chooser,
      panel,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'proof-cancel', onclick: () => finish(null) }, 'Cancel')),
    );
    dialog.addEventListener('close', () => finish(null));
    document.body.append(dialog);
    if (methods[0]) show(methods[0].key);
    dialog.showModal();
    dialog.querySelector('input:not([type=radio]), button:not(#proof-cancel)')?.focus();
  });
}

const recordOf = (result) => (result.value?.verified ? result.value : null);

function panelFor(ctx, key, finish) {
  const done = (result) => {
    if (result.error) return result.error;
    const record = recordOf(result);
    if (record) finish(record);
    return record ? null : { code: 'VERIFICATION_NOT_FOUND' };
  };
  if (key === 'password') {
    return form(
      {
        id: 'proof-password',
        fields: [{ name: 'password', label: 'Current password', type: 'password', autocomplete: 'current-password', required: true }],
        submit: 'Confirm',
        onSubmit: async ({ password }) => done(await call(OPS.verifyPassword, { password })),
      },
      errorSentence,
    );
  }
  if (key === 'totp') {
    return form(
      {
        id: 'proof-totp',
        fields: [{ name: 'code', label: 'Code from your authenticator app', inputmode: 'numeric', autocomplete: 'one-time-code', required: true }],
        submit: 'Confirm',
        onSubmit: async ({ code }) => done(await call(OPS.verifyTotp, { code: code.trim() })),
      },
      errorSentence,
    );
  }
  if (key === 'passkey') {
    return form(
      {
        id: 'proof-passkey',
        submit: 'Use a passkey',
        onSubmit: async () => {
          const start = await call(OPS.startPasskeyVerification);
          if (start.error) return start.error;
          const credential = await getPasskey(start.value.options);
          return done(await call(OPS.verifyPasskey, { challengeId: start.value.challengeId, credential }));
        },
      },
      errorSentence,
    );
  }
  // A code to the current email or phone.
  const address = key === 'email' ? { email: ctx.me.primaryEmail } : { phone: ctx.me.primaryPhone };
  let verificationId = null;
  const codeForm = form(
    {
      id: `proof-${key}`,
      fields: [{ name: 'code', label: 'The 6-digit code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 }],
      submit: 'Confirm',
      onSubmit: async ({ code }) => {
        if (!verificationId) return { code: 'VERIFICATION_NOT_FOUND' };
        return done(await call(OPS.verifyCode, { input: { verificationId, code: code.trim() } }));
      },
      secondary: [
        h('button', {
          type: 'button',
          class: 'secondary',
          id: `proof-${key}-send`,
          onclick: async (event) => {
            const sent = await call(OPS.sendVerificationCode, { input: address });
            const error = codeForm.querySelector('.error');
            if (sent.error) error.textContent = errorSentence(sent.error);
            else {
              verificationId = sent.value.id;
              error.textContent = '';
              event.target.textContent = 'Send another code';
              codeForm.querySelector('input').focus();
            }
          },
        }, 'Send code'),
      ],
    },
    errorSentence,
  );
  return codeForm;
}
