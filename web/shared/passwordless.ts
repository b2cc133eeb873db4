// The signed-out alternatives to a password, each offered only when signInMethods has it on:
// "Forgot password?" (a code, then a new password), "Email me a code", "Email me a sign-in link"
// and the link's landing (?token=…). Every path ends like a password sign-in (MFA still asked).
import { mutate, request } from './api';
import { h } from './dom';
import {
  FinishCodeSignInMutation, FinishLinkSignInMutation, ResetPasswordMutation, StartAccountRecoveryMutation, StartCodeSignInMutation,
  StartLinkSignInMutation,
} from './documents';
import { form, type Result } from './form';
import { card, handleSignInResult, renderSignIn, type SignInView } from './signin';

export interface SignInMethodsView {
  password: boolean;
  emailCode: boolean;
  smsCode: boolean;
  magicLink: boolean;
}

const back = (view: SignInView) =>
  h('p', { class: 'switch' }, h('button', { type: 'button', class: 'link', id: 'alt-back', onclick: () => renderSignIn(view) }, 'Back to sign in'));

const sentTo = (channel: string) => (channel === 'SMS' ? 'If the account exists, a code is on its way to its phone.' : 'If the account exists, a code is on its way to its email.');

/** "Forgot password?": identifier -> code and new password. */
export function renderRecovery(view: SignInView): void {
  card(view.root, 'Reset your password', null, form({
    id: 'recovery-start',
    fields: [{ name: 'identifier', label: 'Email, username or phone', autocomplete: 'username', required: true }],
    submit: 'Send a code',
    onSubmit: async ({ identifier }) => {
      const start = await mutate(StartAccountRecoveryMutation, { input: { identifier: identifier!.trim() } }, (d) => d.startAccountRecovery);
      if (start.error) return start.error;
      const { challengeId, channel } = start.value;
      card(view.root, 'Reset your password', sentTo(channel), form({
        id: 'recovery-reset',
        fields: [
          { name: 'code', label: 'Code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 },
          { name: 'newPassword', label: 'New password', type: 'password', autocomplete: 'new-password', required: true },
        ],
        submit: 'Set password and sign in',
        onSubmit: async ({ code, newPassword }) =>
          handleSignInResult(view, (await request(ResetPasswordMutation, { input: { challengeId, code: code!.trim(), newPassword: newPassword! } })).resetPassword),
      }), back(view));
    },
  }), back(view));
}

/** "Email me a code": identifier -> code. */
export function renderCodeSignIn(view: SignInView): void {
  card(view.root, 'Sign in with a code', null, form({
    id: 'code-start',
    fields: [{ name: 'identifier', label: 'Email, username or phone', autocomplete: 'username', required: true }],
    submit: 'Send me a code',
    onSubmit: async ({ identifier }) => {
      const start = await mutate(StartCodeSignInMutation, { input: { identifier: identifier!.trim() } }, (d) => d.startCodeSignIn);
      if (start.error) return start.error;
      const { challengeId, channel } = start.value;
      card(view.root, 'Sign in with a code', sentTo(channel), form({
        id: 'code-finish',
        fields: [{ name: 'code', label: 'Code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 }],
        submit: 'Sign in',
        onSubmit: async ({ code }) => handleSignInResult(view, (await request(FinishCodeSignInMutation, { input: { challengeId, code: code!.trim() } })).finishCodeSignIn),
      }), back(view));
    },
  }), back(view));
}

/** "Email me a sign-in link": the link comes back to this page with ?token=…. */
export function renderLinkSignIn(view: SignInView): void {
  card(view.root, 'Sign in with a link', null, form({
    id: 'link-start',
    fields: [{ name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true }],
    submit: 'Email me a link',
    onSubmit: async ({ email }): Promise<Result> => {
      const start = await mutate(StartLinkSignInMutation, { input: { email: email!.trim(), redirectUri: `${location.origin}${view.base}` } }, (d) => d.startLinkSignIn);
      if (start.error) return start.error;
      card(view.root, 'Sign in with a link', 'If the account exists, a sign-in link is on its way to its email. It works once, for 15 minutes.', back(view));
    },
  }), back(view));
}

/** The link's landing: trades ?token=… for tokens (or the MFA step). */
export async function finishLinkSignIn(view: SignInView, token: string): Promise<Result> {
  return handleSignInResult(view, (await request(FinishLinkSignInMutation, { input: { token } })).finishLinkSignIn);
}

/** The buttons under the sign-in form, for the methods that are on. */
export function alternativeLinks(view: SignInView, methods: SignInMethodsView | undefined) {
  if (!methods) return null;
  const link = (id: string, label: string, go: () => void) => h('button', { type: 'button', class: 'link', id, onclick: go }, label);
  return h('p', { class: 'switch alternatives-links' },
    methods.password && link('forgot-password', 'Forgot password?', () => renderRecovery(view)),
    (methods.emailCode || methods.smsCode) && link('email-code', 'Email me a code', () => renderCodeSignIn(view)),
    methods.magicLink && link('email-link', 'Email me a sign-in link', () => renderLinkSignIn(view)));
}
