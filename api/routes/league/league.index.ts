import { createRouter } from '../../openapi.js';
import { listRegistrationsHandler, registerHandler, setStatusHandler } from './league.handlers.js';
import { listRegistrationsRoute, registerRoute, setStatusRoute } from './league.routes.js';

export const leagueRouter = createRouter().openapi(registerRoute, registerHandler).openapi(listRegistrationsRoute, listRegistrationsHandler).openapi(setStatusRoute, setStatusHandler);
