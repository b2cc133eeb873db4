// me.exportData (GDPR Art. 20): everything the service holds about the user, as JSON. Every read
// names its columns, so no secret, hash or sealed value can slip in when a column is added.
import type { Deps } from '../deps.js';

export async function exportUserData(deps: Deps, userId: string): Promise<Record<string, unknown>> {
  const { prisma } = deps;
  const [user, identities, sessions, mfaFactors, personalAccessTokens, verificationRecords, events] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        id: true,
        username: true,
        primaryEmail: true,
        primaryPhone: true,
        emailVerified: true,
        phoneVerified: true,
        name: true,
        avatar: true,
        profile: true,
        customData: true,
        roles: true,
        isSuspended: true,
        passwordAlgorithm: true,
        createdAt: true,
        updatedAt: true,
        lastSignInAt: true,
        lockedUntil: true,
        mfaLockedUntil: true,
      },
    }),
    // Never the provider's tokens (sealed columns): what the provider said about the user, and when.
    prisma.userIdentity.findMany({
      where: { userId },
      orderBy: { linkedAt: 'asc' },
      select: {
        id: true,
        provider: { select: { key: true, name: true } },
        subject: true,
        email: true,
        emailVerified: true,
        name: true,
        avatar: true,
        linkedAt: true,
        lastSignInAt: true,
      },
    }),
    prisma.session.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      select: { id: true, kind: true, amr: true, scope: true, ip: true, userAgent: true, createdAt: true, lastActiveAt: true, expiresAt: true, revokedAt: true, revokeReason: true },
    }),
    prisma.mfaFactor.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, type: true, createdAt: true, lastUsedAt: true, backupCodes: { select: { usedAt: true } } },
    }),
    prisma.personalAccessToken.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      select: { id: true, name: true, createdAt: true, createdBy: true, expiresAt: true, lastUsedAt: true },
    }),
    prisma.verificationRecord.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      select: { id: true, kind: true, target: true, verifiedAt: true, expiresAt: true, createdAt: true },
    }),
    prisma.auditEvent.findMany({
      where: { userId },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      select: { id: true, type: true, action: true, actorType: true, at: true, ip: true, userAgent: true, data: true },
    }),
  ]);
  const { passwordAlgorithm, ...profile } = user;
  return {
    exportedAt: deps.clock.now().toISOString(),
    user: { ...profile, hasPassword: passwordAlgorithm !== null },
    identities: identities.map(({ provider, ...identity }) => ({ ...identity, provider: provider.key, providerName: provider.name })),
    mfaFactors: mfaFactors.map(({ backupCodes, ...factor }) =>
      factor.type === 'BACKUP_CODE' ? { ...factor, backupCodesTotal: backupCodes.length, backupCodesUnused: backupCodes.filter((c) => !c.usedAt).length } : factor,
    ),
    sessions,
    personalAccessTokens,
    verificationRecords,
    securityEvents: events.map((e) => ({ id: e.id, type: e.type ?? e.action, at: e.at, actor: e.actorType, ip: e.ip, userAgent: e.userAgent, data: e.data ?? {} })),
  };
}
