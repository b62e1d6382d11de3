import { createRoute, z } from '@hono/zod-openapi';
import { EVERYONE } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema, PageQuery } from '../../pagination.js';
import { CreditNoteView, DocumentListQuery, DownloadView, EInvoiceView, FinanceFilterQuery, PaymentListQuery, PaymentView, RefundAccepted, RefundBody } from './finance.schemas.js';

const TAGS = ['Finance'];
const Id = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const FINANCE = ['SUPERADMIN'] as const;
const base = { 400: problemResponse('Invalid filters, id or cursor'), 401: problemResponse('Not signed in'), 403: problemResponse('Not a SUPERADMIN') };
const notFound = { 404: problemResponse('No such payment') };

export const listPaymentsRoute = createRoute({
  method: 'get',
  path: '/api/admin/finance/payments',
  tags: TAGS,
  summary: 'Every payment (global_payments) with its tax lines, newest first, filtered by date, state, kind, status and B2B/B2C',
  ...bearer(FINANCE),
  request: { query: PaymentListQuery },
  responses: { 200: jsonResponse('A page of payments', pageSchema(PaymentView).openapi('GlobalPaymentPage')), ...base },
});

export const getPaymentRoute = createRoute({
  method: 'get',
  path: '/api/admin/finance/payments/{id}',
  tags: TAGS,
  summary: 'One payment with its tax lines and credit notes',
  ...bearer(FINANCE),
  request: { params: Id },
  responses: { 200: jsonResponse('The payment', PaymentView), ...base, ...notFound },
});

export const listInvoicesRoute = createRoute({
  method: 'get',
  path: '/api/admin/finance/invoices',
  tags: TAGS,
  summary: 'GST tax invoices (payments with a number), newest first, filtered on the invoice date',
  ...bearer(FINANCE),
  request: { query: DocumentListQuery },
  responses: { 200: jsonResponse('A page of invoiced payments', pageSchema(PaymentView).openapi('InvoicePage')), ...base },
});

export const listCreditNotesRoute = createRoute({
  method: 'get',
  path: '/api/admin/finance/credit-notes',
  tags: TAGS,
  summary: 'Credit notes issued for refunds, newest first',
  ...bearer(FINANCE),
  request: { query: DocumentListQuery },
  responses: { 200: jsonResponse('A page of credit notes', pageSchema(CreditNoteView).openapi('CreditNotePage')), ...base },
});

export const gstCsvRoute = createRoute({
  method: 'get',
  path: '/api/admin/finance/gst-documents.csv',
  tags: TAGS,
  summary: 'The accountant’s export: every invoice and credit note of a period as CSV, oldest first',
  description:
    'Columns: document_type (INV | CRN), document_number, document_date (dd/mm/yyyy IST), against_invoice, kind, supply_type, customer_name, customer_gstin, place_of_supply, taxable_value, cgst, sgst, igst, total (rupees, two decimals), razorpay_payment_id. RFC 4180; formula-like cells are prefixed with \'. Streamed.',
  ...bearer(FINANCE),
  request: { query: FinanceFilterQuery },
  responses: {
    200: { description: 'The CSV (text/csv; charset=utf-8, as an attachment)', content: { 'text/csv': { schema: z.string().openapi({ example: 'document_type,document_number,…\r\n' }) } } },
    ...base,
  },
});

export const invoicePdfRoute = createRoute({
  method: 'get',
  path: '/api/admin/finance/payments/{id}/invoice/download',
  tags: TAGS,
  summary: 'A presigned download of the payment’s invoice PDF',
  ...bearer(FINANCE),
  request: { params: Id },
  responses: { 200: jsonResponse('Where to download it', DownloadView), ...base, ...notFound, 409: problemResponse('No invoice yet, or its PDF is still being prepared (Retry-After)') },
});

export const invoiceEInvoiceRoute = createRoute({
  method: 'get',
  path: '/api/admin/finance/payments/{id}/e-invoice',
  tags: TAGS,
  summary: 'The invoice as GST e-invoice JSON (INV-01), for B2B invoices only',
  ...bearer(FINANCE),
  request: { params: Id },
  responses: { 200: jsonResponse('The e-invoice JSON', EInvoiceView), ...base, ...notFound, 409: problemResponse('No invoice yet, or a B2C invoice (no buyer GSTIN)'), 422: problemResponse('The buyer has no address') },
});

export const refundRoute = createRoute({
  method: 'post',
  path: '/api/admin/finance/payments/{id}/refund',
  tags: TAGS,
  summary: 'Refund a captured, invoiced payment in full: a credit note against the invoice, then the refund to Razorpay (payment/refund/<id>)',
  description: 'Token purchases are refunded through POST /api/admin/token-purchases/{id}/refund, which takes the tokens back first and issues the credit note too.',
  ...bearer(FINANCE),
  request: { params: Id, body: jsonBody(RefundBody) },
  responses: { 202: jsonResponse('The refund workflow started (or was already running)', RefundAccepted), ...base, ...notFound, 409: problemResponse('Not refundable: not captured, not invoiced, already refunded, or a token purchase') },
});

export const creditNotePdfRoute = createRoute({
  method: 'get',
  path: '/api/admin/finance/credit-notes/{id}/download',
  tags: TAGS,
  summary: 'A presigned download of a credit note PDF',
  ...bearer(FINANCE),
  request: { params: Id },
  responses: { 200: jsonResponse('Where to download it', DownloadView), ...base, 404: problemResponse('No such credit note'), 409: problemResponse('Its PDF is still being prepared (Retry-After)') },
});

export const creditNoteEInvoiceRoute = createRoute({
  method: 'get',
  path: '/api/admin/finance/credit-notes/{id}/e-invoice',
  tags: TAGS,
  summary: 'A B2B credit note as GST e-invoice JSON (INV-01, Typ CRN, with the invoice it reverses)',
  ...bearer(FINANCE),
  request: { params: Id },
  responses: { 200: jsonResponse('The e-invoice JSON', EInvoiceView), ...base, 404: problemResponse('No such credit note'), 409: problemResponse('A B2C credit note') },
});

// ---- the payer's own --------------------------------------------------------------------

export const myPaymentsRoute = createRoute({
  method: 'get',
  path: '/api/me/payments',
  tags: TAGS,
  summary: 'Your payments with their invoices, newest first',
  ...bearer(EVERYONE),
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of your payments', pageSchema(PaymentView).openapi('MyPaymentPage')), 400: problemResponse('Invalid cursor'), 401: problemResponse('Not signed in') },
});

export const myInvoicePdfRoute = createRoute({
  method: 'get',
  path: '/api/me/payments/{id}/invoice/download',
  tags: TAGS,
  summary: 'A presigned download of your invoice PDF',
  ...bearer(EVERYONE),
  request: { params: Id },
  responses: { 200: jsonResponse('Where to download it', DownloadView), 400: problemResponse('Invalid id'), 401: problemResponse('Not signed in'), 404: problemResponse('No such payment of yours'), 409: problemResponse('No invoice yet, or its PDF is still being prepared') },
});

const GST_AUDIT_ACTIONS = ['INVOICE_GENERATED', 'INVOICE_REGENERATED', 'INVOICE_CANCELLED', 'INVOICE_EMAILED', 'CREDIT_NOTE_ISSUED', 'TAX_RECALCULATED', 'GSTIN_UPDATED', 'PLACE_OF_SUPPLY_UPDATED'] as const;
export const GstAuditEntry = z
  .object({
    id: z.uuid(),
    globalPaymentId: z.uuid().nullable(),
    invoiceNumber: z.string().nullable(),
    action: z.enum(GST_AUDIT_ACTIONS),
    performedById: z.uuid().nullable(),
    reason: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    createdAt: z.string(),
  })
  .openapi('GstAuditEntry');

export const gstAuditLogRoute = createRoute({
  method: 'get',
  path: '/api/admin/finance/gst-audit-log',
  tags: TAGS,
  summary: 'The GST audit trail, newest first: invoices generated, credit notes issued, GST fields changed (before and after, and who)',
  ...bearer(FINANCE),
  request: { query: PageQuery.extend({ globalPaymentId: z.uuid().optional(), invoiceNumber: z.string().trim().min(1).max(50).optional(), action: z.enum(GST_AUDIT_ACTIONS).optional() }) },
  responses: { 200: jsonResponse('A page of audit entries', pageSchema(GstAuditEntry).openapi('GstAuditPage')), ...base },
});
