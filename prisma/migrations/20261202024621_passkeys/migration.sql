-- CreateEnum
CREATE TYPE "PasskeyChallengePurpose" AS ENUM ('REGISTRATION', 'SIGN_IN', 'MFA', 'STEP_UP');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "VerificationKind" ADD VALUE 'TOTP';
ALTER TYPE "VerificationKind" ADD VALUE 'PASSKEY';

-- AlterTable
ALTER TABLE "MfaFactor" ADD COLUMN     "aaguid" TEXT,
ADD COLUMN     "backedUp" BOOLEAN,
ADD COLUMN     "backupEligible" BOOLEAN,
ADD COLUMN     "credentialId" TEXT,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "publicKey" BYTEA,
ADD COLUMN     "signCount" BIGINT,
ADD COLUMN     "transports" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "MfaChallenge" ADD COLUMN     "amr" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "PasskeyChallenge" (
    "id" TEXT NOT NULL DEFAULT ('pkc_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "purpose" "PasskeyChallengePurpose" NOT NULL,
    "challenge" TEXT NOT NULL,
    "userId" TEXT,
    "userBound" BOOLEAN NOT NULL DEFAULT true,
    "mfaChallengeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),

    CONSTRAINT "PasskeyChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PasskeyChallenge_userId_idx" ON "PasskeyChallenge"("userId");

-- CreateIndex
CREATE INDEX "PasskeyChallenge_mfaChallengeId_idx" ON "PasskeyChallenge"("mfaChallengeId");

-- CreateIndex
CREATE UNIQUE INDEX "MfaFactor_credentialId_key" ON "MfaFactor"("credentialId");

-- AddForeignKey
ALTER TABLE "PasskeyChallenge" ADD CONSTRAINT "PasskeyChallenge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasskeyChallenge" ADD CONSTRAINT "PasskeyChallenge_mfaChallengeId_fkey" FOREIGN KEY ("mfaChallengeId") REFERENCES "MfaChallenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

