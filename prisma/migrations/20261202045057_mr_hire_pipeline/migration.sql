-- AlterTable
ALTER TABLE "job_applications" ADD COLUMN     "attentionAt" TIMESTAMP(3),
ADD COLUMN     "attentionReason" TEXT,
ADD COLUMN     "heldAt" TIMESTAMP(3),
ADD COLUMN     "heldById" UUID,
ADD COLUMN     "rejectedAt" TIMESTAMP(3),
ADD COLUMN     "rejectedById" UUID,
ADD COLUMN     "rejectionCode" TEXT,
ADD COLUMN     "rejectionNote" TEXT,
ADD COLUMN     "slaBreachedAt" TIMESTAMP(3),
ADD COLUMN     "slaBreachedStage" "CandidateStatus",
ADD COLUMN     "whatsappConsent" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "job_screening_configs" ADD COLUMN     "outreachEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "quizExpiryHours" INTEGER NOT NULL DEFAULT 72,
ADD COLUMN     "stageSlaHours" JSONB,
ADD COLUMN     "voiceMaxAttempts" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "voiceRetryMinutes" INTEGER NOT NULL DEFAULT 60;

-- AlterTable
ALTER TABLE "superadmin"."pipeline_cost_ledger" ADD COLUMN     "costPaise" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "candidate_decisions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "jobApplicationId" UUID NOT NULL,
    "jobPostId" UUID NOT NULL,
    "stage" "CandidateStatus" NOT NULL,
    "kind" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorUserId" UUID,
    "model" TEXT,
    "promptVersion" TEXT,
    "inputHash" TEXT,
    "rawOutput" TEXT,
    "score" DECIMAL(5,2),
    "reasons" JSONB,
    "note" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "candidate_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "candidate_decisions_idempotencyKey_key" ON "candidate_decisions"("idempotencyKey");

-- CreateIndex
CREATE INDEX "candidate_decisions_jobApplicationId_createdAt_idx" ON "candidate_decisions"("jobApplicationId", "createdAt");

-- CreateIndex
CREATE INDEX "candidate_decisions_jobPostId_createdAt_idx" ON "candidate_decisions"("jobPostId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "job_applications_jobPostId_email_key" ON "job_applications"("jobPostId", "email");

-- AddForeignKey
ALTER TABLE "candidate_decisions" ADD CONSTRAINT "candidate_decisions_jobApplicationId_fkey" FOREIGN KEY ("jobApplicationId") REFERENCES "job_applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;
