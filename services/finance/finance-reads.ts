// What finance reads: payments, invoices and credit notes filtered by date, place-of-supply
// state and kind; the accountant's CSV of every GST document in a period; presigned downloads
// of the PDFs (a SUPERADMIN reaches any, a payer only their own: anyone else gets 404); and the
// e-invoice JSON of B2B documents.
import { csvLine } from '../../domain/csv.js';
import { DomainError } from '../../domain/errors.js';
import { toEInvoice, type EInvoice } from '../../domain/finance/e-invoice.js';
import { istDate } from '../../domain/finance/invoice.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { creditNoteDocument, invoiceDocument } from './documents.js';

export interface FinanceFilters {
  from?: Date | undefined;
  to?: Date | undefined;
  /** Place-of-supply GST state code. */
  stateCode?: string | undefined;
  kind?: string | undefined;
  status?: Prisma.GlobalPaymentWhereInput['status'] | undefined;
  supplyType?: 'B2B' | 'B2C' | undefined;
}

interface Page<W, O> {
  where: W;
  orderBy: O[];
  take: number;
}

export const paymentSelect = {
  id: true,
  userId: true,
  applicationId: true,
  purpose: true,
  subjectId: true,
  description: true,
  status: true,
  amountPaise: true,
  currency: true,
  refundedAmountPaise: true,
  taxableValuePaise: true,
  cgstPaise: true,
  sgstPaise: true,
  igstPaise: true,
  placeOfSupplyCode: true,
  customerName: true,
  customerEmail: true,
  customerGstin: true,
  razorpayOrderId: true,
  razorpayPaymentId: true,
  financialYear: true,
  invoiceNumber: true,
  invoiceIssuedAt: true,
  invoiceS3Key: true,
  workflowId: true,
  failureReason: true,
  paidAt: true,
  refundedAt: true,
  createdAt: true,
  taxLines: { orderBy: { lineNumber: 'asc' as const }, select: { lineNumber: true, description: true, unitPricePaise: true, taxableValuePaise: true, gstRatePercent: true, cgstPaise: true, sgstPaise: true, igstPaise: true, totalPaise: true, hsnSac: { select: { code: true } } } },
  creditNotes: { select: { id: true, number: true, amountPaise: true, issuedAt: true } },
} as const satisfies Prisma.GlobalPaymentSelect;
type PaymentRow = Prisma.GlobalPaymentGetPayload<{ select: typeof paymentSelect }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toPaymentView(p: PaymentRow) {
  const { taxLines, creditNotes, invoiceS3Key, ...rest } = p;
  return {
    ...rest,
    supplyType: p.customerGstin ? ('B2B' as const) : ('B2C' as const),
    invoicePdfReady: invoiceS3Key !== null,
    invoiceIssuedAt: iso(p.invoiceIssuedAt),
    paidAt: iso(p.paidAt),
    refundedAt: iso(p.refundedAt),
    createdAt: p.createdAt.toISOString(),
    taxLines: taxLines.map(({ hsnSac, gstRatePercent, ...l }) => ({ ...l, sac: hsnSac.code, gstRatePercent: Number(gstRatePercent), discountPaise: l.unitPricePaise - l.taxableValuePaise })),
    creditNotes: creditNotes.map((n) => ({ ...n, issuedAt: n.issuedAt.toISOString() })),
  };
}

function range(field: 'createdAt' | 'invoiceIssuedAt' | 'issuedAt', f: FinanceFilters) {
  return f.from || f.to ? { [field]: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {};
}

function paymentWhere(f: FinanceFilters, dateField: 'createdAt' | 'invoiceIssuedAt'): Prisma.GlobalPaymentWhereInput {
  return {
    ...range(dateField, f),
    ...(f.stateCode ? { placeOfSupplyCode: f.stateCode } : {}),
    ...(f.kind ? { purpose: f.kind } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.supplyType ? { customerGstin: f.supplyType === 'B2B' ? { not: null } : null } : {}),
  };
}

export function listPayments(db: Db, f: FinanceFilters, page: Page<Prisma.GlobalPaymentWhereInput, Prisma.GlobalPaymentOrderByWithRelationInput>) {
  return db.globalPayment.findMany({ where: { AND: [page.where, paymentWhere(f, 'createdAt')] }, orderBy: page.orderBy, take: page.take, select: paymentSelect });
}

/** Invoices are payments with a number, filtered on the invoice date. */
export function listInvoices(db: Db, f: FinanceFilters, page: Page<Prisma.GlobalPaymentWhereInput, Prisma.GlobalPaymentOrderByWithRelationInput>) {
  return db.globalPayment.findMany({ where: { AND: [page.where, paymentWhere(f, 'invoiceIssuedAt'), { invoiceNumber: { not: null } }] }, orderBy: page.orderBy, take: page.take, select: paymentSelect });
}

export async function listCreditNotes(db: Db, f: FinanceFilters, page: Page<Prisma.CreditNoteWhereInput, Prisma.CreditNoteOrderByWithRelationInput>) {
  const rows = await db.creditNote.findMany({
    where: { AND: [page.where, range('issuedAt', f), f.stateCode || f.kind ? { globalPayment: { ...(f.stateCode ? { placeOfSupplyCode: f.stateCode } : {}), ...(f.kind ? { purpose: f.kind } : {}) } } : {}] },
    orderBy: page.orderBy,
    take: page.take,
    include: { globalPayment: { select: { purpose: true, placeOfSupplyCode: true, customerName: true, customerGstin: true } } },
  });
  return rows.map(({ globalPayment, pdfS3Bucket: _b, pdfS3Key, ...n }) => ({
    ...n,
    kind: globalPayment.purpose,
    placeOfSupplyCode: globalPayment.placeOfSupplyCode,
    customerName: globalPayment.customerName,
    customerGstin: globalPayment.customerGstin,
    pdfReady: pdfS3Key !== null,
    issuedAt: n.issuedAt.toISOString(),
    createdAt: n.createdAt,
    updatedAt: n.updatedAt.toISOString(),
  }));
}

export async function getPayment(db: Db, id: string) {
  const p = await db.globalPayment.findUnique({ where: { id }, select: paymentSelect });
  if (!p) throw new DomainError('NOT_FOUND', 'No such payment');
  return p;
}

export function myPayments(db: Db, userId: string, page: Page<Prisma.GlobalPaymentWhereInput, Prisma.GlobalPaymentOrderByWithRelationInput>) {
  return db.globalPayment.findMany({ where: { AND: [page.where, { userId }] }, orderBy: page.orderBy, take: page.take, select: paymentSelect });
}

export const GST_CSV_COLUMNS = [
  'document_type',
  'document_number',
  'document_date',
  'against_invoice',
  'kind',
  'supply_type',
  'customer_name',
  'customer_gstin',
  'place_of_supply',
  'taxable_value',
  'cgst',
  'sgst',
  'igst',
  'total',
  'razorpay_payment_id',
] as const;

const rupees = (paise: number) => (paise / 100).toFixed(2);

/** The period's invoices and credit notes, oldest first, streamed in chunks of `batch` rows. */
export async function* gstDocumentsCsv(db: Db, f: FinanceFilters, batch = 500): AsyncGenerator<string> {
  yield csvLine([...GST_CSV_COLUMNS]);
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const rows: PaymentRow[] = await db.globalPayment.findMany({
      where: { AND: [paymentWhere(f, 'invoiceIssuedAt'), { invoiceNumber: { not: null } }, after ? { OR: [{ invoiceIssuedAt: { gt: after.at } }, { invoiceIssuedAt: after.at, id: { gt: after.id } }] } : {}] },
      orderBy: [{ invoiceIssuedAt: 'asc' }, { id: 'asc' }],
      take: batch,
      select: paymentSelect,
    });
    if (rows.length === 0) break;
    let chunk = '';
    for (const p of rows) {
      const common = [p.purpose, p.customerGstin ? 'B2B' : 'B2C', p.customerName, p.customerGstin, p.placeOfSupplyCode] as const;
      chunk += csvLine(['INV', p.invoiceNumber, istDate(p.invoiceIssuedAt!), '', ...common, rupees(p.taxableValuePaise), rupees(p.cgstPaise), rupees(p.sgstPaise), rupees(p.igstPaise), rupees(p.amountPaise), p.razorpayPaymentId]);
    }
    yield chunk;
    const last = rows[rows.length - 1]!;
    after = { at: last.invoiceIssuedAt!, id: last.id };
  }
  const notes = await db.creditNote.findMany({ where: { AND: [range('issuedAt', f), f.stateCode || f.kind ? { globalPayment: { ...(f.stateCode ? { placeOfSupplyCode: f.stateCode } : {}), ...(f.kind ? { purpose: f.kind } : {}) } } : {}] }, orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }], include: { globalPayment: { select: { purpose: true, customerName: true, customerGstin: true, placeOfSupplyCode: true, razorpayPaymentId: true } } } });
  let chunk = '';
  for (const n of notes) {
    const g = n.globalPayment;
    if (f.supplyType && (f.supplyType === 'B2B') !== (g.customerGstin !== null)) continue;
    chunk += csvLine(['CRN', n.number, istDate(n.issuedAt), n.invoiceNumber, g.purpose, g.customerGstin ? 'B2B' : 'B2C', g.customerName, g.customerGstin, g.placeOfSupplyCode, rupees(n.taxableValuePaise), rupees(n.cgstPaise), rupees(n.sgstPaise), rupees(n.igstPaise), rupees(n.amountPaise), g.razorpayPaymentId]);
  }
  if (chunk) yield chunk;
}

/** Whose documents a download may reach: every payer's (the finance desk), or one payer's own. */
export type DocumentScope = { kind: 'finance' } | { kind: 'payer'; userId: string };
const reaches = (scope: DocumentScope, ownerId: string | null) => scope.kind === 'finance' || ownerId === scope.userId;

type DownloadDeps = Pick<ServiceDeps, 'db' | 'documents' | 'config'>;

async function presign(deps: DownloadDeps, key: string, name: string) {
  const { url, expiresAt } = await deps.documents.presignGet(key, { expiresInSeconds: deps.config.invoiceDownloadTtlSeconds ?? 300, downloadName: name });
  return { url, expiresAt: expiresAt.toISOString() };
}

/** A presigned download of an invoice PDF: SUPERADMIN any, the payer their own, anyone else 404. */
export async function invoiceDownload(deps: DownloadDeps, scope: DocumentScope, globalPaymentId: string) {
  const p = await deps.db.globalPayment.findUnique({ where: { id: globalPaymentId }, select: { userId: true, invoiceNumber: true, invoiceS3Key: true } });
  if (!p || !reaches(scope, p.userId)) throw new DomainError('NOT_FOUND', 'No such invoice of yours');
  if (!p.invoiceNumber) throw new DomainError('CONFLICT', 'This payment has no invoice yet: it is issued once the payment is captured');
  if (!p.invoiceS3Key) throw new DomainError('CONFLICT', 'The invoice PDF is still being prepared; try again in a moment', undefined, { 'retry-after': '2' });
  return { invoiceNumber: p.invoiceNumber, ...(await presign(deps, p.invoiceS3Key, `${p.invoiceNumber.replaceAll('/', '-')}.pdf`)) };
}

export async function creditNoteDownload(deps: DownloadDeps, scope: DocumentScope, creditNoteId: string) {
  const n = await deps.db.creditNote.findUnique({ where: { id: creditNoteId }, select: { number: true, pdfS3Key: true, globalPayment: { select: { userId: true } } } });
  if (!n || !reaches(scope, n.globalPayment.userId)) throw new DomainError('NOT_FOUND', 'No such credit note of yours');
  if (!n.pdfS3Key) throw new DomainError('CONFLICT', 'The credit note PDF is still being prepared; try again in a moment', undefined, { 'retry-after': '2' });
  return { creditNoteNumber: n.number, ...(await presign(deps, n.pdfS3Key, `${n.number.replaceAll('/', '-')}.pdf`)) };
}

export async function invoiceEInvoice(deps: Pick<ServiceDeps, 'db' | 'config'>, globalPaymentId: string): Promise<EInvoice> {
  return toEInvoice((await invoiceDocument(deps.db, deps.config.supplier, globalPaymentId)).doc);
}

export async function creditNoteEInvoice(deps: Pick<ServiceDeps, 'db' | 'config'>, creditNoteId: string): Promise<EInvoice> {
  return toEInvoice((await creditNoteDocument(deps.db, deps.config.supplier, creditNoteId)).doc);
}
