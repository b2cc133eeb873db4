// Users: search (Enter searches), filters and sort as admin.users has them, the total, keyset
// paging (cursors in the address, so Back works), and `Create user` for write tokens.
import { request } from '../../shared/api';
import { formatDate, h } from '../../shared/dom';
import { form, select } from '../../shared/form';
import { type AdminCtx, can, type View } from '../context';
import { graphql } from '../gql';
import type { UserFilter, UserOrderField } from '../gql/graphql';
import { show, table } from '../ui';
import { createUserForm } from './user-create';
import { userPageView } from './user';
import { userLabel } from './user-label';

const Users = graphql(`
  query ConsoleUsers($first: Int, $after: String, $last: Int, $before: String, $search: String, $filter: UserFilter, $orderBy: UserOrder) {
    identityProviders { key name }
    admin {
      users(first: $first, after: $after, last: $last, before: $before, search: $search, filter: $filter, orderBy: $orderBy) {
        totalCount totalCountCapped
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { node { id primaryEmail username primaryPhone name isSuspended deletionScheduledAt roles createdAt lastSignInAt } }
      }
    }
  }
`);

const PAGE = 20;
const SORTS: [string, string][] = [
  ['CREATED_AT:DESC', 'Newest first'], ['CREATED_AT:ASC', 'Oldest first'], ['LAST_SIGN_IN_AT:DESC', 'Recently signed in'],
  ['EMAIL:ASC', 'Email A–Z'], ['EMAIL:DESC', 'Email Z–A'], ['USERNAME:ASC', 'Username A–Z'], ['USERNAME:DESC', 'Username Z–A'],
];
const FILTER_KEYS = ['search', 'status', 'mfa', 'role', 'provider', 'from', 'to', 'sort'] as const;

/** The user as the list names them: email, else username, else phone. */
/** "33 users"; past the count's cap (10,000) the API stops counting: "10,000+ users". */
export const totalText = (count: number, capped: boolean) =>
  `${count.toLocaleString('en')}${capped ? '+' : ''} ${count === 1 && !capped ? 'user' : 'users'}`;

const statusOf = (u: { isSuspended: boolean; deletionScheduledAt?: string | null }) =>
  u.deletionScheduledAt ? h('span', { class: 'badge warn' }, 'Deletion scheduled')
    : u.isSuspended ? h('span', { class: 'badge warn' }, 'Suspended') : 'Active';

function filterOf(q: URLSearchParams): UserFilter {
  const filter: UserFilter = {};
  if (q.get('status')) filter.isSuspended = q.get('status') === 'suspended';
  if (q.get('mfa')) filter.hasMfa = q.get('mfa') === 'yes';
  if (q.get('role')) filter.role = q.get('role');
  if (q.get('provider')) filter.provider = q.get('provider');
  if (q.get('from')) filter.createdAfter = new Date(`${q.get('from')}T00:00:00Z`).toISOString();
  if (q.get('to')) filter.createdBefore = new Date(`${q.get('to')}T23:59:59Z`).toISOString();
  return filter;
}

async function render(ctx: AdminCtx, params: string[], q: URLSearchParams) {
  if (params[0]) return userPageView(ctx, params[0]);
  const [field = 'CREATED_AT', direction = 'DESC'] = (q.get('sort') ?? 'CREATED_AT:DESC').split(':');
  const page = q.get('before') ? { last: PAGE, before: q.get('before') } : { first: PAGE, after: q.get('after') };
  const result = await request(Users, {
    ...page, search: q.get('search') || null, filter: filterOf(q), orderBy: { field: field as UserOrderField, direction: direction === 'ASC' ? 'ASC' : 'DESC' },
  });
  const data = result.admin.users;
  const providers: [string, string][] = result.identityProviders.map((p) => [p.key, p.name]);
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(q);
    for (const [k, v] of Object.entries(changes)) (v ? next.set(k, v) : next.delete(k));
    ctx.go(`users?${next.toString()}`);
  };
  const search = form({
    id: 'user-search',
    fields: [{ name: 'search', label: 'Search users', type: 'search', value: q.get('search') }],
    extra: h('div', { class: 'filters' },
      select('user-search', 'status', 'Status', [['', 'Any'], ['active', 'Active'], ['suspended', 'Suspended']], q.get('status')),
      select('user-search', 'mfa', 'Two-step sign-in', [['', 'Any'], ['yes', 'On'], ['no', 'Off']], q.get('mfa')),
      h('div', { class: 'field' }, h('label', { for: 'user-search-role' }, 'Role'), h('input', { id: 'user-search-role', name: 'role', value: q.get('role') ?? '' })),
      providers.length > 0 && select('user-search', 'provider', 'Identity provider', [['', 'Any'], ...providers], q.get('provider')),
      h('div', { class: 'field' }, h('label', { for: 'user-search-from' }, 'Created from'), h('input', { id: 'user-search-from', name: 'from', type: 'date', value: q.get('from') ?? '' })),
      h('div', { class: 'field' }, h('label', { for: 'user-search-to' }, 'Created until'), h('input', { id: 'user-search-to', name: 'to', type: 'date', value: q.get('to') ?? '' })),
      select('user-search', 'sort', 'Sort', SORTS, q.get('sort') ?? 'CREATED_AT:DESC')),
    submit: 'Search',
    onSubmit: (values) => go({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, values[k]?.trim() || null])), after: null, before: null }),
  });
  const rows = data.edges.map(({ node: u }) => [
    h('a', { href: `#/users/${encodeURIComponent(u.id)}` }, userLabel(u)),
    u.name ?? '—', statusOf(u), u.roles.join(', ') || '—', formatDate(u.createdAt), formatDate(u.lastSignInAt),
  ]);
  const total = totalText(data.totalCount, data.totalCountCapped);
  const paging = h('div', { class: 'actions paging' },
    data.pageInfo.hasPreviousPage && h('button', { type: 'button', class: 'secondary', id: 'users-previous', onclick: () => go({ before: data.pageInfo.startCursor ?? null, after: null }) }, 'Previous page'),
    data.pageInfo.hasNextPage && h('button', { type: 'button', class: 'secondary', id: 'users-next', onclick: () => go({ after: data.pageInfo.endCursor ?? null, before: null }) }, 'Next page'));
  show(ctx, 'Users',
    search,
    h('p', { id: 'users-total', class: 'total' }, total),
    rows.length ? table('Users', ['User', 'Name', 'Status', 'Roles', 'Created', 'Last sign-in'], rows, 'users-table') : h('p', null, 'No user matches.'),
    paging,
    can(ctx, 'admin:users:write') && createUserForm(ctx));
}

export const usersView: View = { route: 'users', label: 'Users', scope: 'admin:users:read', render };
