// Signed-out views: sign in (password, passkey, social), sign up, and the MFA step.
import { call } from './api.js';
import { form, h } from './dom.js';
import { errorSentence } from './errors.js';
import { OPS } from './operations.js';
import { getPasskey } from './webauthn.js';

export const SOCIAL_STATE_KEY = 'account-page.social';
export const passwordHint = (ctx) => `At least ${ctx.passwordPolicy?.minLength ?? 8} characters; not a common password.`;
const redirectUri = () => `${location.origin}/account`;

/** ctx: { root, features, center, providers, onTokens(tokenSet), notice? } */
export function renderSignIn(ctx, mode = 'signin') {
  const { root, center } = ctx;
  const title = mode === 'signup' ? 'Create an account' : 'Sign in';
  const heading = h('h1', { id: 'page-title', tabindex: '-1' }, title);
  const body = mode === 'signup' ? signUpForm(ctx) : signInForms(ctx);
  const toggle = center.signUpEnabled
    ? h('p', { class: 'switch' }, mode === 'signup' ? 'Already have an account? ' : 'New here? ',
        h('button', { type: 'button', class: 'link', id: 'switch-mode', onclick: () => renderSignIn(ctx, mode === 'signup' ? 'signin' : 'signup') }, mode === 'signup' ? 'Sign in' : 'Create an account'))
    : null;
  root.replaceChildren(h('div', { class: 'card narrow' }, heading, ctx.notice && h('p', { class: 'notice', role: 'status' }, ctx.notice), body, toggle));
  ctx.notice = null;
  heading.focus();
}

function handleSignInResult(ctx, result) {
  if (result.error) return result.error;
  if (result.value.__typename === 'MfaChallenge') return renderMfa(ctx, result.value);
  return ctx.onTokens(result.value);
}

function signInForms(ctx) {
  const { features, providers } = ctx;
  const password = form(
    {
      id: 'signin',
      fields: [
        { name: 'identifier', label: 'Email, username or phone', autocomplete: 'username webauthn', required: true },
        { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true },
      ],
      submit: 'Sign in',
      onSubmit: async ({ identifier, password }) => handleSignInResult(ctx, await call(OPS.signIn, { input: { identifier: identifier.trim(), password } })),
    },
    errorSentence,
  );
  const passkey =
    features.passkeys &&
    form(
      {
        id: 'signin-passkey',
        submit: 'Sign in with a passkey',
        onSubmit: async () => {
          const start = await call(OPS.startPasskeySignIn);
          if (start.error) return start.error;
          const credential = await getPasskey(start.value.options);
          return handleSignInResult(ctx, await call(OPS.finishPasskeySignIn, { challengeId: start.value.challengeId, credential }));
        },
      },
      errorSentence,
    );
  const social =
    providers.length > 0 &&
    h(
      'div',
      { class: 'social', role: 'group', 'aria-label': 'Sign in with' },
      providers.map((p) =>
        form(
          {
            id: `social-${p.key}`,
            submit: `Continue with ${p.name}`,
            onSubmit: async () => {
              const start = await call(OPS.startSocialSignIn, { provider: p.key, redirectUri: redirectUri() });
              if (start.error) return start.error;
              sessionStorage.setItem(SOCIAL_STATE_KEY, JSON.stringify({ state: start.value.state, mode: 'signin' }));
              location.assign(start.value.authorizationUrl);
            },
          },
          errorSentence,
        ),
      ),
    );
  const alternatives = [passkey, social].filter(Boolean);
  return [password, alternatives.length ? h('div', { class: 'alternatives' }, h('p', { class: 'or' }, 'or'), alternatives) : null];
}

function signUpForm(ctx) {
  return form(
    {
      id: 'signup',
      fields: [
        { name: 'name', label: 'Name (optional)', autocomplete: 'name' },
        { name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true },
        { name: 'username', label: 'Username (optional)', autocomplete: 'username' },
        { name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', required: true, hint: passwordHint(ctx) },
      ],
      submit: 'Create account',
      onSubmit: async (values) => {
        const input = { email: values.email.trim(), password: values.password };
        if (values.name.trim()) input.name = values.name.trim();
        if (values.username.trim()) input.username = values.username.trim();
        const result = await call(OPS.signUp, { input });
        if (result.error) return result.error;
        return ctx.onTokens(result.value);
      },
    },
    errorSentence,
  );
}

/** The second step after a password (or social) sign-in of an account with MFA. */
export function renderMfa(ctx, challenge) {
  const { root, features } = ctx;
  const { mfaToken, factors } = challenge;
  const finish = async (input) => {
    const result = await call(OPS.verifySignIn, { input: { mfaToken, ...input } });
    if (result.error) return result.error;
    return ctx.onTokens(result.value);
  };
  const heading = h('h1', { id: 'page-title', tabindex: '-1' }, 'Two-step sign-in');
  const parts = [];
  if (factors.includes('TOTP')) {
    parts.push(
      form(
        {
          id: 'mfa-totp',
          fields: [{ name: 'code', label: 'Code from your authenticator app', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 6 }],
          submit: 'Verify',
          onSubmit: ({ code }) => finish({ totpCode: code.trim() }),
        },
        errorSentence,
      ),
    );
  }
  if (factors.includes('WEBAUTHN') && features.passkeys) {
    parts.push(
      form(
        {
          id: 'mfa-passkey',
          submit: 'Use a passkey',
          onSubmit: async () => {
            const start = await call(OPS.startMfaPasskey, { mfaToken });
            if (start.error) return start.error;
            const credential = await getPasskey(start.value.options);
            return finish({ passkey: { challengeId: start.value.challengeId, credential } });
          },
        },
        errorSentence,
      ),
    );
  }
  if (factors.includes('BACKUP_CODE')) {
    parts.push(
      h('details', { class: 'backup' }, h('summary', null, 'Use a backup code instead'),
        form(
          {
            id: 'mfa-backup',
            fields: [{ name: 'code', label: 'Backup code', autocomplete: 'one-time-code', required: true }],
            submit: 'Verify',
            onSubmit: ({ code }) => finish({ backupCode: code.trim() }),
          },
          errorSentence,
        ),
      ),
    );
  }
  root.replaceChildren(
    h('div', { class: 'card narrow' }, heading, h('p', null, 'Your account has two-step sign-in. Confirm with one of your methods.'), parts,
      h('p', { class: 'switch' }, h('button', { type: 'button', class: 'link', id: 'mfa-back', onclick: () => renderSignIn(ctx) }, 'Back to sign in'))),
  );
  heading.focus();
}
