import { createRouter } from '../../openapi.js';
import { createImportHandler, getImportHandler, listImportsHandler } from './crm-imports.handlers.js';
import { createImportRoute, getImportRoute, listImportsRoute } from './crm-imports.routes.js';

export const crmImportsRouter = createRouter().openapi(createImportRoute, createImportHandler).openapi(listImportsRoute, listImportsHandler).openapi(getImportRoute, getImportHandler);
