-- CreateEnum
CREATE TYPE "LifecycleTokenPurpose" AS ENUM ('RESTORE_ACCOUNT', 'REPORT_SIGN_IN', 'REVERT_EMAIL');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletionScheduledAt" TIMESTAMP(3),
ADD COLUMN     "passwordChangeRequired" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PasswordPolicySettings" ADD COLUMN     "checkBreached" BOOLEAN;

-- CreateTable
CREATE TABLE "TrustedDevice" (
    "id" TEXT NOT NULL DEFAULT ('tdv_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrustedDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LifecycleToken" (
    "id" TEXT NOT NULL DEFAULT ('lct_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "purpose" "LifecycleTokenPurpose" NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "sessionId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "LifecycleToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInContext" (
    "userId" TEXT NOT NULL,
    "uaFamily" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInContext_pkey" PRIMARY KEY ("userId","uaFamily","network")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT,
    "leasedUntil" TIMESTAMP(3),
    "nextRunAt" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrustedDevice_tokenHash_key" ON "TrustedDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "TrustedDevice_userId_idx" ON "TrustedDevice"("userId");

-- CreateIndex
CREATE INDEX "TrustedDevice_expiresAt_idx" ON "TrustedDevice"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "LifecycleToken_tokenHash_key" ON "LifecycleToken"("tokenHash");

-- CreateIndex
CREATE INDEX "LifecycleToken_userId_purpose_idx" ON "LifecycleToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "LifecycleToken_expiresAt_idx" ON "LifecycleToken"("expiresAt");

-- CreateIndex
CREATE INDEX "SignInContext_lastSeenAt_idx" ON "SignInContext"("lastSeenAt");

-- CreateIndex
CREATE INDEX "User_deletionScheduledAt_idx" ON "User"("deletionScheduledAt");

-- AddForeignKey
ALTER TABLE "TrustedDevice" ADD CONSTRAINT "TrustedDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LifecycleToken" ADD CONSTRAINT "LifecycleToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignInContext" ADD CONSTRAINT "SignInContext_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

