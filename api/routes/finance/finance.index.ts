import { createRouter } from '../../openapi.js';
import * as h from './finance.handlers.js';
import * as r from './finance.routes.js';

export const financeRouter = createRouter()
  .openapi(r.listPaymentsRoute, h.listPaymentsHandler)
  .openapi(r.getPaymentRoute, h.getPaymentHandler)
  .openapi(r.listInvoicesRoute, h.listInvoicesHandler)
  .openapi(r.listCreditNotesRoute, h.listCreditNotesHandler)
  .openapi(r.gstCsvRoute, h.gstCsvHandler)
  .openapi(r.invoicePdfRoute, h.invoicePdfHandler)
  .openapi(r.invoiceEInvoiceRoute, h.invoiceEInvoiceHandler)
  .openapi(r.refundRoute, h.refundHandler)
  .openapi(r.creditNotePdfRoute, h.creditNotePdfHandler)
  .openapi(r.creditNoteEInvoiceRoute, h.creditNoteEInvoiceHandler)
  .openapi(r.myPaymentsRoute, h.myPaymentsHandler)
  .openapi(r.myInvoicePdfRoute, h.myInvoicePdfHandler)
  .openapi(r.gstAuditLogRoute, h.gstAuditLogHandler);
