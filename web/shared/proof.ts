// Identity proofs (verification records): asked for only when a change needs one, then reused
// while the record lives (10 minutes; we stop 30 s early so it never expires mid-request).
import { mutate, type Outcome } from './api';
import { h } from './dom';
import { errorSentence, type ErrorInfo } from './errors';
import { form, type Result } from './form';
import { graphql } from './gql';
import type { MfaFactorType } from './gql/graphql';
import { getPasskey } from './webauthn';

const VerifyPassword = graphql(`
  mutation ProofPassword($password: String!) { me { verifyPassword(password: $password) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }
`);
const VerifyTotp = graphql(`
  mutation ProofTotp($code: String!) { me { verifyTotp(code: $code) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }
`);
const StartPasskey = graphql(`
  mutation ProofStartPasskey { me { startPasskeyVerification { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } } } }
`);
const VerifyPasskey = graphql(`
  mutation ProofPasskey($input: PasskeyAssertionInput!) { me { verifyPasskey(input: $input) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }
`);
export const SendCode = graphql(`
  mutation SendVerificationCode($input: SendVerificationCodeInput!) {
    me { sendVerificationCode(input: $input) { __typename ... on VerificationRecord { id expiresAt verified } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } } }
  }
`);
export const VerifyCode = graphql(`
  mutation VerifyCode($input: VerifyCodeInput!) { me { verifyCode(input: $input) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }
`);

/** Who is proving: what the dialog can offer. */
export interface ProofSubject {
  hasPassword: boolean;
  primaryEmail?: string | null;
  primaryPhone?: string | null;
  mfaFactors: readonly { type: MfaFactorType }[];
}

interface VerificationRecord {
  id: string;
  expiresAt: string;
  verified: boolean;
}

const MARGIN_MS = 30_000;
let cached: VerificationRecord | null = null;

export const clearProof = () => void (cached = null);
const usable = (record: VerificationRecord | null): record is VerificationRecord => !!record && new Date(record.expiresAt).getTime() - MARGIN_MS > Date.now();

/** A verificationId, asking the person only when none is held. Null when they cancel. */
export async function ensureProof(who: ProofSubject): Promise<string | null> {
  if (usable(cached)) return cached.id;
  const record = await askProof(who);
  if (record) cached = record;
  return record?.id ?? null;
}

export type Cancelled = { cancelled: true; value?: undefined; error?: undefined };

/**
 * Runs `run(verificationId)` with a proof. When the API still answers VERIFICATION_REQUIRED
 * (expired or ended elsewhere, e.g. by a password change), asks once more.
 */
export async function withProof<O extends { error?: ErrorInfo }>(who: ProofSubject, run: (verificationId: string) => Promise<O>): Promise<O | Cancelled> {
  let result: O | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    const id = await ensureProof(who);
    if (!id) return { cancelled: true };
    result = await run(id);
    if (result.error?.code !== 'VERIFICATION_REQUIRED') return result;
    cached = null;
  }
  return result!;
}

function methodsFor(who: ProofSubject) {
  const types = new Set(who.mfaFactors.map((f) => f.type));
  return [
    who.hasPassword && { key: 'password', label: 'Password' },
    who.primaryEmail && { key: 'email', label: `Code to ${who.primaryEmail}` },
    who.primaryPhone && { key: 'phone', label: `Code to ${who.primaryPhone}` },
    types.has('WEBAUTHN') && { key: 'passkey', label: 'Passkey' },
    types.has('TOTP') && { key: 'totp', label: 'Authenticator app' },
  ].filter((m): m is { key: string; label: string } => !!m);
}

function askProof(who: ProofSubject): Promise<VerificationRecord | null> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (record: VerificationRecord | null) => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      resolve(record);
    };
    const methods = methodsFor(who);
    const panel = h('div', { class: 'proof-panel' });
    const show = (key: string) => panel.replaceChildren(panelFor(who, key, finish));
    const chooser = methods.length > 1 && h('fieldset', { class: 'methods' }, h('legend', null, 'Confirm with'),
      methods.map((m, i) => h('label', { class: 'radio' },
        h('input', { type: 'radio', name: 'proof-method', id: `proof-method-${m.key}`, value: m.key, checked: i === 0, onchange: () => show(m.key) }), m.label)));
    const dialog = h('dialog', { id: 'proof-dialog', 'aria-labelledby': 'proof-title', 'aria-describedby': 'proof-why' },
      h('h2', { id: 'proof-title' }, 'Confirm it’s you'),
      h('p', { id: 'proof-why' }, 'This change needs a fresh proof that you own this account. It stays valid for 10 minutes.'),
      methods.length === 0 ? h('p', { class: 'error', role: 'alert' }, 'This account has no way to confirm your identity here.') : chooser,
      panel,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'proof-cancel', onclick: () => finish(null) }, 'Cancel')));
    dialog.addEventListener('close', () => finish(null));
    document.body.append(dialog);
    if (methods[0]) show(methods[0].key);
    dialog.showModal();
    dialog.querySelector<HTMLElement>('input:not([type=radio]), button:not(#proof-cancel)')?.focus();
  });
}

type RecordOutcome = Outcome<{ __typename: 'VerificationRecord'; id: string; expiresAt: string; verified: boolean } | { __typename: `${string}Error`; code: string; message: string }>;

function panelFor(who: ProofSubject, key: string, finish: (record: VerificationRecord | null) => void): HTMLFormElement {
  const done = (result: RecordOutcome): Result => {
    if (result.error) return result.error;
    if (!result.value.verified) return { code: 'VERIFICATION_NOT_FOUND' };
    finish(result.value);
    return null;
  };
  if (key === 'password') {
    return form({
      id: 'proof-password',
      fields: [{ name: 'password', label: 'Current password', type: 'password', autocomplete: 'current-password', required: true }],
      submit: 'Confirm',
      onSubmit: async ({ password }) => done(await mutate(VerifyPassword, { password: password! }, (d) => d.me.verifyPassword)),
    });
  }
  if (key === 'totp') {
    return form({
      id: 'proof-totp',
      fields: [{ name: 'code', label: 'Code from your authenticator app', inputmode: 'numeric', autocomplete: 'one-time-code', required: true }],
      submit: 'Confirm',
      onSubmit: async ({ code }) => done(await mutate(VerifyTotp, { code: code!.trim() }, (d) => d.me.verifyTotp)),
    });
  }
  if (key === 'passkey') {
    return form({
      id: 'proof-passkey',
      submit: 'Use a passkey',
      onSubmit: async () => {
        const start = await mutate(StartPasskey, {}, (d) => d.me.startPasskeyVerification);
        if (start.error) return start.error;
        const credential = await getPasskey(start.value.options);
        return done(await mutate(VerifyPasskey, { input: { challengeId: start.value.challengeId, credential } }, (d) => d.me.verifyPasskey));
      },
    });
  }
  // A code to the current email or phone.
  const address = key === 'email' ? { email: who.primaryEmail } : { phone: who.primaryPhone };
  let verificationId: string | null = null;
  const send = async (event: Event) => {
    const sent = await mutate(SendCode, { input: address }, (d) => d.me.sendVerificationCode);
    const error = codeForm.querySelector('.error')!;
    if (sent.error) return void (error.textContent = errorSentence(sent.error as ErrorInfo));
    verificationId = sent.value.id;
    error.textContent = '';
    (event.target as HTMLButtonElement).textContent = 'Send another code';
    codeForm.querySelector('input')?.focus();
  };
  const codeForm = form({
    id: `proof-${key}`,
    fields: [{ name: 'code', label: 'The 6-digit code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 }],
    submit: 'Confirm',
    onSubmit: async ({ code }) => {
      if (!verificationId) return { code: 'VERIFICATION_NOT_FOUND' };
      return done(await mutate(VerifyCode, { input: { verificationId, code: code!.trim() } }, (d) => d.me.verifyCode));
    },
    secondary: h('button', { type: 'button', class: 'secondary', id: `proof-${key}-send`, onclick: send }, 'Send code'),
  });
  return codeForm;
}
