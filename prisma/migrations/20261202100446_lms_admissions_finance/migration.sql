-- CreateEnum
CREATE TYPE "superadmin"."InvoiceDocumentType" AS ENUM ('INV', 'CRN');

-- AlterTable
ALTER TABLE "superadmin"."global_payments" ADD COLUMN     "subjectId" UUID,
ADD COLUMN     "workflowId" TEXT;

-- CreateTable
CREATE TABLE "assignment_submissions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "assignmentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "content" TEXT,
    "links" JSONB,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "score" INTEGER,
    "feedback" TEXT,
    "gradedById" UUID,
    "gradedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assignment_submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "superadmin"."invoice_series" (
    "financialYear" VARCHAR(7) NOT NULL,
    "documentType" "superadmin"."InvoiceDocumentType" NOT NULL,
    "lastSerial" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_series_pkey" PRIMARY KEY ("financialYear","documentType")
);

-- CreateTable
CREATE TABLE "superadmin"."credit_notes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "globalPaymentId" UUID NOT NULL,
    "invoiceNumber" TEXT NOT NULL,
    "financialYear" VARCHAR(7) NOT NULL,
    "serial" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "amountPaise" INTEGER NOT NULL,
    "taxableValuePaise" INTEGER NOT NULL,
    "cgstPaise" INTEGER NOT NULL DEFAULT 0,
    "sgstPaise" INTEGER NOT NULL DEFAULT 0,
    "igstPaise" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL,
    "razorpayRefundId" TEXT,
    "issuedById" UUID,
    "pdfS3Bucket" TEXT,
    "pdfS3Key" TEXT,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "assignment_submissions_userId_submittedAt_idx" ON "assignment_submissions"("userId", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "assignment_submissions_assignmentId_userId_key" ON "assignment_submissions"("assignmentId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "credit_notes_number_key" ON "superadmin"."credit_notes"("number");

-- CreateIndex
CREATE UNIQUE INDEX "credit_notes_razorpayRefundId_key" ON "superadmin"."credit_notes"("razorpayRefundId");

-- CreateIndex
CREATE INDEX "credit_notes_globalPaymentId_idx" ON "superadmin"."credit_notes"("globalPaymentId");

-- CreateIndex
CREATE INDEX "credit_notes_issuedAt_idx" ON "superadmin"."credit_notes"("issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "credit_notes_financialYear_serial_key" ON "superadmin"."credit_notes"("financialYear", "serial");

-- CreateIndex
CREATE INDEX "global_payments_purpose_subjectId_idx" ON "superadmin"."global_payments"("purpose", "subjectId");

-- AddForeignKey
ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "superadmin"."credit_notes" ADD CONSTRAINT "credit_notes_globalPaymentId_fkey" FOREIGN KEY ("globalPaymentId") REFERENCES "superadmin"."global_payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
