-- CreateEnum
CREATE TYPE "SignInChallengePurpose" AS ENUM ('RECOVERY', 'CODE_SIGN_IN', 'MAGIC_LINK', 'SIGN_UP');

-- CreateEnum
CREATE TYPE "ChallengeChannel" AS ENUM ('EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "SignUpVerification" AS ENUM ('NONE', 'CODE');

-- CreateTable
CREATE TABLE "SignInChallenge" (
    "id" TEXT NOT NULL DEFAULT ('sch_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "purpose" "SignInChallengePurpose" NOT NULL,
    "userId" TEXT,
    "channel" "ChallengeChannel" NOT NULL,
    "target" TEXT,
    "identifierDigest" TEXT NOT NULL,
    "secretHash" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "redirectUri" TEXT,
    "pending" JSONB,
    "consumedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,

    CONSTRAINT "SignInChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInMethodSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "password" BOOLEAN,
    "passkey" BOOLEAN,
    "emailCode" BOOLEAN,
    "smsCode" BOOLEAN,
    "magicLink" BOOLEAN,
    "social" BOOLEAN,
    "signUpVerification" "SignUpVerification" NOT NULL DEFAULT 'NONE',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInMethodSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInChallenge_identifierDigest_createdAt_idx" ON "SignInChallenge"("identifierDigest", "createdAt");

-- CreateIndex
CREATE INDEX "SignInChallenge_ip_createdAt_idx" ON "SignInChallenge"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "SignInChallenge_secretHash_idx" ON "SignInChallenge"("secretHash");

-- AddForeignKey
ALTER TABLE "SignInChallenge" ADD CONSTRAINT "SignInChallenge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

