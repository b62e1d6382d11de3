import { createRouter } from '../../openapi.js';
import * as h from './login-history.handlers.js';
import * as r from './login-history.routes.js';

export const loginHistoryRouter = createRouter().openapi(r.myLoginHistoryRoute, h.myLoginHistoryHandler).openapi(r.userLoginHistoryRoute, h.userLoginHistoryHandler);
