-- CreateEnum
CREATE TYPE "IdentityProviderType" AS ENUM ('OIDC', 'OAUTH2');

-- CreateEnum
CREATE TYPE "SocialAuthPurpose" AS ENUM ('SIGN_IN', 'LINK');

-- CreateTable
CREATE TABLE "IdentityProvider" (
    "id" TEXT NOT NULL DEFAULT ('idp_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "IdentityProviderType" NOT NULL,
    "issuer" TEXT,
    "clientId" TEXT NOT NULL,
    "clientSecretEncrypted" TEXT NOT NULL,
    "authorizationEndpoint" TEXT,
    "tokenEndpoint" TEXT,
    "userinfoEndpoint" TEXT,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "trustEmail" BOOLEAN NOT NULL DEFAULT false,
    "profileMapping" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdentityProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserIdentity" (
    "id" TEXT NOT NULL DEFAULT ('uid_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "userId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT,
    "avatar" TEXT,
    "accessTokenEncrypted" TEXT,
    "refreshTokenEncrypted" TEXT,
    "tokenType" TEXT,
    "tokenScope" TEXT,
    "tokenExpiresAt" TIMESTAMP(3),
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMP(3),

    CONSTRAINT "UserIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SocialAuthState" (
    "id" TEXT NOT NULL DEFAULT ('sas_'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
    "stateHash" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "purpose" "SocialAuthPurpose" NOT NULL,
    "userId" TEXT,
    "redirectUri" TEXT NOT NULL,
    "codeVerifierEncrypted" TEXT NOT NULL,
    "nonce" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),

    CONSTRAINT "SocialAuthState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IdentityProvider_key_key" ON "IdentityProvider"("key");

-- CreateIndex
CREATE UNIQUE INDEX "UserIdentity_providerId_subject_key" ON "UserIdentity"("providerId", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "UserIdentity_userId_providerId_key" ON "UserIdentity"("userId", "providerId");

-- CreateIndex
CREATE UNIQUE INDEX "SocialAuthState_stateHash_key" ON "SocialAuthState"("stateHash");

-- CreateIndex
CREATE INDEX "SocialAuthState_expiresAt_idx" ON "SocialAuthState"("expiresAt");

-- AddForeignKey
ALTER TABLE "UserIdentity" ADD CONSTRAINT "UserIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserIdentity" ADD CONSTRAINT "UserIdentity_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SocialAuthState" ADD CONSTRAINT "SocialAuthState_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "IdentityProvider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

