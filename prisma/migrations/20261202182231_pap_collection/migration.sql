-- CreateEnum
CREATE TYPE "PapInstalmentStatus" AS ENUM ('DUE', 'PAID', 'WRITTEN_OFF');

-- AlterTable
ALTER TABLE "mas101_pap_workflows" ADD COLUMN     "collectionAmountPaise" INTEGER,
ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "placementVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "placementVerifiedById" UUID,
ADD COLUMN     "writeOffReason" TEXT,
ADD COLUMN     "writtenOffAt" TIMESTAMP(3),
ADD COLUMN     "writtenOffById" UUID;

-- CreateTable
CREATE TABLE "mas101_pap_instalments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "papWorkflowId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "amountPaise" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "PapInstalmentStatus" NOT NULL DEFAULT 'DUE',
    "globalPaymentId" UUID,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mas101_pap_instalments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "mas101_pap_instalments_status_dueAt_idx" ON "mas101_pap_instalments"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "mas101_pap_instalments_papWorkflowId_seq_key" ON "mas101_pap_instalments"("papWorkflowId", "seq");

-- AddForeignKey
ALTER TABLE "mas101_pap_instalments" ADD CONSTRAINT "mas101_pap_instalments_papWorkflowId_fkey" FOREIGN KEY ("papWorkflowId") REFERENCES "mas101_pap_workflows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An instalment is never for nothing (at most one per agreement and seq, by the unique index).
ALTER TABLE "mas101_pap_instalments" ADD CONSTRAINT "mas101_pap_instalments_amount_positive" CHECK ("amountPaise" > 0);
