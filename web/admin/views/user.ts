// A user's page: profile and identifiers (editable), roles, status, MFA factors and passkeys,
// social identities, sessions, personal access tokens, the user's audit events, and the actions.
import { request } from '../../shared/api';
import { describeAgent } from '../../shared/agent';
import { facts, formatDate, h } from '../../shared/dom';
import { type AdminCtx, can } from '../context';
import { graphql } from '../gql';
import { card, show, table } from '../ui';
import { userActions } from './user-actions';
import { deletionNotice } from './user-deletion';
import { tokensCard } from './user-tokens';
import { auditRows } from './audit';
import { profileForm, rolesForm, rowActions } from './user-edit';
import { userLabel } from './user-label';

const User = graphql(`
  query ConsoleUser($id: ID!, $audit: Boolean!) {
    admin {
      user(id: $id) {
        id username primaryEmail primaryPhone name avatar roles isSuspended deletionScheduledAt hasPassword createdAt updatedAt lastSignInAt
        mfaFactors { id type name createdAt lastUsedAt remainingCodes }
        identities { provider providerName subject email linkedAt lastSignInAt }
        sessions(first: 50) { totalCount edges { node { id ip userAgent createdAt lastActiveAt impersonated } } }
        personalAccessTokens(first: 50) { totalCount edges { node { id name createdAt expiresAt lastUsedAt } } }
        auditEvents(first: 20) @include(if: $audit) { edges { node { id action actorId userId at ip details } } }
      }
    }
  }
`);


const FACTOR_NAMES: Record<string, string> = { TOTP: 'Authenticator app', BACKUP_CODE: 'Backup codes', WEBAUTHN: 'Passkey' };

export async function userPageView(ctx: AdminCtx, id: string): Promise<void> {
  const user = (await request(User, { id, audit: can(ctx, 'admin:audit:read') })).admin.user;
  if (!user) return show(ctx, 'User not found', h('p', null, 'This user does not exist (any more).'), h('a', { href: '#/users' }, 'Back to users'));
  const write = can(ctx, 'admin:users:write');
  const reload = () => userPageView(ctx, id);
  const factors = user.mfaFactors.map((f) => [
    f.name ? `${FACTOR_NAMES[f.type]}: ${f.name}` : FACTOR_NAMES[f.type] ?? f.type,
    f.type === 'BACKUP_CODE' ? `${f.remainingCodes} left` : `last used ${formatDate(f.lastUsedAt)}`, formatDate(f.createdAt),
    write ? rowActions.removeFactor(ctx, user, f, reload) : '',
  ]);
  const sessions = user.sessions.edges.map(({ node: s }) => [describeAgent(s.userAgent), s.ip ?? '—', formatDate(s.createdAt), formatDate(s.lastActiveAt), s.impersonated ? 'Impersonation' : '']);
  const identities = user.identities.map((i) => [i.providerName, i.email ?? i.subject, formatDate(i.linkedAt), write ? rowActions.unlink(ctx, user, i, reload) : '']);
  show(ctx, userLabel(user),
    h('p', null, h('a', { href: '#/users' }, 'Back to users')),
    card('user-status', 'Status',
      deletionNotice(ctx, user, reload),
      facts([
        ['Status', user.isSuspended ? h('span', { class: 'badge warn', id: 'user-status-value' }, 'Suspended') : h('span', { id: 'user-status-value' }, 'Active')],
        ['Password', user.hasPassword ? 'Set' : 'None'],
        ['Created', formatDate(user.createdAt)],
        ['Last sign-in', formatDate(user.lastSignInAt)],
        ['ID', h('code', null, user.id)],
      ]),
      userActions(ctx, user, reload)),
    card('user-profile', 'Profile and identifiers', write ? profileForm(ctx, user, reload) : facts([
      ['Name', user.name], ['Email', user.primaryEmail], ['Username', user.username], ['Phone', user.primaryPhone]])),
    card('user-roles', 'Roles', write ? rolesForm(ctx, user, reload) : h('p', null, user.roles.join(', ') || 'No roles.')),
    card('user-mfa', 'Two-step sign-in and passkeys', factors.length ? table('MFA factors', ['Factor', 'Use', 'Added', ''], factors, 'user-factors') : h('p', { id: 'user-factors-none' }, 'No two-step sign-in.')),
    card('user-identities', 'Social identities', identities.length ? table('Linked social identities', ['Provider', 'Account', 'Linked', ''], identities) : h('p', null, 'None linked.')),
    card('user-sessions', `Sessions (${user.sessions.totalCount})`, sessions.length ? table('Sessions', ['Device', 'Address', 'Signed in', 'Active', 'Kind'], sessions, 'user-session-list') : h('p', { id: 'user-sessions-none' }, 'No active session.')),
    tokensCard(ctx, user, reload),
    user.auditEvents && card('user-audit', 'Audit events', auditRows(user.auditEvents.edges.map((e) => e.node))));
}
