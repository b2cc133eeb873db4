-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailVerified" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "phoneVerified" BOOLEAN NOT NULL DEFAULT false;


-- Backfill: an existing address counts as proven only where this service holds proof that the
-- account received a code at exactly that address: a verified code record for it (a code sent to
-- the current address, or the "new address" code that me.setPrimaryEmail/Phone consumed), or the
-- audit row of a self-service change to it (user.email.set / user.phone.set, which always needed
-- that code). An account made by social sign-up through a provider trusted for email, with the
-- provider's verified email as its address, counts too. Everything else (sign-up, admin-set or
-- imported addresses) starts unproven.
UPDATE "User" u SET "emailVerified" = true
WHERE u."primaryEmail" IS NOT NULL AND (
  EXISTS (
    SELECT 1 FROM "VerificationRecord" v
    WHERE v."userId" = u."id" AND v."kind" = 'EMAIL_CODE' AND v."target" = u."primaryEmail" AND v."verifiedAt" IS NOT NULL
  )
  OR EXISTS (
    SELECT 1 FROM "AuditEvent" a
    WHERE a."userId" = u."id" AND a."action" = 'user.email.set'
      AND (a."details"->>'email' = u."primaryEmail" OR a."data"->>'email' = u."primaryEmail")
  )
  OR EXISTS (
    SELECT 1 FROM "AuditEvent" s
    JOIN "UserIdentity" i ON i."userId" = u."id"
    JOIN "IdentityProvider" p ON p."id" = i."providerId"
    WHERE s."userId" = u."id" AND s."action" = 'user.sign_up' AND s."details"->>'method' = 'social'
      AND p."trustEmail" AND i."emailVerified" AND i."email" = u."primaryEmail"
  )
);

UPDATE "User" u SET "phoneVerified" = true
WHERE u."primaryPhone" IS NOT NULL AND (
  EXISTS (
    SELECT 1 FROM "VerificationRecord" v
    WHERE v."userId" = u."id" AND v."kind" = 'PHONE_CODE' AND v."target" = u."primaryPhone" AND v."verifiedAt" IS NOT NULL
  )
  OR EXISTS (
    SELECT 1 FROM "AuditEvent" a
    WHERE a."userId" = u."id" AND a."action" = 'user.phone.set'
      AND (a."details"->>'phone' = u."primaryPhone" OR a."data"->>'phone' = u."primaryPhone")
  )
);
