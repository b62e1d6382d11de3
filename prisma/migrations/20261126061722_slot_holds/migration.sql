-- AlterTable
ALTER TABLE "slots" ADD COLUMN     "holdExpiresAt" TIMESTAMP(3),
ADD COLUMN     "holdId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "slots_holdId_key" ON "slots"("holdId");
