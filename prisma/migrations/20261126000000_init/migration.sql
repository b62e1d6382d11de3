-- Foundation: the five PostgreSQL schemas of the MAS platform. Prisma only emits
-- CREATE SCHEMA for schemas that hold a model, so the empty ones are created here.
CREATE SCHEMA IF NOT EXISTS "public";
CREATE SCHEMA IF NOT EXISTS "mas_crm";
CREATE SCHEMA IF NOT EXISTS "superadmin";
CREATE SCHEMA IF NOT EXISTS "mrlearn";
CREATE SCHEMA IF NOT EXISTS "mrtest";

-- CreateEnum
CREATE TYPE "WithdrawalStatus" AS ENUM ('NONE', 'REQUESTED', 'APPROVED', 'PAID');

-- CreateEnum
CREATE TYPE "MentorTransactionType" AS ENUM ('CREDIT', 'DEBIT');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'EXPERT', 'ADMIN', 'SUPERADMIN', 'SALES');

-- CreateEnum
CREATE TYPE "UserStage" AS ENUM ('SIGNUP', 'ONBOARDING', 'ACTIVE');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('TENTATIVE', 'MEETING_REQUESTED', 'CONFIRMED', 'UNDER_REVIEW', 'COMPLETED', 'CANCELLATION_REQUESTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MeetingEvent" AS ENUM ('SCHEDULED', 'JOINED', 'LEFT', 'STARTED', 'ENDED', 'CANCELLED');

-- CreateTable
CREATE TABLE "mentor_earnings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "balancePaise" INTEGER NOT NULL DEFAULT 0,
    "totalEarnedPaise" INTEGER NOT NULL DEFAULT 0,
    "totalWithdrawnPaise" INTEGER NOT NULL DEFAULT 0,
    "sessionsCredited" INTEGER NOT NULL DEFAULT 0,
    "withdrawalStatus" "WithdrawalStatus" NOT NULL DEFAULT 'NONE',
    "currency" TEXT NOT NULL DEFAULT 'INR',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mentor_earnings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mentor_transactions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "slotId" UUID,
    "type" "MentorTransactionType" NOT NULL,
    "amountPaise" INTEGER NOT NULL,
    "balanceAfterPaise" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mentor_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "password" TEXT,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "role" "Role" NOT NULL DEFAULT 'USER',
    "stage" "UserStage" NOT NULL DEFAULT 'SIGNUP',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "platform" TEXT,
    "masBatch" UUID,
    "salesHeadId" UUID,
    "passwordChangedAt" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mentors" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "bio" TEXT,
    "expertise" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "rateTokens" INTEGER NOT NULL DEFAULT 1,
    "earningPerSessionPaise" INTEGER NOT NULL DEFAULT 0,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mentors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slots" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "mentorId" UUID NOT NULL,
    "studentId" UUID,
    "title" TEXT,
    "startDateTime" TIMESTAMP(3) NOT NULL,
    "endDateTime" TIMESTAMP(3) NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'TENTATIVE',
    "priceTokens" INTEGER NOT NULL DEFAULT 1,
    "mentorEarningPaise" INTEGER NOT NULL DEFAULT 0,
    "meetingLink" TEXT,
    "actualStartTime" TIMESTAMP(3),
    "actualEndTime" TIMESTAMP(3),
    "earningsCredited" BOOLEAN NOT NULL DEFAULT false,
    "earningsCreditedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "slots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slotId" UUID NOT NULL,
    "userId" UUID,
    "event" "MeetingEvent" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "metadata" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "meeting_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mentor_earnings_userId_key" ON "mentor_earnings"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "mentor_transactions_idempotencyKey_key" ON "mentor_transactions"("idempotencyKey");

-- CreateIndex
CREATE INDEX "mentor_transactions_userId_createdAt_idx" ON "mentor_transactions"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "mentor_transactions_slotId_idx" ON "mentor_transactions"("slotId");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_role_isActive_idx" ON "users"("role", "isActive");

-- CreateIndex
CREATE INDEX "users_salesHeadId_idx" ON "users"("salesHeadId");

-- CreateIndex
CREATE INDEX "users_masBatch_idx" ON "users"("masBatch");

-- CreateIndex
CREATE UNIQUE INDEX "mentors_userId_key" ON "mentors"("userId");

-- CreateIndex
CREATE INDEX "slots_mentorId_startDateTime_idx" ON "slots"("mentorId", "startDateTime");

-- CreateIndex
CREATE INDEX "slots_studentId_startDateTime_idx" ON "slots"("studentId", "startDateTime");

-- CreateIndex
CREATE INDEX "slots_status_startDateTime_idx" ON "slots"("status", "startDateTime");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_logs_dedupeKey_key" ON "meeting_logs"("dedupeKey");

-- CreateIndex
CREATE INDEX "meeting_logs_slotId_occurredAt_idx" ON "meeting_logs"("slotId", "occurredAt");

-- CreateIndex
CREATE INDEX "meeting_logs_userId_idx" ON "meeting_logs"("userId");

-- AddForeignKey
ALTER TABLE "mentor_earnings" ADD CONSTRAINT "mentor_earnings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentor_transactions" ADD CONSTRAINT "mentor_transactions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentor_transactions" ADD CONSTRAINT "mentor_transactions_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "slots"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_salesHeadId_fkey" FOREIGN KEY ("salesHeadId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slots" ADD CONSTRAINT "slots_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slots" ADD CONSTRAINT "slots_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_logs" ADD CONSTRAINT "meeting_logs_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "slots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_logs" ADD CONSTRAINT "meeting_logs_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
