// The account page's entry: read the settings, resume the session from the cookie (or take an
// impersonation token handed over by the admin console), then show sign-in or the sections.
import '../shared/base.css';
import { alternativeLinks, finishLinkSignIn } from '../shared/passwordless';
import { configureSession, forget, mutate, request, resume, setSignedOutHandler, signOut, startSession, useBareToken } from '../shared/api';
import { announce, byId, h } from '../shared/dom';
import { SignInMethodsQuery, SignOutMutation } from '../shared/documents';
import { codeOf, errorSentence } from '../shared/errors';
import { frame, nav, pageHeading, titleRow } from '../shared/layout';
import { clearProof } from '../shared/proof';
import { finishSocialSignIn, SOCIAL_STATE_KEY, type SignInView } from '../shared/signin';
import { signalAcceptedPasskeys, signalUserDetails } from '../shared/webauthn-signals';
import { showLinkPage } from './links';
import type { AccountCtx } from './context';
import { rememberBack, showImpersonation, takeImpersonation } from './impersonation';
import { AccountCenterDoc, MeDoc } from './queries';
import { SECTIONS } from './sections';
import { FinishLink } from './sections/social';
import { showSignIn } from './signup';

configureSession({ base: '/account', header: 'x-account-page' });
const root = byId('app');
const ctx = { root, flash: {}, impersonating: false } as AccountCtx;

const view: SignInView = {
  root,
  base: '/account',
  providers: [],
  onTokens: async (tokens) => {
    clearProof();
    const stored = await startSession(tokens);
    await showAccount();
    // The passkey provider learns which of this account's passkeys still work (Signal API).
    if (ctx.me) signalAcceptedPasskeys(ctx.me.id, ctx.me.mfaFactors.flatMap((f) => (f.credentialId ? [f.credentialId] : [])));
    announce(stored.warning ? `You are signed in. ${stored.warning}` : 'You are signed in.');
  },
};

ctx.deleted = async () => {
  await signOut(SignOutMutation.toString());
  signedOut('Your account was deleted.');
};

function signedOut(notice: string | null = null) {
  document.title = 'Sign in · Account';
  view.notice = notice;
  showSignIn(view, ctx.center.signUpEnabled, ctx.minPasswordLength);
}
setSignedOutHandler(() => signedOut(errorSentence({ code: 'UNAUTHENTICATED' })));

async function loadSettings() {
  const settings = await request(AccountCenterDoc);
  ctx.center = settings.accountCenter;
  ctx.minPasswordLength = settings.passwordPolicy.minLength;
  ctx.providers = view.providers = settings.identityProviders;
  const { signInMethods } = await request(SignInMethodsQuery);
  view.alternatives = () => alternativeLinks(view, signInMethods);
  // A method the administrator switched off would only answer SIGN_IN_METHOD_DISABLED: not offered.
  view.off = { password: !signInMethods.password, passkey: !signInMethods.passkey, social: !signInMethods.social };
}

/** Re-reads settings and account; false when signed out meanwhile. */
async function loadMe(): Promise<boolean> {
  const [, data] = await Promise.all([loadSettings(), request(MeDoc)]);
  if (!data.me) return false;
  ctx.me = data.me;
  return true;
}

const shown = () => SECTIONS.filter((s) => s.show(ctx));
const renderSections = () => shown().map((s) =>
  h('section', { id: s.id, 'aria-labelledby': `${s.id}-title`, class: `card section-${s.id}` }, h('h2', { id: `${s.id}-title`, tabindex: '-1' }, s.title), s.render(ctx)));

async function showAccount() {
  if (!(await loadMe())) return signedOut();
  document.title = 'Your account';
  const { me } = ctx;
  const who = me.name || me.primaryEmail || me.username || me.primaryPhone || 'you';
  const heading = pageHeading('Your account');
  const leave = async () => {
    await signOut(SignOutMutation.toString());
    clearProof();
    signedOut('You are signed out.');
  };
  root.replaceChildren(frame(
    nav('Account sections', shown().map((s) => ({ href: `#${s.id}`, label: s.title }))),
    ctx.impersonating ? h('div', { class: 'title-row' }, heading) : titleRow(heading, `Signed in as ${who}`, () => void leave()),
    !ctx.center.enabled && h('p', { class: 'notice', role: 'note' }, 'Account changes are turned off by the administrator right now. You can look, but not change anything.'),
    h('div', { id: 'sections' }, renderSections()),
  ));
  if (ctx.impersonating) showImpersonation(who);
  heading.focus();
}

/** Re-reads the account and re-renders the sections, keeping keyboard focus where it was. */
ctx.reload = async (focusId?: string) => {
  const active = document.activeElement?.id;
  const section = document.activeElement?.closest('section')?.id;
  const before = ctx.me;
  if (!(await loadMe())) return signedOut();
  // A new name or email reaches the passkey provider's account list (Signal API).
  if (before.name !== ctx.me.name || before.primaryEmail !== ctx.me.primaryEmail) {
    const name = ctx.me.primaryEmail ?? ctx.me.username ?? ctx.me.primaryPhone ?? ctx.me.id;
    signalUserDetails(ctx.me.id, name, ctx.me.name ?? name);
  }
  const container = document.getElementById('sections');
  if (!container) return showAccount();
  container.replaceChildren(...renderSections());
  const target = (focusId && document.getElementById(focusId)) || (active && document.getElementById(active)) || (section && document.getElementById(`${section}-title`));
  if (target) target.focus();
};

async function socialReturn(params: URLSearchParams, resumed: boolean) {
  history.replaceState(null, '', '/account');
  const stored = JSON.parse(sessionStorage.getItem(SOCIAL_STATE_KEY) ?? 'null') as { state: string; mode: string } | null;
  sessionStorage.removeItem(SOCIAL_STATE_KEY);
  const state = params.get('state');
  const code = params.get('code');
  if (!stored || stored.state !== state || params.has('error') || !code) {
    return resumed ? showAccount() : signedOut(errorSentence({ code: 'INVALID_CREDENTIALS' }));
  }
  if (stored.mode === 'link') {
    if (!resumed) return signedOut(errorSentence({ code: 'UNAUTHENTICATED' }));
    const result = await mutate(FinishLink, { input: { state, code } }, (d) => d.me.finishSocialLink);
    await showAccount();
    announce(result.error ? errorSentence(result.error) : 'Your social account is linked.');
    return;
  }
  const error = await finishSocialSignIn(view, state, code);
  if (error) signedOut(errorSentence(error));
}

async function boot() {
  try {
    await loadSettings();
    const impersonation = takeImpersonation();
    if (impersonation) {
      ctx.impersonating = true;
      rememberBack(impersonation.back);
      useBareToken(impersonation);
      return await showAccount();
    }
    if (await showLinkPage(root)) return;
    const resumed = await resume();
    const params = new URLSearchParams(location.search);
    if (params.has('state')) return await socialReturn(params, resumed);
    const linkToken = params.get('token');
    if (linkToken) {
      // A magic link's landing: the token is single use, so it leaves the address bar at once.
      history.replaceState(null, '', location.pathname);
      signedOut();
      const error = await finishLinkSignIn(view, linkToken);
      if (error && 'code' in error && error.code) signedOut(errorSentence(error));
      return;
    }
    if (resumed) await showAccount();
    else signedOut();
  } catch (err) {
    console.error(err);
    forget();
    root.replaceChildren(h('div', { class: 'card narrow' }, h('h1', null, 'Account'), h('p', { class: 'error', role: 'alert' }, errorSentence({ code: codeOf(err) }))));
  }
}

void boot();
