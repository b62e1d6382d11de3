// Vendor API key (seed: VendorApiKey.status). Disabling is reversible; revoking is final.
import { defineLifecycle } from '../lifecycle.js';

export const vendorApiKeyLifecycle = defineLifecycle('vendor API key', ['ACTIVE', 'DISABLED', 'REVOKED'], 'ACTIVE', {
  ACTIVE: ['DISABLED', 'REVOKED'],
  DISABLED: ['ACTIVE', 'REVOKED'],
  REVOKED: [],
});
export type VendorApiKeyStatus = (typeof vendorApiKeyLifecycle.states)[number];
