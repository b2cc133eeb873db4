// admin.overview: the console's dashboard numbers, under admin:users:read (it is mostly user
// counts). The other fields ask the scope of the data they count as well (failed sign-ins:
// admin:audit:read, the webhook queue: admin:settings), so a token sees no more than it could list.
import {
  countActiveSessions, countFailedSignIns, countSignUps, countUsers, webhookQueueHealth, type WebhookQueueHealth, windows,
} from '../../domain/admin/overview.service.js';
import { builder } from '../builder.js';
import { AdminQuery } from '../root.js';

const USERS = { admin: 'admin:users:read' } as const;
const AUDIT = { admin: 'admin:audit:read' } as const;
const SETTINGS = { admin: 'admin:settings' } as const;

const WebhookQueue = builder.objectRef<WebhookQueueHealth>('WebhookQueueHealth').implement({
  description: 'The webhook delivery queue right now.',
  fields: (t) => ({
    pending: t.exposeInt('pending', { description: 'Deliveries waiting for an attempt (first or retry).' }),
    due: t.exposeInt('due', { description: 'Pending deliveries whose attempt is already due: growing means the sender is behind.' }),
    failed: t.exposeInt('failed', { description: 'Deliveries that gave up (redeliver to try again).' }),
    oldestPendingAt: t.expose('oldestPendingAt', { type: 'DateTime', nullable: true, description: 'When the oldest pending delivery was created.' }),
  }),
});

type Overview = Record<string, never>;
const AdminOverview = builder.objectRef<Overview>('AdminOverview').implement({
  description: 'Dashboard counts; each field needs the scope of what it counts.',
  fields: (t) => ({
    users: t.int({ authScopes: USERS, description: `Every user, exact up to 10,000 (see usersCapped).`, resolve: async (_o, _a, ctx) => (await countUsers(ctx.deps.prisma)).count }),
    usersCapped: t.boolean({ authScopes: USERS, description: 'True when there are more users than `users` says.', resolve: async (_o, _a, ctx) => (await countUsers(ctx.deps.prisma)).capped }),
    signUps24h: t.int({ authScopes: USERS, description: 'Accounts created in the last 24 hours.', resolve: (_o, _a, ctx) => countSignUps(ctx.deps.prisma, windows(ctx.deps.clock.now()).day) }),
    signUps30d: t.int({ authScopes: USERS, description: 'Accounts created in the last 30 days.', resolve: (_o, _a, ctx) => countSignUps(ctx.deps.prisma, windows(ctx.deps.clock.now()).month) }),
    activeSessions: t.int({ authScopes: USERS, description: 'Sessions neither revoked nor expired.', resolve: (_o, _a, ctx) => countActiveSessions(ctx.deps.prisma, ctx.deps.clock.now()) }),
    failedSignIns24h: t.int({ authScopes: AUDIT, description: 'Failed sign-ins in the last 24 hours.', resolve: (_o, _a, ctx) => countFailedSignIns(ctx.deps.prisma, windows(ctx.deps.clock.now()).day) }),
    failedSignIns30d: t.int({ authScopes: AUDIT, description: 'Failed sign-ins in the last 30 days.', resolve: (_o, _a, ctx) => countFailedSignIns(ctx.deps.prisma, windows(ctx.deps.clock.now()).month) }),
    webhookQueue: t.field({ type: WebhookQueue, authScopes: SETTINGS, resolve: (_o, _a, ctx) => webhookQueueHealth(ctx.deps.prisma, ctx.deps.clock.now()) }),
  }),
});

builder.objectField(AdminQuery, 'overview', (t) =>
  t.field({
    type: AdminOverview,
    description: 'Dashboard counts for the admin console (admin:users:read; some fields ask more).',
    authScopes: USERS,
    resolve: () => ({}),
  }),
);
