// The account-center config table (docs/api.md#self-service-me): which `me` fields are OFF, READ_ONLY or EDIT.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { withEvents } from '../events/collector.js';

export const ACCOUNT_FIELDS = [
  'name',
  'avatar',
  'profile',
  'username',
  'email',
  'phone',
  'password',
  'customData',
  'social',
  'mfa',
  'sessions',
  'personalAccessTokens',
  // me.securityEvents: the user's own sign-ins and security changes (read-only by nature).
  'securityActivity',
  // Passkeys: separate from `mfa` (as in Logto), so a deployment can offer one without the other.
  'passkey',
  // Devices remembered at the MFA step (me.trustedDevices, me.revokeTrustedDevice(s)).
  'trustedDevices',
] as const;

export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export type AccountFieldMode = 'OFF' | 'READ_ONLY' | 'EDIT';
export type AccountFieldModes = Record<AccountField, AccountFieldMode>;

export interface AccountCenterSettings {
  enabled: boolean;
  fields: AccountFieldModes;
  /** Whether the service serves its account page at /account (docs/account-page.md). */
  pageEnabled: boolean;
}

// Default on a new install: enabled, every field EDIT except customData READ_ONLY.
export const DEFAULT_FIELDS: AccountFieldModes = Object.fromEntries(
  ACCOUNT_FIELDS.map((f) => [f, f === 'customData' ? 'READ_ONLY' : 'EDIT']),
) as AccountFieldModes;

const MODES: AccountFieldMode[] = ['OFF', 'READ_ONLY', 'EDIT'];

function fromRow(row: { enabled: boolean; fields: unknown; pageEnabled: boolean } | null): AccountCenterSettings {
  const stored = (row?.fields ?? {}) as Partial<Record<string, string>>;
  const fields = { ...DEFAULT_FIELDS };
  for (const f of ACCOUNT_FIELDS) {
    const mode = stored[f];
    if (mode && (MODES as string[]).includes(mode)) fields[f] = mode as AccountFieldMode;
  }
  return { enabled: row?.enabled ?? true, fields, pageEnabled: row?.pageEnabled ?? true };
}

type Db = Pick<PrismaClient, 'accountCenterSettings'> | Prisma.TransactionClient;

export async function getAccountCenter(db: Db): Promise<AccountCenterSettings> {
  return fromRow(await db.accountCenterSettings.findUnique({ where: { id: 1 } }));
}

/** Merges: a field left out keeps its mode. */
export async function updateAccountCenter(
  db: Db,
  input: { enabled?: boolean | null; pageEnabled?: boolean | null; fields?: Partial<Record<AccountField, AccountFieldMode | null>> | null },
): Promise<AccountCenterSettings> {
  const current = await getAccountCenter(db);
  const fields = { ...current.fields };
  for (const [key, mode] of Object.entries(input.fields ?? {})) {
    if (mode) fields[key as AccountField] = mode;
  }
  const enabled = input.enabled ?? current.enabled;
  const pageEnabled = input.pageEnabled ?? current.pageEnabled;
  const row = await db.accountCenterSettings.upsert({
    where: { id: 1 },
    create: { id: 1, enabled, fields, pageEnabled },
    update: { enabled, fields, pageEnabled },
  });
  return fromRow(row);
}

/** admin.updateAccountCenter: the change and its event in one transaction. */
export async function changeAccountCenter(
  deps: Deps,
  input: { enabled?: boolean | null; pageEnabled?: boolean | null; fields?: Partial<Record<AccountField, AccountFieldMode | null>> | null },
  actor: AuditActor,
  request: RequestInfo,
): Promise<AccountCenterSettings> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const settings = await updateAccountCenter(tx, input);
    const fields = input.fields ? (Object.fromEntries(Object.entries(input.fields).filter(([, m]) => m)) as Record<string, string>) : undefined;
    ev.emit('account_center.updated', { audit: 'admin.account_center.update', data: { enabled: input.enabled ?? undefined, pageEnabled: input.pageEnabled ?? undefined, fields } });
    return settings;
  });
}
