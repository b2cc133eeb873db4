// Audit log: newest first, filtered by user, actor, action (exact, or a prefix ending in *) and
// time; each row opens to show the event's details. Paging by cursor both ways ("Newer events",
// "Older events"), the cursor in the address so Back works.
import { request } from '../../shared/api';
import { formatDate, h } from '../../shared/dom';
import { form } from '../../shared/form';
import type { AdminCtx, View } from '../context';
import { graphql } from '../gql';
import type { AuditEventFilter } from '../gql/graphql';
import { show } from '../ui';

const Audit = graphql(`
  query ConsoleAudit($filter: AuditEventFilter, $first: Int, $after: String, $last: Int, $before: String) {
    admin {
      auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id action actorId userId at ip details } }
      }
    }
  }
`);

interface AuditRow { id: string; action: string; actorId?: string | null; userId?: string | null; at: string; ip?: string | null; details: Record<string, unknown> }

/** One line per event; opening it shows who, where and the details. */
export function auditRows(events: AuditRow[]): HTMLElement {
  if (!events.length) return h('p', null, 'No events.');
  return h('ul', { class: 'rows audit', id: 'audit-list' }, events.map((e) => h('li', null,
    h('details', null,
      h('summary', null, h('code', { class: 'action-name' }, e.action), ` · ${formatDate(e.at)}`),
      h('dl', { class: 'facts' },
        h('dt', null, 'User'), h('dd', null, e.userId ? h('a', { href: `#/users/${encodeURIComponent(e.userId)}` }, e.userId) : '—'),
        h('dt', null, 'Actor'), h('dd', null, e.actorId ?? 'the service'),
        h('dt', null, 'Address'), h('dd', null, e.ip ?? '—')),
      h('pre', { class: 'json', tabindex: '0', 'aria-label': `Details of ${e.action}` }, JSON.stringify(e.details, null, 2))))));
}

const KEYS = ['user', 'actor', 'action', 'from', 'to'] as const;
const PAGE = 25;

async function render(ctx: AdminCtx, _params: string[], q: URLSearchParams) {
  const filter: AuditEventFilter = {};
  if (q.get('user')) filter.userId = q.get('user');
  if (q.get('actor')) filter.actorId = q.get('actor');
  if (q.get('action')) filter.action = q.get('action');
  if (q.get('from')) filter.from = new Date(q.get('from')!).toISOString();
  if (q.get('to')) filter.to = new Date(q.get('to')!).toISOString();
  const page = q.get('before') ? { last: PAGE, before: q.get('before') } : { first: PAGE, after: q.get('after') };
  const data = (await request(Audit, { filter, ...page })).admin.auditEvents;
  const filters = form({
    id: 'audit-filter',
    fields: [
      { name: 'user', label: 'User ID', value: q.get('user') },
      { name: 'actor', label: 'Actor ID', value: q.get('actor') },
      { name: 'action', label: 'Action', value: q.get('action'), hint: 'Exact, or a prefix ending in *, e.g. admin.user.*' },
      { name: 'from', label: 'From', type: 'datetime-local', value: q.get('from') },
      { name: 'to', label: 'Until', type: 'datetime-local', value: q.get('to') },
    ],
    submit: 'Filter',
    onSubmit: (v) => {
      const next = new URLSearchParams();
      for (const k of KEYS) if (v[k]?.trim()) next.set(k, v[k]!.trim());
      ctx.go(`audit?${next.toString()}`);
    },
  });
  const turn = (key: 'after' | 'before', cursor: string | null | undefined) => () => {
    const next = new URLSearchParams(q);
    next.delete('after');
    next.delete('before');
    next.set(key, cursor ?? '');
    ctx.go(`audit?${next.toString()}`);
  };
  const paging = h('div', { class: 'actions paging' },
    data.pageInfo.hasPreviousPage && h('button', { type: 'button', class: 'secondary', id: 'audit-newer', onclick: turn('before', data.pageInfo.startCursor) }, 'Newer events'),
    data.pageInfo.hasNextPage && h('button', { type: 'button', class: 'secondary', id: 'audit-older', onclick: turn('after', data.pageInfo.endCursor) }, 'Older events'));
  show(ctx, 'Audit log', h('div', { class: 'card' }, filters), auditRows(data.edges.map((e) => e.node)), paging);
}

export const auditView: View = { route: 'audit', label: 'Audit log', scope: 'admin:audit:read', render };
