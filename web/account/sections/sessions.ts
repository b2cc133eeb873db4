// Sessions: where the account is signed in, each signed out on its own or all others at once.
import { mutate } from '../../shared/api';
import { describeAgent } from '../../shared/agent';
import { formatDate, h } from '../../shared/dom';
import { actionButton } from '../../shared/form';
import { type AccountCtx, apply, editable, readOnlyNote, type Section, visible } from '../context';
import { graphql } from '../gql';

const RevokeSession = graphql(`
  mutation RevokeSession($id: ID!) { me { revokeSession(id: $id) { __typename ... on RevokeSessionsPayload { revokedCount } ... on Error { code message } } } }
`);
const RevokeOthers = graphql(`
  mutation RevokeOtherSessions { me { revokeOtherSessions { __typename ... on RevokeSessionsPayload { revokedCount } ... on Error { code message } } } }
`);

function render(ctx: AccountCtx) {
  const edit = editable(ctx, 'sessions');
  const sessions = ctx.me.sessions.edges.map((e) => e.node);
  const others = sessions.filter((s) => !s.current);
  return [
    readOnlyNote(ctx, 'sessions'),
    h('ul', { class: 'rows', id: 'session-list' }, sessions.map((s) => h('li', { class: s.current ? 'current' : null, 'data-session': s.id },
      h('div', null,
        h('strong', null, describeAgent(s.userAgent)), s.current && h('span', { class: 'badge' }, 'This device'), s.impersonated && h('span', { class: 'badge warn' }, 'Admin'),
        h('span', { class: 'meta' }, `${s.ip ?? 'unknown address'} · signed in ${formatDate(s.createdAt)} · active ${formatDate(s.lastActiveAt)}`)),
      edit && !s.current && h('div', { class: 'row-actions' },
        actionButton(`session-revoke-${s.id}`, 'Sign out', () => apply(ctx, () => mutate(RevokeSession, { id: s.id }, (d) => d.me.revokeSession), 'That session was signed out.'),
          { class: 'secondary', 'aria-label': `Sign out ${describeAgent(s.userAgent)}, last active ${formatDate(s.lastActiveAt)}` }))))),
    edit && others.length > 1 && actionButton('sessions-revoke-others', 'Sign out all other sessions',
      () => apply(ctx, () => mutate(RevokeOthers, {}, (d) => d.me.revokeOtherSessions), 'All other sessions were signed out.'), { class: 'secondary' }),
  ];
}

export const sessionsSection: Section = { id: 'sessions', title: 'Sessions', show: (c) => visible(c, 'sessions'), render };
