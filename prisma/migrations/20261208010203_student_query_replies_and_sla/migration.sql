-- AlterTable
ALTER TABLE "student_queries" ADD COLUMN     "firstResponseAt" TIMESTAMP(3),
ADD COLUMN     "slaBreachNotifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "student_query_replies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "queryId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "fromStaff" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "student_query_replies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "student_query_replies_queryId_createdAt_idx" ON "student_query_replies"("queryId", "createdAt");

-- AddForeignKey
ALTER TABLE "student_query_replies" ADD CONSTRAINT "student_query_replies_queryId_fkey" FOREIGN KEY ("queryId") REFERENCES "student_queries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
