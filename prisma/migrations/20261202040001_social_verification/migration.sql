-- AlterEnum
ALTER TYPE "VerificationKind" ADD VALUE 'SOCIAL';

-- AlterEnum
ALTER TYPE "SocialAuthPurpose" ADD VALUE 'VERIFY';

