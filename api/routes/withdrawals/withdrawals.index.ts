import { createRouter } from '../../openapi.js';
import { decideWithdrawalHandler, listWithdrawalsHandler, myWithdrawalsHandler, requestWithdrawalHandler } from './withdrawals.handlers.js';
import { decideWithdrawalRoute, listWithdrawalsRoute, myWithdrawalsRoute, requestWithdrawalRoute } from './withdrawals.routes.js';

export const withdrawalsRouter = createRouter()
  .openapi(requestWithdrawalRoute, requestWithdrawalHandler)
  .openapi(myWithdrawalsRoute, myWithdrawalsHandler)
  .openapi(listWithdrawalsRoute, listWithdrawalsHandler)
  .openapi(decideWithdrawalRoute, decideWithdrawalHandler);
