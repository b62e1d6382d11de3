-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PapStatus" ADD VALUE 'COMPLETED';
ALTER TYPE "PapStatus" ADD VALUE 'WRITTEN_OFF';

-- DropIndex
DROP INDEX "mas101_pap_workflows_applicationId_idx";

-- CreateIndex
CREATE UNIQUE INDEX "mas101_pap_workflows_applicationId_key" ON "mas101_pap_workflows"("applicationId");

-- Data: the default PAP agreement (version 1), so a fresh install can generate MOUs. Staff add
-- versions through /api/admin/pap/templates. Re-running is harmless (name, version is unique).
INSERT INTO "public"."mas101_pap_agreement_templates" ("name", "version", "description", "bodyHtml", "variables", "papFeePercent", "isActive", "createdAt", "updatedAt") VALUES
  ('MAS101 PAP agreement', 1, 'Default pay-after-placement memorandum of understanding',
   E'<h1>Memorandum of Understanding: Pay After Placement</h1>\n<p>This agreement is made on {{date}} between MAS and {{legalName}}, residing at {{address}}, for the program batch {{batchCode}}.</p>\n<p>Guardian (for a student under 18): {{guardianName}}.</p>\n<p>The student expects a first-year salary in the band {{salaryBand}} and agrees to pay {{papFee}} after placement, in the instalments MAS sets out.</p>\n<p>Signed by the student: ____________________</p>',
   ARRAY['date', 'legalName', 'address', 'batchCode', 'guardianName', 'salaryBand', 'papFee']::text[], 15.00, true, now(), now())
ON CONFLICT ("name", "version") DO NOTHING;
