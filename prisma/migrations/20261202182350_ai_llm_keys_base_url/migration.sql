-- user_llm_keys had no rows yet (no code wrote the table before this change), so baseUrl needs no default.
-- AlterTable
ALTER TABLE "user_llm_keys" ADD COLUMN     "baseUrl" TEXT NOT NULL,
ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "revokedById" UUID;
