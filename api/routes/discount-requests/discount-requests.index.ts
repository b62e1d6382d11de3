import { createRouter } from '../../openapi.js';
import { approveDiscountHandler, cancelDiscountHandler, listDiscountRequestsHandler, rejectDiscountHandler, requestDiscountHandler } from './discount-requests.handlers.js';
import { approveDiscountRoute, cancelDiscountRoute, listDiscountRequestsRoute, rejectDiscountRoute, requestDiscountRoute } from './discount-requests.routes.js';

export const discountRequestsRouter = createRouter()
  .openapi(requestDiscountRoute, requestDiscountHandler)
  .openapi(listDiscountRequestsRoute, listDiscountRequestsHandler)
  .openapi(approveDiscountRoute, approveDiscountHandler)
  .openapi(rejectDiscountRoute, rejectDiscountHandler)
  .openapi(cancelDiscountRoute, cancelDiscountHandler);
