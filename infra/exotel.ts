// The Exotel client from config: the real HTTP client, pointed at the local simulator in sim
// mode (the default for npm start), at Exotel in live mode, or nothing when off (the CRM then
// answers click-to-call with a tel: link).
import { createExotel, type ExotelProvider } from '../providers/exotel/index.js';
import type { Config } from './env.js';

export function exotelFromConfig(config: Config): ExotelProvider | undefined {
  if (config.EXOTEL_MODE === 'off') return undefined;
  const baseUrl = config.EXOTEL_BASE_URL ?? (config.EXOTEL_MODE === 'sim' ? `http://127.0.0.1:${config.EXOTEL_SIM_PORT}` : undefined);
  return createExotel({
    mode: config.EXOTEL_MODE,
    ...(baseUrl ? { baseUrl } : {}),
    subdomain: config.EXOTEL_SUBDOMAIN,
    accountSid: config.EXOTEL_ACCOUNT_SID,
    apiKey: config.EXOTEL_API_KEY,
    apiToken: config.EXOTEL_API_TOKEN,
    callerId: config.EXOTEL_CALLER_ID,
    timeoutMs: 10_000,
  });
}

/** What the api needs besides the client: absent when Exotel is off. */
export function exotelApiConfig(config: Config) {
  if (config.EXOTEL_MODE === 'off') return undefined;
  return { callerId: config.EXOTEL_CALLER_ID, callbackSecret: config.EXOTEL_CALLBACK_SECRET, publicApiUrl: config.PUBLIC_API_URL };
}
