import { createRouter } from '../../openapi.js';
import { listInterestsHandler, submitInterestHandler } from './ai-interests.handlers.js';
import { listInterestsRoute, submitInterestRoute } from './ai-interests.routes.js';

export const aiInterestsRouter = createRouter().openapi(submitInterestRoute, submitInterestHandler).openapi(listInterestsRoute, listInterestsHandler);
