import { createRouter } from '../../openapi.js';
import * as h from './ledger.handlers.js';
import * as r from './ledger.routes.js';

export const ledgerRouter = createRouter()
  .openapi(r.myLedgerRoute, h.myLedgerHandler)
  .openapi(r.userLedgerRoute, h.userLedgerHandler)
  .openapi(r.myPurchasesRoute, h.myPurchasesHandler)
  .openapi(r.myMentorTxRoute, h.myMentorTxHandler)
  .openapi(r.mentorTxRoute, h.mentorTxHandler)
  .openapi(r.packsRoute, h.packsHandler);
