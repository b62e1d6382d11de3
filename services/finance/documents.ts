// Reads a global payment (or a credit note) back as the InvoiceDocument the PDF and the e-invoice
// are drawn from, and stores the PDF in the documents bucket under a key derived from the number,
// so a retried store overwrites the same object.
import { DomainError } from '../../domain/errors.js';
import type { BillingAddress, BuyerDetails, InvoiceDocument, InvoiceLine, SupplierDetails } from '../../domain/finance/invoice.js';
import { DEV_SUPPLIER } from '../../infra/env.js';
import type { Db } from '../../infra/prisma.js';
import type { ObjectStore } from '../../providers/s3/interface.js';

export const supplierOf = (s: SupplierDetails | undefined): SupplierDetails => s ?? DEV_SUPPLIER;

export const documentKey = (type: 'INV' | 'CRN', financialYear: string, number: string) => `${type === 'INV' ? 'invoices' : 'credit-notes'}/${financialYear}/${number.replaceAll('/', '-')}.pdf`;

function billingAddressOf(json: unknown): BillingAddress | null {
  if (!json || typeof json !== 'object') return null;
  const a = json as Record<string, unknown>;
  return typeof a.line1 === 'string' && typeof a.city === 'string' && typeof a.pin === 'string' && typeof a.stateCode === 'string' ? { line1: a.line1, city: a.city, pin: a.pin, stateCode: a.stateCode } : null;
}

const paymentWithLines = (db: Db, id: string) =>
  db.globalPayment.findUnique({ where: { id }, include: { taxLines: { orderBy: { lineNumber: 'asc' }, include: { hsnSac: { select: { code: true } } } } } });
type PaymentWithLines = NonNullable<Awaited<ReturnType<typeof paymentWithLines>>>;

function linesOf(p: PaymentWithLines): InvoiceLine[] {
  return p.taxLines.map((l) => ({
    lineNumber: l.lineNumber,
    description: l.description,
    sac: l.hsnSac.code,
    quantity: 1,
    unitPricePaise: l.unitPricePaise,
    discountPaise: l.unitPricePaise - l.taxableValuePaise,
    taxableValuePaise: l.taxableValuePaise,
    rateBp: Math.round(Number(l.gstRatePercent) * 100),
    cgstPaise: l.cgstPaise,
    sgstPaise: l.sgstPaise,
    igstPaise: l.igstPaise,
    totalPaise: l.totalPaise,
  }));
}

const buyerOf = (p: PaymentWithLines): BuyerDetails => ({ name: p.customerName ?? 'Customer', email: p.customerEmail, phone: p.customerPhone, gstin: p.customerGstin, address: billingAddressOf(p.billingAddress) });

/** The tax invoice of a payment; 409 while it has none (not captured yet). */
export async function invoiceDocument(db: Db, supplier: SupplierDetails | undefined, globalPaymentId: string): Promise<{ doc: InvoiceDocument; payment: PaymentWithLines }> {
  const p = await paymentWithLines(db, globalPaymentId);
  if (!p) throw new DomainError('NOT_FOUND', 'No such payment');
  if (!p.invoiceNumber || !p.invoiceIssuedAt || !p.placeOfSupplyCode) throw new DomainError('CONFLICT', 'This payment has no invoice yet: it is issued once the payment is captured');
  const lines = linesOf(p);
  return {
    payment: p,
    doc: {
      type: 'INV',
      number: p.invoiceNumber,
      issuedAt: p.invoiceIssuedAt,
      supplier: supplierOf(supplier),
      buyer: buyerOf(p),
      placeOfSupplyCode: p.placeOfSupplyCode,
      supplyType: p.customerGstin ? 'B2B' : 'B2C',
      lines,
      totals: { taxablePaise: p.taxableValuePaise, cgstPaise: p.cgstPaise, sgstPaise: p.sgstPaise, igstPaise: p.igstPaise, totalPaise: p.taxableValuePaise + p.cgstPaise + p.sgstPaise + p.igstPaise },
    },
  };
}

/** A credit note reverses its invoice's lines in full (refunds are whole-payment refunds). */
export async function creditNoteDocument(db: Db, supplier: SupplierDetails | undefined, creditNoteId: string): Promise<{ doc: InvoiceDocument; financialYear: string; id: string; globalPaymentId: string; userId: string | null }> {
  const note = await db.creditNote.findUnique({ where: { id: creditNoteId } });
  if (!note) throw new DomainError('NOT_FOUND', 'No such credit note');
  const { doc: invoice, payment } = await invoiceDocument(db, supplier, note.globalPaymentId);
  return {
    id: note.id,
    globalPaymentId: note.globalPaymentId,
    userId: payment.userId,
    financialYear: note.financialYear,
    doc: {
      ...invoice,
      type: 'CRN',
      number: note.number,
      issuedAt: note.issuedAt,
      totals: { taxablePaise: note.taxableValuePaise, cgstPaise: note.cgstPaise, sgstPaise: note.sgstPaise, igstPaise: note.igstPaise, totalPaise: note.amountPaise },
      reference: { invoiceNumber: note.invoiceNumber, invoiceDate: invoice.issuedAt },
    },
  };
}

export async function putPdf(store: ObjectStore, key: string, pdf: Uint8Array) {
  await store.putObject(key, pdf, { contentType: 'application/pdf' });
}
