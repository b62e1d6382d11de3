// Issuing GST documents for the payment workflows. An invoice is issued once per captured
// payment: the payment row is locked, the next serial of its financial year is taken from
// invoice_series in the same transaction (gapless), the number written, an INVOICE_GENERATED audit
// row added, and the kind's invoiced effect applied (an application → PAID). A credit note is
// issued the same way for a refund and reverses the invoice in full. PDFs are drawn after the
// transaction and stored under a key derived from the number, so every step can be retried.
import { DomainError } from '../../domain/errors.js';
import { documentNumber, financialYearStart } from '../../domain/finance/invoice-number.js';
import { financialYearLabel, type SupplierDetails } from '../../domain/finance/invoice.js';
import type { Db, Tx } from '../../infra/prisma.js';
import type { ObjectStore } from '../../providers/s3/interface.js';
import { subjectOf } from '../payments/subjects.js';
import { creditNoteDocument, documentKey, invoiceDocument, putPdf } from './documents.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { nextSerial } from './series.js';

export interface FinanceDeps {
  db: Db;
  documents: ObjectStore;
  supplier?: SupplierDetails | undefined;
}

export const INVOICE_PREFIX = 'MAS';
export const CREDIT_NOTE_PREFIX = 'CN';

interface LockedPayment {
  id: string;
  purpose: string;
  subjectId: string | null;
  status: string;
  invoiceNumber: string | null;
  financialYear: string | null;
  amountPaise: number;
  taxableValuePaise: number;
  cgstPaise: number;
  sgstPaise: number;
  igstPaise: number;
  razorpayPaymentId: string | null;
}

async function lockPayment(tx: Tx, id: string): Promise<LockedPayment> {
  const [p] = await tx.$queryRaw<LockedPayment[]>`
    SELECT "id"::text, "purpose", "subjectId"::text, "status"::text, "invoiceNumber", "financialYear", "amountPaise",
           "taxableValuePaise", "cgstPaise", "sgstPaise", "igstPaise", "razorpayPaymentId"
      FROM "superadmin"."global_payments" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (!p) throw new DomainError('NOT_FOUND', `No global payment ${id}`);
  return p;
}

/** Issues (or returns) the invoice of a captured payment; `at` is the invoice date (tests pin it). */
export async function issueInvoice(deps: Pick<FinanceDeps, 'db'>, globalPaymentId: string, at: Date = new Date()): Promise<{ invoiceNumber: string }> {
  return deps.db.$transaction(async (tx) => {
    const p = await lockPayment(tx, globalPaymentId);
    if (p.invoiceNumber) return { invoiceNumber: p.invoiceNumber };
    if (p.status !== 'CAPTURED') throw new DomainError('CONFLICT', `A ${p.status} payment gets no invoice`);
    const fy = financialYearStart(at);
    const financialYear = financialYearLabel(fy);
    const serial = await nextSerial(tx, financialYear, 'INV');
    const invoiceNumber = documentNumber(INVOICE_PREFIX, fy, serial);
    await tx.globalPayment.update({ where: { id: p.id }, data: { financialYear, invoiceSerial: serial, invoiceNumber, invoiceIssuedAt: at } });
    await tx.gstAuditLog.create({
      data: {
        globalPaymentId: p.id,
        invoiceNumber,
        action: 'INVOICE_GENERATED',
        after: { invoiceNumber, financialYear, serial, taxableValuePaise: p.taxableValuePaise, cgstPaise: p.cgstPaise, sgstPaise: p.sgstPaise, igstPaise: p.igstPaise, totalPaise: p.amountPaise },
      },
    });
    if (p.subjectId) await subjectOf(p.purpose).invoiced(tx, p.subjectId);
    return { invoiceNumber };
  });
}

/** Draws the invoice PDF and stores it; the key is the number's, so a retry overwrites the same object. */
export async function storeInvoicePdf(deps: FinanceDeps, globalPaymentId: string): Promise<{ key: string }> {
  const { doc, payment } = await invoiceDocument(deps.db, deps.supplier, globalPaymentId);
  const key = documentKey('INV', payment.financialYear!, doc.number);
  await putPdf(deps.documents, key, await renderInvoicePdf(doc));
  await deps.db.globalPayment.updateMany({ where: { id: globalPaymentId, invoiceS3Key: null }, data: { invoiceS3Bucket: deps.documents.bucket, invoiceS3Key: key } });
  return { key };
}

export interface CreditNoteRef {
  creditNoteId: string;
  number: string;
}

/**
 * Issues (or returns) the credit note of a whole-payment refund, with the payment marked
 * REFUNDED in the same transaction. `markRefunded` false is for token purchases, whose refund
 * already went to Razorpay: the note then documents it.
 */
export async function issueCreditNote(
  deps: Pick<FinanceDeps, 'db'>,
  input: { globalPaymentId: string; reason: string; actorId?: string | null; razorpayRefundId?: string | null },
  at: Date = new Date(),
): Promise<CreditNoteRef> {
  return deps.db.$transaction(async (tx) => {
    const p = await lockPayment(tx, input.globalPaymentId);
    const existing = await tx.creditNote.findFirst({ where: { globalPaymentId: p.id }, select: { id: true, number: true } });
    if (existing) return { creditNoteId: existing.id, number: existing.number };
    if (!p.invoiceNumber || !['CAPTURED', 'REFUNDED'].includes(p.status)) throw new DomainError('CONFLICT', `A ${p.status} payment without an invoice cannot be credited`);
    const fy = financialYearStart(at);
    const financialYear = financialYearLabel(fy);
    const serial = await nextSerial(tx, financialYear, 'CRN');
    const number = documentNumber(CREDIT_NOTE_PREFIX, fy, serial);
    const note = await tx.creditNote.create({
      data: {
        globalPaymentId: p.id,
        invoiceNumber: p.invoiceNumber,
        financialYear,
        serial,
        number,
        amountPaise: p.amountPaise,
        taxableValuePaise: p.taxableValuePaise,
        cgstPaise: p.cgstPaise,
        sgstPaise: p.sgstPaise,
        igstPaise: p.igstPaise,
        reason: input.reason,
        razorpayRefundId: input.razorpayRefundId ?? null,
        issuedById: input.actorId ?? null,
        issuedAt: at,
      },
    });
    await tx.globalPayment.update({
      where: { id: p.id },
      data: { status: 'REFUNDED', refundedAmountPaise: p.amountPaise, refundedAt: at, ...(input.razorpayRefundId ? { razorpayRefundId: input.razorpayRefundId } : {}) },
    });
    await tx.gstAuditLog.create({
      data: {
        globalPaymentId: p.id,
        invoiceNumber: p.invoiceNumber,
        action: 'CREDIT_NOTE_ISSUED',
        performedById: input.actorId ?? null,
        reason: input.reason,
        before: { status: p.status, refundedAmountPaise: 0 },
        after: { status: 'REFUNDED', creditNoteNumber: number, refundedAmountPaise: p.amountPaise },
      },
    });
    return { creditNoteId: note.id, number };
  });
}

export async function storeCreditNotePdf(deps: FinanceDeps, creditNoteId: string): Promise<{ key: string }> {
  const note = await creditNoteDocument(deps.db, deps.supplier, creditNoteId);
  const key = documentKey('CRN', note.financialYear, note.doc.number);
  await putPdf(deps.documents, key, await renderInvoicePdf(note.doc));
  await deps.db.creditNote.updateMany({ where: { id: creditNoteId, pdfS3Key: null }, data: { pdfS3Bucket: deps.documents.bucket, pdfS3Key: key } });
  return { key };
}
