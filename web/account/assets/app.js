// Entry: detect which parts of the API exist, resume the session from the cookie, then show the
// sign-in views or the account sections.
import { call, detectFeatures, forget, resume, setSignedOutHandler, signOut, startSession } from './api.js';
import { announce, h } from './dom.js';
import { errorSentence } from './errors.js';
import { OPS, accountCenterQuery, meQuery } from './operations.js';
import { clearProof } from './proof.js';
import { SECTIONS } from './sections.js';
import { SOCIAL_STATE_KEY, renderMfa, renderSignIn } from './signin.js';

const root = document.getElementById('app');
const ctx = { root, features: {}, center: null, providers: [], flash: {}, me: null, notice: null };

ctx.onTokens = async (tokens) => {
  clearProof();
  const stored = await startSession(tokens);
  await showAccount();
  announce(stored?.warning ? `You are signed in. ${stored.warning}` : 'You are signed in.');
};
ctx.deleted = async () => {
  forget();
  await signOut();
  showSignIn('Your account was deleted.');
};

function showSignIn(notice = null) {
  ctx.me = null;
  ctx.notice = notice;
  document.title = 'Sign in · Account';
  renderSignIn(ctx);
}
setSignedOutHandler(() => showSignIn(errorSentence({ code: 'UNAUTHENTICATED' })));

async function loadMe() {
  const [center, me] = await Promise.all([call(accountCenterQuery(ctx.features)), call(meQuery(ctx.features))]);
  ctx.center = center.value.accountCenter;
  ctx.passwordPolicy = center.value.passwordPolicy;
  ctx.me = me.value;
}

function renderSections() {
  return SECTIONS.filter((s) => s.show(ctx)).map((s) =>
    h('section', { id: s.id, 'aria-labelledby': `${s.id}-title`, class: `card section-${s.id}` }, h('h2', { id: `${s.id}-title`, tabindex: '-1' }, s.title), s.render(ctx)),
  );
}

async function showAccount() {
  await loadMe();
  if (!ctx.me) return showSignIn();
  document.title = 'Your account';
  const shown = SECTIONS.filter((s) => s.show(ctx));
  const who = ctx.me.name || ctx.me.primaryEmail || ctx.me.username || ctx.me.primaryPhone || 'you';
  const heading = h('h1', { id: 'page-title', tabindex: '-1' }, 'Your account');
  root.replaceChildren(
    h('div', { class: 'layout' },
      h('nav', { 'aria-label': 'Account sections', class: 'toc' }, h('ul', null, shown.map((s) => h('li', null, h('a', { href: `#${s.id}` }, s.title))))),
      h('div', { class: 'content' },
        h('div', { class: 'title-row' }, heading,
          h('div', { class: 'who' }, h('span', null, `Signed in as ${who}`),
            h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: async () => { await signOut(); clearProof(); showSignIn('You are signed out.'); } }, 'Sign out'))),
        !ctx.center.enabled && h('p', { class: 'notice', role: 'note' }, 'Account changes are turned off by the administrator right now. You can look, but not change anything.'),
        h('div', { id: 'sections' }, renderSections()),
      ),
    ),
  );
  heading.focus();
}

/** Re-reads the account and re-renders the sections, keeping keyboard focus where it was. */
ctx.reload = async (focusId) => {
  const active = document.activeElement?.id;
  await loadMe();
  if (!ctx.me) return showSignIn();
  const container = document.getElementById('sections');
  if (!container) return showAccount();
  const section = document.activeElement?.closest?.('section')?.id;
  container.replaceChildren(...renderSections());
  const target = (focusId && document.getElementById(focusId)) || (active && document.getElementById(active)) || (section && document.getElementById(`${section}-title`));
  target?.focus();
};

async function socialReturn(params, resumed) {
  history.replaceState(null, '', '/account');
  const stored = JSON.parse(sessionStorage.getItem(SOCIAL_STATE_KEY) ?? 'null');
  sessionStorage.removeItem(SOCIAL_STATE_KEY);
  const state = params.get('state');
  if (!stored || stored.state !== state || params.has('error') || !params.get('code')) {
    return resumed ? showAccount() : showSignIn(errorSentence({ code: 'INVALID_CREDENTIALS' }));
  }
  const code = params.get('code');
  if (stored.mode === 'link') {
    if (!resumed) return showSignIn(errorSentence({ code: 'UNAUTHENTICATED' }));
    const result = await call(OPS.finishSocialLink, { state, code });
    await showAccount();
    announce(result.error ? errorSentence(result.error) : 'Your social account is linked.');
    return;
  }
  const result = await call(OPS.finishSocialSignIn, { state, code });
  if (result.error) return showSignIn(errorSentence(result.error));
  if (result.value.__typename === 'MfaChallenge') return renderMfa(ctx, result.value);
  return ctx.onTokens(result.value);
}

async function boot() {
  try {
    ctx.features = await detectFeatures();
    const [center, providers] = await Promise.all([
      call(accountCenterQuery(ctx.features)),
      ctx.features.social ? call(OPS.identityProviders) : Promise.resolve({ value: [] }),
    ]);
    ctx.center = center.value.accountCenter;
    ctx.passwordPolicy = center.value.passwordPolicy;
    ctx.providers = providers.value ?? [];
    const resumed = await resume();
    const params = new URLSearchParams(location.search);
    if (params.has('state')) return await socialReturn(params, resumed);
    if (resumed) await showAccount();
    else showSignIn();
  } catch (err) {
    console.error(err);
    root.replaceChildren(h('div', { class: 'card narrow' }, h('h1', null, 'Account'), h('p', { class: 'error', role: 'alert' }, errorSentence({ code: err?.code ?? 'UNEXPECTED' }))));
  }
}

void boot();
