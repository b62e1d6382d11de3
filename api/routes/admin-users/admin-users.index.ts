import { createRouter } from '../../openapi.js';
import { listUsersHandler, updateUserHandler } from './admin-users.handlers.js';
import { listUsersRoute, updateUserRoute } from './admin-users.routes.js';

export const adminUsersRouter = createRouter().openapi(listUsersRoute, listUsersHandler).openapi(updateUserRoute, updateUserHandler);
