import { createRouter } from '../../openapi.js';
import {
  createVendorKeyHandler,
  disableVendorKeyHandler,
  enableVendorKeyHandler,
  listVendorKeysHandler,
  revokeVendorKeyHandler,
  rotateVendorKeyHandler,
} from './vendor-keys.handlers.js';
import {
  createVendorKeyRoute,
  disableVendorKeyRoute,
  enableVendorKeyRoute,
  listVendorKeysRoute,
  revokeVendorKeyRoute,
  rotateVendorKeyRoute,
} from './vendor-keys.routes.js';

export const vendorKeysRouter = createRouter()
  .openapi(createVendorKeyRoute, createVendorKeyHandler)
  .openapi(listVendorKeysRoute, listVendorKeysHandler)
  .openapi(disableVendorKeyRoute, disableVendorKeyHandler)
  .openapi(enableVendorKeyRoute, enableVendorKeyHandler)
  .openapi(revokeVendorKeyRoute, revokeVendorKeyHandler)
  .openapi(rotateVendorKeyRoute, rotateVendorKeyHandler);
