// Leegality: the one place that builds the provider from config. Both modes run the real
// client; `sim` points it at the local simulator. Guards keep the live token and sim URLs apart.
import { createLeegalityClient } from './client.js';
import { LEEGALITY_LIVE_BASE_URL, type LeegalityProvider } from './interface.js';

export * from './interface.js';
export { createLeegalityClient, MAX_PDF_BYTES, type LeegalityClientOptions } from './client.js';
export { signLeegalityMac, verifyLeegalityWebhook, type LeegalityWebhookEvent, type VerifiedLeegalityWebhook } from './webhooks.js';

export interface LeegalityConfig {
  mode: 'sim' | 'live';
  /** Required in sim mode (the simulator's baseUrl, …/api); defaults to Leegality's in live mode. */
  baseUrl?: string;
  authToken: string;
  timeoutMs?: number;
}

export function createLeegality(config: LeegalityConfig): LeegalityProvider {
  const baseUrl = config.baseUrl ?? (config.mode === 'live' ? LEEGALITY_LIVE_BASE_URL : undefined);
  if (!baseUrl) throw new Error('Leegality sim mode needs the simulator baseUrl');
  if (config.mode === 'live' && !baseUrl.startsWith('https://')) throw new Error('Leegality live mode needs an https baseUrl');
  if (config.mode === 'sim' && /^https:\/\/[^/]*leegality\.com(\/|$)/.test(baseUrl)) throw new Error('Refusing to point Leegality sim mode at Leegality itself');
  return createLeegalityClient({ baseUrl, authToken: config.authToken, timeoutMs: config.timeoutMs });
}
