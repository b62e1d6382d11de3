// Razorpay: the one place that builds the provider from config. Both modes run the real
// client; `sim` points it at the local simulator. Guards keep live keys and sim URLs apart.
import { createRazorpayClient } from './client.js';
import { RAZORPAY_LIVE_BASE_URL, type RazorpayProvider } from './interface.js';

export * from './interface.js';
export { createRazorpayClient, type RazorpayClientOptions } from './client.js';
export { checkoutSignature, signWebhook, verifyCheckoutSignature, verifyWebhookSignature } from './signatures.js';
export { parseWebhookEvent, type ParsedWebhook } from './webhooks.js';

export interface RazorpayConfig {
  mode: 'sim' | 'live';
  /** Required in sim mode (the simulator's baseUrl); defaults to Razorpay's in live mode. */
  baseUrl?: string;
  keyId: string;
  keySecret: string;
  timeoutMs?: number;
}

export function createRazorpay(config: RazorpayConfig): RazorpayProvider {
  const baseUrl = config.baseUrl ?? (config.mode === 'live' ? RAZORPAY_LIVE_BASE_URL : undefined);
  if (!baseUrl) throw new Error('Razorpay sim mode needs the simulator baseUrl');
  if (config.mode === 'sim' && config.keyId.startsWith('rzp_live_')) throw new Error('Refusing to send a live Razorpay key to the simulator');
  if (config.mode === 'live' && !baseUrl.startsWith('https://')) throw new Error('Razorpay live mode needs an https baseUrl');
  return createRazorpayClient({ baseUrl, keyId: config.keyId, keySecret: config.keySecret, timeoutMs: config.timeoutMs });
}
