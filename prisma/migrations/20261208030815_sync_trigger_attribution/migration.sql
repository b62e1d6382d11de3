-- AlterEnum
ALTER TYPE "mrlearn"."MrLearnSyncTrigger" ADD VALUE 'BACKFILL';

-- AlterEnum
ALTER TYPE "mrtest"."MrTestSyncTrigger" ADD VALUE 'BACKFILL';

-- AlterTable
ALTER TABLE "mrlearn"."sync_configs" ADD COLUMN     "backfillRequest" JSONB,
ADD COLUMN     "manualRunRequest" JSONB;

-- AlterTable
ALTER TABLE "mrtest"."sync_configs" ADD COLUMN     "backfillRequest" JSONB,
ADD COLUMN     "manualRunRequest" JSONB;
