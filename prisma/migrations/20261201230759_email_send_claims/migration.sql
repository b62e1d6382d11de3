-- AlterTable
ALTER TABLE "emails_sent" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "claimedUntil" TIMESTAMP(3),
ADD COLUMN     "dedupeKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "emails_sent_dedupeKey_key" ON "emails_sent"("dedupeKey");

-- Backfill: booking emails sent before this migration carry their key in metadata. Give the
-- one SENT row per key its dedupeKey, so a retry running across the deploy does not mail again.
UPDATE "emails_sent" e SET "dedupeKey" = e."metadata"->>'dedupeKey'
  FROM (SELECT DISTINCT ON ("metadata"->>'dedupeKey') "id" FROM "emails_sent"
         WHERE "status" = 'SENT' AND "metadata" ? 'dedupeKey' ORDER BY "metadata"->>'dedupeKey', "createdAt") first
 WHERE e."id" = first."id";
