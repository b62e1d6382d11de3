import { z } from '@hono/zod-openapi';
import { GlobalPaymentStatus } from '../../../prisma/generated/enums.js';
import { PageQuery } from '../../pagination.js';
import { PAYMENT_KINDS } from '../../../workflows/payment/payment.contract.js';

/** A day (YYYY-MM-DD, midnight India time) or an instant (ISO 8601 with an offset). */
const When = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00+05:30` : s))
  .openapi({ type: 'string', example: '2026-04-01' });

const filterShape = {
  from: When.optional().openapi({ description: 'From this day or instant (inclusive; a day starts at midnight IST)' }),
  to: When.optional().openapi({ description: 'Before this day or instant (exclusive)' }),
  state: z.string().regex(/^\d{2}$/).optional().openapi({ description: 'Place-of-supply GST state code' }),
  kind: z.enum(PAYMENT_KINDS).optional(),
  supplyType: z.enum(['B2B', 'B2C']).optional(),
};

/** An empty or backwards period is a mistake, not an empty answer. */
const forwardPeriod = (q: { from?: Date | undefined; to?: Date | undefined }) => !q.from || !q.to || q.from < q.to;
const backwards = { message: '`to` must be after `from`', path: ['to'] };

export const FinanceFilterQuery = z.object(filterShape).refine(forwardPeriod, backwards);
export const PaymentListQuery = PageQuery.extend(filterShape).extend({ status: z.enum(GlobalPaymentStatus).optional() }).refine(forwardPeriod, backwards);
export const DocumentListQuery = PageQuery.extend(filterShape).refine(forwardPeriod, backwards);

const TaxLine = z.object({
  lineNumber: z.number().int(),
  description: z.string(),
  sac: z.string(),
  unitPricePaise: z.number().int(),
  discountPaise: z.number().int(),
  taxableValuePaise: z.number().int(),
  gstRatePercent: z.number(),
  cgstPaise: z.number().int(),
  sgstPaise: z.number().int(),
  igstPaise: z.number().int(),
  totalPaise: z.number().int(),
});

export const PaymentView = z
  .object({
    id: z.uuid(),
    userId: z.uuid().nullable(),
    applicationId: z.uuid().nullable(),
    purpose: z.string().openapi({ description: 'The kind: token | application' }),
    subjectId: z.uuid().nullable(),
    description: z.string().nullable(),
    status: z.enum(GlobalPaymentStatus),
    amountPaise: z.number().int(),
    currency: z.string(),
    refundedAmountPaise: z.number().int(),
    taxableValuePaise: z.number().int(),
    cgstPaise: z.number().int(),
    sgstPaise: z.number().int(),
    igstPaise: z.number().int(),
    placeOfSupplyCode: z.string().nullable(),
    supplyType: z.enum(['B2B', 'B2C']),
    customerName: z.string().nullable(),
    customerEmail: z.string().nullable(),
    customerGstin: z.string().nullable(),
    razorpayOrderId: z.string(),
    razorpayPaymentId: z.string().nullable(),
    financialYear: z.string().nullable(),
    invoiceNumber: z.string().nullable(),
    invoiceIssuedAt: z.string().nullable(),
    invoicePdfReady: z.boolean(),
    workflowId: z.string().nullable(),
    failureReason: z.string().nullable(),
    paidAt: z.string().nullable(),
    refundedAt: z.string().nullable(),
    createdAt: z.string(),
    taxLines: z.array(TaxLine),
    creditNotes: z.array(z.object({ id: z.uuid(), number: z.string(), amountPaise: z.number().int(), issuedAt: z.string() })),
  })
  .openapi('GlobalPayment');

export const CreditNoteView = z
  .object({
    id: z.uuid(),
    globalPaymentId: z.uuid(),
    invoiceNumber: z.string(),
    financialYear: z.string(),
    serial: z.number().int(),
    number: z.string(),
    amountPaise: z.number().int(),
    taxableValuePaise: z.number().int(),
    cgstPaise: z.number().int(),
    sgstPaise: z.number().int(),
    igstPaise: z.number().int(),
    reason: z.string(),
    razorpayRefundId: z.string().nullable(),
    issuedById: z.uuid().nullable(),
    kind: z.string(),
    placeOfSupplyCode: z.string().nullable(),
    customerName: z.string().nullable(),
    customerGstin: z.string().nullable(),
    pdfReady: z.boolean(),
    issuedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CreditNote');

export const DownloadView = z
  .object({ url: z.url(), expiresAt: z.string(), invoiceNumber: z.string().optional(), creditNoteNumber: z.string().optional() })
  .openapi('DocumentDownload');

const Party = { Gstin: z.string(), LglNm: z.string(), Addr1: z.string(), Loc: z.string(), Pin: z.number().int(), Stcd: z.string(), Em: z.string().optional() };
export const EInvoiceView = z
  .object({
    Version: z.literal('1.1'),
    TranDtls: z.object({ TaxSch: z.literal('GST'), SupTyp: z.literal('B2B'), RegRev: z.literal('N'), IgstOnIntra: z.literal('N') }),
    DocDtls: z.object({ Typ: z.enum(['INV', 'CRN']), No: z.string().max(16), Dt: z.string() }),
    SellerDtls: z.object(Party),
    BuyerDtls: z.object({ ...Party, Pos: z.string(), Ph: z.string().optional() }),
    ItemList: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
    ValDtls: z.object({ AssVal: z.number(), CgstVal: z.number(), SgstVal: z.number(), IgstVal: z.number(), TotInvVal: z.number() }),
    RefDtls: z.object({ PrecDocDtls: z.array(z.object({ InvNo: z.string(), InvDt: z.string() })) }).optional(),
  })
  .openapi('EInvoice', { description: 'GST e-invoice, schema INV-01 v1.1; amounts in rupees with two decimals' });

export const RefundBody = z.object({ reason: z.string().trim().min(3).max(500) }).openapi('PaymentRefundBody');
export const RefundAccepted = z.object({ globalPaymentId: z.uuid(), workflowId: z.string() }).openapi('PaymentRefundAccepted');
