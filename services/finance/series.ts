// Gapless document serials: one counter row per financial year and document type, bumped by an
// upsert that holds the row's lock until the caller's transaction ends. A transaction that rolls
// back rolls its serial back, so the issued serials are 1..n with no gap and no duplicate however
// many invoices are issued at once; a new financial year starts a new series at 1.
import type { Tx } from '../../infra/prisma.js';

export type DocumentType = 'INV' | 'CRN';

export async function nextSerial(tx: Tx, financialYear: string, documentType: DocumentType): Promise<number> {
  const [row] = await tx.$queryRaw<{ lastSerial: number }[]>`
    INSERT INTO "superadmin"."invoice_series" ("financialYear", "documentType", "lastSerial", "updatedAt")
    VALUES (${financialYear}, ${documentType}::"superadmin"."InvoiceDocumentType", 1, now())
    ON CONFLICT ("financialYear", "documentType")
    DO UPDATE SET "lastSerial" = "invoice_series"."lastSerial" + 1, "updatedAt" = now()
    RETURNING "lastSerial"`;
  return row!.lastSerial;
}
