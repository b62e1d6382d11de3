-- AlterTable
ALTER TABLE "course_plan_lectures" ADD COLUMN     "content" JSONB,
ADD COLUMN     "costPaise" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tokensUsed" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "course_plans" ADD COLUMN     "costPaise" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reviewNote" TEXT,
ADD COLUMN     "tokensUsed" INTEGER NOT NULL DEFAULT 0;
