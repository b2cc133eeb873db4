// The admin console's entry: resume the session from its cookie (Path=/admin), sign in with the
// same forms as the account page, then show the views the token's scopes allow.
import '../shared/base.css';
import './admin.css';
import { configureSession, forget, request, resume, setSignedOutHandler, signOut, startSession, tokenScopes } from '../shared/api';
import { announce, byId, h } from '../shared/dom';
import { IdentityProvidersQuery, SignOutMutation } from '../shared/documents';
import { codeOf, errorSentence } from '../shared/errors';
import { frame, nav, pageHeading, titleRow } from '../shared/layout';
import { card, finishSocialSignIn, renderSignIn, SOCIAL_STATE_KEY, type SignInView } from '../shared/signin';
import type { AdminCtx } from './context';
import { graphql } from './gql';
import { isAdminScope } from './scopes';
import { parseRoute, visibleViews } from './views';

configureSession({ base: '/admin', header: 'x-admin-console' });
const root = byId('app');

const WhoAmI = graphql(`
  query ConsoleWhoAmI { me { id name primaryEmail username primaryPhone } }
`);

const view: SignInView = {
  root,
  base: '/admin',
  providers: [],
  onTokens: async (tokens) => {
    const stored = await startSession(tokens);
    await showConsole();
    announce(stored.warning ? `You are signed in. ${stored.warning}` : 'You are signed in.');
  },
};

function signedOut(notice: string | null = null) {
  document.title = 'Sign in · Admin console';
  view.notice = notice;
  renderSignIn(view);
}
setSignedOutHandler(() => signedOut(errorSentence({ code: 'UNAUTHENTICATED' })));

const leave = async () => {
  await signOut(SignOutMutation.toString());
  signedOut('You are signed out.');
};

let ctx: AdminCtx | null = null;

async function showConsole() {
  const me = (await request(WhoAmI)).me;
  const who = me?.name || me?.primaryEmail || me?.username || me?.primaryPhone || 'a machine client';
  const scopes = new Set(tokenScopes.filter(isAdminScope));
  if (scopes.size === 0) {
    // Not an administrator: a sentence, and no admin data is ever asked for.
    document.title = 'Administrators only · Admin console';
    card(root, 'Administrators only', null,
      h('p', { id: 'not-admin' }, `This console needs an administrator. You are signed in as ${who}, which has no administrator rights.`),
      h('button', { type: 'button', id: 'sign-out', class: 'secondary', onclick: () => void leave() }, 'Sign out'));
    return;
  }
  const main = h('div', { id: 'view' });
  ctx = { root, scopes, who, main, go: (route) => void (location.hash = `#/${route}`) };
  root.replaceChildren(frame(h('div', { id: 'console-nav' }), titleRow(h('span', { class: 'sr-only' }), `Signed in as ${who}`, () => void leave()), main));
  await route();
}

/** Renders the view the fragment names (or the first one the token may see). */
async function route() {
  if (!ctx) return;
  const views = visibleViews(ctx);
  const { view: target, params, query } = parseRoute(location.hash, views);
  byId('console-nav').replaceChildren(nav('Console', views.map((v) => ({ href: `#/${v.route}`, label: v.label, current: v === target }))));
  ctx.main.replaceChildren();
  try {
    await target.render(ctx, params, query);
  } catch (err) {
    console.error(err);
    ctx.main.replaceChildren(pageHeading(target.label), h('p', { class: 'error', role: 'alert' }, errorSentence({ code: codeOf(err) })));
  }
}
window.addEventListener('hashchange', () => void route());

async function socialReturn(params: URLSearchParams) {
  history.replaceState(null, '', '/admin');
  const stored = JSON.parse(sessionStorage.getItem(SOCIAL_STATE_KEY) ?? 'null') as { state: string } | null;
  sessionStorage.removeItem(SOCIAL_STATE_KEY);
  const state = params.get('state');
  const code = params.get('code');
  if (!stored || stored.state !== state || !code) return signedOut(errorSentence({ code: 'INVALID_CREDENTIALS' }));
  const error = await finishSocialSignIn(view, state, code);
  if (error) signedOut(errorSentence(error));
}

async function boot() {
  try {
    view.providers = (await request(IdentityProvidersQuery)).identityProviders;
    const params = new URLSearchParams(location.search);
    if (params.has('state')) return await socialReturn(params);
    if (await resume()) await showConsole();
    else signedOut();
  } catch (err) {
    console.error(err);
    forget();
    root.replaceChildren(h('div', { class: 'card narrow' }, h('h1', null, 'Admin console'), h('p', { class: 'error', role: 'alert' }, errorSentence({ code: codeOf(err) }))));
  }
}

void boot();
