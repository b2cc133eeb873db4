-- AlterTable
ALTER TABLE "PersonalAccessToken" ADD COLUMN     "useAuditedAt" TIMESTAMP(3);

