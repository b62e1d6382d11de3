// WhatsApp: the one place that builds the provider from config. `sim` and `live` run the real
// client (sim points it at the local simulator); `off` refuses every send with a
// non-retryable error, for deployments without a WhatsApp number.
import { createWhatsAppClient } from './client.js';
import { LOCAL_ERROR_CODES, WHATSAPP_LIVE_BASE_URL, WhatsAppError, type WhatsAppProvider } from './interface.js';

export * from './interface.js';
export { createWhatsAppClient, normalizeApiVersion, templateBody, type WhatsAppClientOptions } from './client.js';
export { constantTimeEqual, signWebhook, verifyWebhookSignature } from './signatures.js';
export { parseStatusWebhook, type ParsedStatusWebhook } from './webhooks.js';

export interface WhatsAppConfig {
  mode: 'sim' | 'live' | 'off';
  /** Required in sim mode (the simulator's origin); defaults to the Graph API in live mode. */
  baseUrl?: string;
  apiVersion?: string;
  phoneNumberId: string;
  token: string;
  timeoutMs?: number;
}

export function createWhatsApp(config: WhatsAppConfig): WhatsAppProvider {
  if (config.mode === 'off') return disabledWhatsApp();
  const baseUrl = config.baseUrl ?? (config.mode === 'live' ? WHATSAPP_LIVE_BASE_URL : undefined);
  if (!baseUrl) throw new Error('WhatsApp sim mode needs the simulator baseUrl');
  if (config.mode === 'live' && !baseUrl.startsWith('https://')) throw new Error('WhatsApp live mode needs an https baseUrl');
  if (config.mode === 'sim' && baseUrl.startsWith(WHATSAPP_LIVE_BASE_URL)) throw new Error('Refusing to point WhatsApp sim mode at the live Graph API');
  return createWhatsAppClient({ baseUrl, apiVersion: config.apiVersion, phoneNumberId: config.phoneNumberId, token: config.token, timeoutMs: config.timeoutMs });
}

export function disabledWhatsApp(): WhatsAppProvider {
  const off = () => Promise.reject(new WhatsAppError(null, { message: 'WhatsApp is off (WHATSAPP_MODE=off)', type: 'Disabled', code: LOCAL_ERROR_CODES.disabled }, { retryable: false }));
  const provider: WhatsAppProvider = { sendTemplate: off, verifyNumber: off, forNumber: () => provider };
  return provider;
}
