// The signed-out views both apps share: sign in (password, passkey, social) and the MFA step.
// Labels are the same in both apps (docs/admin-console.md): `Email, username or phone`, `Password`.
import { mutate, request, storeDeviceToken } from './api';
import { type Child, h } from './dom';
import {
  FinishPasskeySignInMutation, FinishSocialSignInMutation, RestoreAccountMutation, SignInMutation, StartMfaPasskeyMutation, StartPasskeySignInMutation,
  StartSocialSignInMutation, VerifySignInMutation,
} from './documents';
import { form, type Result } from './form';
import type { MfaFactorType } from './gql/graphql';
import { getPasskey } from './webauthn';

export interface Provider {
  key: string;
  name: string;
}

export interface TokenSet {
  __typename: 'TokenSet';
  accessToken: string;
  refreshToken?: string | null;
  expiresIn: number;
  scope: string;
}

export interface MfaStep {
  mfaToken: string;
  factors: readonly MfaFactorType[];
}

export interface SignInView {
  root: HTMLElement;
  /** The app's path, e.g. '/account': social providers send the browser back there. */
  base: string;
  providers: readonly Provider[];
  onTokens: (tokens: TokenSet) => Promise<void>;
  /** A line above the forms (signed out, session ended, …), shown once. */
  notice?: string | null;
  /** Below the forms: e.g. the account page's switch to sign-up. */
  footer?: Child;
  /** Under the password form: the other ways in that are on (passwordless.ts's alternativeLinks). */
  alternatives?: () => Child;
  /** The first-step methods that are off (signInMethods); their forms are left out. Absent: all on. */
  off?: { password?: boolean; passkey?: boolean; social?: boolean };
}

export const SOCIAL_STATE_KEY = 'web.social';

type SignInOutcome = { __typename: 'TokenSet' } & TokenSet | ({ __typename: 'MfaChallenge' } & MfaStep) | { __typename: string; code: string; message: string };

export async function handleSignInResult(view: SignInView, result: SignInOutcome): Promise<Result> {
  if (result.__typename === 'MfaChallenge') return renderMfa(view, result as MfaStep);
  if (result.__typename === 'AccountPendingDeletionError') return renderPendingDeletion(view, result as unknown as PendingDeletion);
  if (result.__typename === 'TokenSet') return view.onTokens(result as TokenSet);
  return result as { code: string; message: string };
}

/** The card every signed-out view is: a heading that takes focus, an optional notice, the body. */
export function card(root: HTMLElement, title: string, notice: string | null | undefined, ...body: Child[]): void {
  const heading = h('h1', { id: 'page-title', tabindex: '-1' }, title);
  root.replaceChildren(h('div', { class: 'card narrow' }, heading, notice && h('p', { class: 'notice', role: 'status' }, notice), body));
  heading.focus();
}

export function renderSignIn(view: SignInView): void {
  const password = form({
    id: 'signin',
    fields: [
      { name: 'identifier', label: 'Email, username or phone', autocomplete: 'username webauthn', required: true },
      { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true },
    ],
    submit: 'Sign in',
    onSubmit: async ({ identifier, password }) =>
      handleSignInResult(view, (await request(SignInMutation, { input: { identifier: identifier!.trim(), password: password! } })).signIn),
  });
  const passkey = form({
    id: 'signin-passkey',
    submit: 'Sign in with a passkey',
    onSubmit: async () => {
      const start = await mutate(StartPasskeySignInMutation, {}, (d) => d.startPasskeySignIn);
      if (start.error) return start.error;
      const credential = await getPasskey(start.value.options);
      return handleSignInResult(view, (await request(FinishPasskeySignInMutation, { input: { challengeId: start.value.challengeId, credential } })).finishPasskeySignIn);
    },
  });
  const social = view.providers.length > 0 && h('div', { class: 'social', role: 'group', 'aria-label': 'Sign in with' },
    view.providers.map((p) => form({
      id: `social-${p.key}`,
      submit: `Continue with ${p.name}`,
      onSubmit: async () => {
        const start = await mutate(StartSocialSignInMutation, { input: { provider: p.key, redirectUri: `${location.origin}${view.base}` } }, (d) => d.startSocialSignIn);
        if (start.error) return start.error;
        sessionStorage.setItem(SOCIAL_STATE_KEY, JSON.stringify({ state: start.value.state, mode: 'signin' }));
        location.assign(start.value.authorizationUrl);
      },
    })));
  const notice = view.notice;
  view.notice = null;
  const withPassword = !view.off?.password;
  const others = [!view.off?.passkey && passkey, !view.off?.social && social].filter(Boolean);
  // "or" only separates the password form from the buttons below it.
  const below = others.length > 0 && h('div', { class: 'alternatives' }, withPassword && h('p', { class: 'or' }, 'or'), others);
  card(view.root, 'Sign in', notice, withPassword && password, view.alternatives?.(), below, view.footer);
}

/** After a provider sent the browser back with ?code&state: finishes a social sign-in. */
export async function finishSocialSignIn(view: SignInView, state: string, code: string): Promise<Result> {
  return handleSignInResult(view, (await request(FinishSocialSignInMutation, { input: { state, code } })).finishSocialSignIn);
}

interface PendingDeletion {
  restoreToken: string;
  deletionScheduledAt: string;
}

/** A right sign-in of an account scheduled for deletion: its date, and the way back. */
function renderPendingDeletion(view: SignInView, pending: PendingDeletion): void {
  const restore = form({
    id: 'restore-account',
    submit: 'Restore my account',
    onSubmit: async () => {
      const result = await mutate(RestoreAccountMutation, { input: { restoreToken: pending.restoreToken } }, (d) => d.restoreAccount);
      if (result.error) return result.error;
      view.notice = 'Your account was restored. Sign in again to use it.';
      renderSignIn(view);
    },
  });
  const when = new Date(pending.deletionScheduledAt).toLocaleDateString(undefined, { dateStyle: 'long' });
  card(view.root, 'Account scheduled for deletion', null,
    h('p', { id: 'pending-deletion' }, `This account will be deleted for good on ${when}. Until then you can keep it.`), restore,
    h('p', { class: 'switch' }, h('button', { type: 'button', class: 'link', id: 'pending-back', onclick: () => renderSignIn(view) }, 'Back to sign in')));
}

/** The second step after a password (or social) sign-in of an account with MFA. */
export function renderMfa(view: SignInView, challenge: MfaStep): void {
  const { mfaToken, factors } = challenge;
  const finish = async (input: { totpCode?: string; backupCode?: string; passkey?: { challengeId: string; credential: Record<string, unknown> } }) => {
    const trustDevice = (document.getElementById('mfa-trust') as HTMLInputElement | null)?.checked === true;
    const result = await mutate(VerifySignInMutation, { input: { mfaToken, ...input, trustDevice } }, (d) => d.verifySignIn);
    if (result.error) return result.error;
    if (result.value.deviceToken) await storeDeviceToken(result.value.deviceToken);
    return view.onTokens(result.value as TokenSet);
  };
  const parts: Child[] = [];
  if (factors.includes('TOTP')) {
    parts.push(form({
      id: 'mfa-totp',
      fields: [{ name: 'code', label: 'Code from your authenticator app', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 }],
      submit: 'Verify',
      onSubmit: ({ code }) => finish({ totpCode: code!.trim() }),
    }));
  }
  if (factors.includes('WEBAUTHN')) {
    parts.push(form({
      id: 'mfa-passkey',
      submit: 'Use a passkey',
      onSubmit: async () => {
        const start = await mutate(StartMfaPasskeyMutation, { mfaToken }, (d) => d.startMfaPasskey);
        if (start.error) return start.error;
        const credential = await getPasskey(start.value.options);
        return finish({ passkey: { challengeId: start.value.challengeId, credential } });
      },
    }));
  }
  if (factors.includes('BACKUP_CODE')) {
    parts.push(h('details', { class: 'backup' }, h('summary', null, 'Use a backup code instead'),
      form({
        id: 'mfa-backup',
        fields: [{ name: 'code', label: 'Backup code', autocomplete: 'one-time-code', required: true }],
        submit: 'Verify',
        onSubmit: ({ code }) => finish({ backupCode: code!.trim() }),
      })));
  }
  // Only the account page keeps a trusted-device cookie (POST /account/device).
  const trust = view.base === '/account' && h('p', { class: 'check' },
    h('label', null, h('input', { type: 'checkbox', id: 'mfa-trust' }), ' Trust this device: skip this step when signing in here with your password for 30 days'));
  card(view.root, 'Two-step sign-in', null, h('p', null, 'Your account has two-step sign-in. Confirm with one of your methods.'), parts, trust,
    h('p', { class: 'switch' }, h('button', { type: 'button', class: 'link', id: 'mfa-back', onclick: () => renderSignIn(view) }, 'Back to sign in')));
}
