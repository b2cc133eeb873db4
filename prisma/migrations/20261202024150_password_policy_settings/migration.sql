-- CreateTable
CREATE TABLE "PasswordPolicySettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "minLength" INTEGER,
    "rejectCommon" BOOLEAN NOT NULL DEFAULT true,
    "rejectUserInfo" BOOLEAN NOT NULL DEFAULT true,
    "rejectRepetitive" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PasswordPolicySettings_pkey" PRIMARY KEY ("id")
);

