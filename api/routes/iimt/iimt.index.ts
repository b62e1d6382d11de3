import { createRouter } from '../../openapi.js';
import { listIimtHandler, setIimtStatusHandler, submitIimtHandler } from './iimt.handlers.js';
import { listIimtRoute, setIimtStatusRoute, submitIimtRoute } from './iimt.routes.js';

export const iimtRouter = createRouter().openapi(submitIimtRoute, submitIimtHandler).openapi(listIimtRoute, listIimtHandler).openapi(setIimtStatusRoute, setIimtStatusHandler);
