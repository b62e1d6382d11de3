-- Ask MAS streaming: an exchange is written STREAMING before the provider call and ends SUCCESS,
-- FAILED, ABORTED or BLOCKED. ERROR becomes FAILED: existing rows are mapped in the cast below
-- (a new enum type swapped in, so no new value is used in the transaction that adds it).
-- AlterEnum
BEGIN;
CREATE TYPE "AskMasLogStatus_new" AS ENUM ('STREAMING', 'SUCCESS', 'FAILED', 'ABORTED', 'BLOCKED');
ALTER TABLE "public"."ask_mas_logs" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "ask_mas_logs" ALTER COLUMN "status" TYPE "AskMasLogStatus_new" USING ((CASE "status"::text WHEN 'ERROR' THEN 'FAILED' ELSE "status"::text END)::"AskMasLogStatus_new");
ALTER TYPE "AskMasLogStatus" RENAME TO "AskMasLogStatus_old";
ALTER TYPE "AskMasLogStatus_new" RENAME TO "AskMasLogStatus";
DROP TYPE "public"."AskMasLogStatus_old";
ALTER TABLE "ask_mas_logs" ALTER COLUMN "status" SET DEFAULT 'STREAMING';
COMMIT;

-- AlterTable
ALTER TABLE "ask_mas_logs" ADD COLUMN     "agentId" UUID,
ADD COLUMN     "agentVersion" INTEGER,
ADD COLUMN     "costPaise" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "finishReason" TEXT,
ADD COLUMN     "firstTokenMs" INTEGER,
ADD COLUMN     "providerRequestId" TEXT,
ALTER COLUMN "status" SET DEFAULT 'STREAMING';

-- CreateIndex
CREATE INDEX "ask_mas_logs_agentId_createdAt_idx" ON "ask_mas_logs"("agentId", "createdAt");
