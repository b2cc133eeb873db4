// Machine clients (admin:settings): back-office services that use the client_credentials grant
// at POST /oauth/token instead of a human password.
import {
  createMachineClient,
  deleteMachineClient,
  type MachineClientSecret,
  rotateMachineClientSecret,
} from '../../domain/machine-clients/machine-clients.service.js';
import type { Context } from '../context.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { AdminMutation, AdminQuery } from '../root.js';
import { everyScope } from '../auth/escalation.js';

const SETTINGS = { admin: 'admin:settings' } as const;

export const MachineClientType = builder.prismaNode('MachineClient', {
  id: { field: 'id' },
  description: 'A back-office service. Its secret is never readable, only rotatable.',
  authScopes: SETTINGS,
  fields: (t) => ({
    clientId: t.exposeString('clientId'),
    name: t.exposeString('name'),
    scopes: t.exposeStringList('scopes'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    rotatedAt: t.expose('rotatedAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
  }),
});

const MachineClientSecretType = builder.objectRef<MachineClientSecret>('MachineClientSecret').implement({
  description: '`clientSecret` is shown only here; store it now.',
  fields: (t) => ({
    clientId: t.exposeString('clientId'),
    clientSecret: t.exposeString('clientSecret'),
    machineClient: t.field({ type: MachineClientType, resolve: (s) => s.machineClient }),
  }),
});

const CreateMachineClientInput = builder.inputType('CreateMachineClientInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    scopes: t.stringList({ required: true, description: 'Admin scopes to grant, e.g. ["admin:users:read"].' }),
  }),
});

builder.objectFields(AdminQuery, (t) => ({
  machineClients: t.prismaConnection(
    {
      type: MachineClientType,
      cursor: 'id',
      authScopes: SETTINGS,
      totalCount: (_parent, _args, ctx) => ctx.deps.prisma.machineClient.count(),
      description: 'Machine clients, newest first.',
      resolve: (query, _parent, _args, ctx) => ctx.deps.prisma.machineClient.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    },
    { name: 'MachineClientConnection' },
    { name: 'MachineClientEdge' },
  ),
}));

/** admin:settings plus every scope of the target client: no caller manages a broader client. */
async function settingsOver(ctx: Context, id: string | number) {
  const target = await ctx.deps.prisma.machineClient.findUnique({ where: { id: String(id) }, select: { scopes: true } });
  return everyScope('admin:settings', target?.scopes);
}

builder.objectFields(AdminMutation, (t) => ({
  createMachineClient: t.field({
    type: MachineClientSecretType,
    errors: {},
    authScopes: (_root, { input }) => everyScope('admin:settings', input.scopes),
    args: { input: t.arg({ type: CreateMachineClientInput, required: true }) },
    resolve: (_root, { input }, ctx) => createMachineClient(ctx.deps, input, actorOf(ctx), ctx.request),
  }),
  rotateMachineClientSecret: t.field({
    type: MachineClientSecretType,
    errors: {},
    authScopes: (_root, { id }, ctx) => settingsOver(ctx, id),
    description: 'Issues a new secret; the old one stops working at once (tokens already issued live until they expire).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => rotateMachineClientSecret(ctx.deps, id, actorOf(ctx), ctx.request),
  }),
  deleteMachineClient: t.field({
    type: MachineClientType,
    errors: {},
    authScopes: (_root, { id }, ctx) => settingsOver(ctx, id),
    description: 'Deletes the client; its live tokens are refused on their next request.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => deleteMachineClient(ctx.deps, id, actorOf(ctx), ctx.request),
  }),
}));
