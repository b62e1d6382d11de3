-- CreateEnum
CREATE TYPE "MentorWithdrawalStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'PAID', 'CANCELLED');

-- CreateTable
CREATE TABLE "mentor_withdrawals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "amountPaise" INTEGER NOT NULL,
    "status" "MentorWithdrawalStatus" NOT NULL DEFAULT 'REQUESTED',
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "payoutReference" TEXT,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mentor_withdrawals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "mentor_withdrawals_userId_createdAt_idx" ON "mentor_withdrawals"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "mentor_withdrawals_status_createdAt_idx" ON "mentor_withdrawals"("status", "createdAt");

-- CreateIndex
CREATE INDEX "mentor_withdrawals_decidedById_idx" ON "mentor_withdrawals"("decidedById");

-- AddForeignKey
ALTER TABLE "mentor_withdrawals" ADD CONSTRAINT "mentor_withdrawals_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentor_withdrawals" ADD CONSTRAINT "mentor_withdrawals_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Reviewed addition: a withdrawal is a positive amount.
ALTER TABLE "public"."mentor_withdrawals" ADD CONSTRAINT "mentor_withdrawals_amount_positive" CHECK ("amountPaise" > 0);
