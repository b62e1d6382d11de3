// The WhatsApp provider from config: the real Cloud API client, pointed at the local simulator
// in sim mode (the default for npm start and tests) or at the Graph API in live mode; `off`
// refuses sends. webhookConfig() is what the api's webhook route checks against.
import { createWhatsApp } from '../providers/whatsapp/index.js';
import type { Config } from './env.js';

export function whatsappFromConfig(config: Config) {
  const baseUrl = config.WHATSAPP_BASE_URL ?? (config.WHATSAPP_MODE === 'sim' ? `http://127.0.0.1:${config.WHATSAPP_SIM_PORT}` : undefined);
  return createWhatsApp({
    mode: config.WHATSAPP_MODE,
    ...(baseUrl ? { baseUrl } : {}),
    apiVersion: config.WHATSAPP_API_VERSION,
    phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
    token: config.WHATSAPP_TOKEN,
    timeoutMs: 10_000,
  });
}

/** Null secrets when WhatsApp is off: the webhook then refuses everything. */
export function whatsappWebhookConfig(config: Config): { appSecret: string | null; verifyToken: string | null; platformPhoneNumberId?: string } {
  if (config.WHATSAPP_MODE === 'off') return { appSecret: null, verifyToken: null };
  return { appSecret: config.WHATSAPP_APP_SECRET, verifyToken: config.WHATSAPP_VERIFY_TOKEN, platformPhoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID };
}
