// Finance over HTTP: the SUPERADMIN's lists, export, downloads, e-invoices and refunds, and a
// payer's own payments. The rules live in services/finance/.
import type { RouteHandler } from '@hono/zod-openapi';
import { creditNoteDownload, creditNoteEInvoice, gstDocumentsCsv, invoiceDownload, getPayment, invoiceEInvoice, listCreditNotes, listInvoices, listPayments, myPayments, toPaymentView } from '../../../services/finance/finance-reads.js';
import { gstAuditLog } from '../../../services/finance/gst-audit-log.js';
import { requestRefund } from '../../../services/finance/refunds.js';
import { csvDownload } from '../../csv-stream.js';
import type { AppEnv } from '../../deps.js';
import { keyset, keysetOn, toPage, toPageOn } from '../../pagination.js';
import type {
  gstAuditLogRoute,
  creditNoteEInvoiceRoute,
  creditNotePdfRoute,
  getPaymentRoute,
  gstCsvRoute,
  invoiceEInvoiceRoute,
  invoicePdfRoute,
  listCreditNotesRoute,
  listInvoicesRoute,
  listPaymentsRoute,
  myInvoicePdfRoute,
  myPaymentsRoute,
  refundRoute,
} from './finance.routes.js';

export const listPaymentsHandler: RouteHandler<typeof listPaymentsRoute, AppEnv> = async (c) => {
  const { cursor, limit, state, ...f } = c.req.valid('query');
  const page = keyset(cursor);
  const rows = await listPayments(c.get('deps').db, { ...f, stateCode: state }, { where: page.where, orderBy: page.orderBy, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toPaymentView), nextCursor }, 200);
};

export const getPaymentHandler: RouteHandler<typeof getPaymentRoute, AppEnv> = async (c) => c.json(toPaymentView(await getPayment(c.get('deps').db, c.req.valid('param').id)), 200);

export const listInvoicesHandler: RouteHandler<typeof listInvoicesRoute, AppEnv> = async (c) => {
  const { cursor, limit, state, ...f } = c.req.valid('query');
  const page = keysetOn('invoiceIssuedAt', 'desc', cursor);
  const rows = await listInvoices(c.get('deps').db, { ...f, stateCode: state }, { where: page.where, orderBy: page.orderBy, take: limit + 1 });
  const { items, nextCursor } = toPageOn(rows, limit, (r) => r.invoiceIssuedAt!);
  return c.json({ items: items.map(toPaymentView), nextCursor }, 200);
};

export const listCreditNotesHandler: RouteHandler<typeof listCreditNotesRoute, AppEnv> = async (c) => {
  const { cursor, limit, state, ...f } = c.req.valid('query');
  const page = keyset(cursor);
  const rows = await listCreditNotes(c.get('deps').db, { ...f, stateCode: state }, { where: page.where, orderBy: page.orderBy, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(({ createdAt: _c, ...n }) => n), nextCursor }, 200);
};

export const gstCsvHandler: RouteHandler<typeof gstCsvRoute, AppEnv> = async (c) => {
  const { state, ...f } = c.req.valid('query');
  const period = `${f.from?.toISOString().slice(0, 10) ?? 'start'}_${f.to?.toISOString().slice(0, 10) ?? 'now'}`;
  return csvDownload(c, gstDocumentsCsv(c.get('deps').db, { ...f, stateCode: state }), `gst-documents-${period}.csv`, 'gst export');
};

export const invoicePdfHandler: RouteHandler<typeof invoicePdfRoute, AppEnv> = async (c) => c.json(await invoiceDownload(c.get('deps'), { kind: 'finance' }, c.req.valid('param').id), 200);

export const invoiceEInvoiceHandler: RouteHandler<typeof invoiceEInvoiceRoute, AppEnv> = async (c) => c.json(await invoiceEInvoice(c.get('deps'), c.req.valid('param').id), 200);

export const refundHandler: RouteHandler<typeof refundRoute, AppEnv> = async (c) => c.json(await requestRefund(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').reason), 202);

export const creditNotePdfHandler: RouteHandler<typeof creditNotePdfRoute, AppEnv> = async (c) => c.json(await creditNoteDownload(c.get('deps'), { kind: 'finance' }, c.req.valid('param').id), 200);

export const creditNoteEInvoiceHandler: RouteHandler<typeof creditNoteEInvoiceRoute, AppEnv> = async (c) => c.json(await creditNoteEInvoice(c.get('deps'), c.req.valid('param').id), 200);

export const myPaymentsHandler: RouteHandler<typeof myPaymentsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const page = keyset(cursor);
  const rows = await myPayments(c.get('deps').db, c.get('auth')!.userId, { where: page.where, orderBy: page.orderBy, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toPaymentView), nextCursor }, 200);
};

export const myInvoicePdfHandler: RouteHandler<typeof myInvoicePdfRoute, AppEnv> = async (c) => c.json(await invoiceDownload(c.get('deps'), { kind: 'payer', userId: c.get('auth')!.userId }, c.req.valid('param').id), 200);

export const gstAuditLogHandler: RouteHandler<typeof gstAuditLogRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await gstAuditLog(c.get('deps').db, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map((e) => ({ ...e, before: e.before ?? null, after: e.after ?? null, createdAt: e.createdAt.toISOString() })), nextCursor }, 200);
};
