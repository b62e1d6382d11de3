-- AlterEnum
ALTER TYPE "WhatsAppMessageStatus" ADD VALUE 'queued';

-- AlterTable
ALTER TABLE "emails_sent" ADD COLUMN     "templateVersion" INTEGER;

-- CreateTable
CREATE TABLE "whatsapp_parked_statuses" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "wamid" TEXT NOT NULL,
    "status" "WhatsAppMessageStatus" NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "whatsapp_parked_statuses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "whatsapp_parked_statuses_createdAt_idx" ON "whatsapp_parked_statuses"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "whatsapp_parked_statuses_wamid_status_key" ON "whatsapp_parked_statuses"("wamid", "status");
