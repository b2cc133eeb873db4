-- AlterTable
ALTER TABLE "AccountCenterSettings" ADD COLUMN     "pageEnabled" BOOLEAN NOT NULL DEFAULT true;

