-- CreateEnum
CREATE TYPE "mas_crm"."CrmBulkAction" AS ENUM ('enroll', 'pause', 'resume', 'cancel');

-- CreateEnum
CREATE TYPE "mas_crm"."CrmBulkOperationStatus" AS ENUM ('RUNNING', 'COMPLETED', 'FAILED');

-- DropIndex
DROP INDEX "mas_crm"."workflow_node_runs_enrollment_id_node_id_attempt_idx";

-- AlterTable
ALTER TABLE "mas_crm"."workflow_enrollments" ADD COLUMN     "paused_by" UUID;

-- CreateTable
CREATE TABLE "mas_crm"."bulk_operations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "action" "mas_crm"."CrmBulkAction" NOT NULL,
    "status" "mas_crm"."CrmBulkOperationStatus" NOT NULL DEFAULT 'RUNNING',
    "workflow_id" UUID,
    "filter" JSONB NOT NULL,
    "reason" TEXT,
    "requested_by" UUID,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "failures" JSONB NOT NULL DEFAULT '[]',
    "temporal_workflow_id" TEXT NOT NULL,
    "completed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bulk_operations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "bulk_operations_temporal_workflow_id_key" ON "mas_crm"."bulk_operations"("temporal_workflow_id");

-- CreateIndex
CREATE INDEX "bulk_operations_status_created_at_idx" ON "mas_crm"."bulk_operations"("status", "created_at");

-- CreateIndex
CREATE INDEX "bulk_operations_requested_by_idx" ON "mas_crm"."bulk_operations"("requested_by");

-- CreateIndex
CREATE UNIQUE INDEX "workflow_node_runs_enrollment_id_node_id_attempt_key" ON "mas_crm"."workflow_node_runs"("enrollment_id", "node_id", "attempt");
