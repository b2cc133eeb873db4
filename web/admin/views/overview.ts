// Overview: the dashboard counts from admin.overview, each asked only when the token may read it.
import { request } from '../../shared/api';
import { formatDate, h } from '../../shared/dom';
import { can, type View } from '../context';
import { graphql } from '../gql';
import { card, show } from '../ui';

const Overview = graphql(`
  query ConsoleOverview($users: Boolean!, $audit: Boolean!, $settings: Boolean!) {
    admin {
      overview {
        users @include(if: $users)
        usersCapped @include(if: $users)
        signUps24h @include(if: $users)
        signUps30d @include(if: $users)
        activeSessions @include(if: $users)
        failedSignIns24h @include(if: $audit)
        failedSignIns30d @include(if: $audit)
        webhookQueue @include(if: $settings) { pending due failed oldestPendingAt }
      }
    }
  }
`);

const stat = (id: string, label: string, value: number | string) =>
  h('div', { class: 'stat', id: `stat-${id}` }, h('span', { class: 'stat-value' }, String(value)), h('span', { class: 'stat-label' }, label));

export const overviewView: View = {
  route: 'overview',
  label: 'Overview',
  scope: 'admin:users:read',
  render: async (ctx) => {
    const vars = { users: can(ctx, 'admin:users:read'), audit: can(ctx, 'admin:audit:read'), settings: can(ctx, 'admin:settings') };
    const o = (await request(Overview, vars)).admin.overview;
    const users = vars.users && card('overview-users', 'Users',
      h('div', { class: 'stats' },
        stat('users', 'users', o.users == null ? '—' : `${o.users.toLocaleString('en')}${o.usersCapped ? '+' : ''}`),
        stat('signups-24h', 'sign-ups in the last 24 hours', o.signUps24h ?? '—'),
        stat('signups-30d', 'sign-ups in the last 30 days', o.signUps30d ?? '—'),
        stat('sessions', 'active sessions', o.activeSessions ?? '—')));
    const audit = vars.audit && card('overview-sign-ins', 'Failed sign-ins',
      h('div', { class: 'stats' }, stat('failed-24h', 'in the last 24 hours', o.failedSignIns24h ?? '—'), stat('failed-30d', 'in the last 30 days', o.failedSignIns30d ?? '—')));
    const q = o.webhookQueue;
    const queue = vars.settings && q && card('overview-webhooks', 'Webhook queue',
      h('div', { class: 'stats' }, stat('pending', 'pending deliveries', q.pending), stat('due', 'due now', q.due), stat('failed', 'failed deliveries', q.failed)),
      h('p', { class: 'hint' }, q.oldestPendingAt ? `Oldest pending since ${formatDate(q.oldestPendingAt)}.` : 'Nothing is waiting.'));
    show(ctx, 'Overview', users, audit, queue);
  },
};
