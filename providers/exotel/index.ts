// Exotel: the one place that builds the provider from config. Both modes run the real client;
// `sim` points it at the local simulator. Guards keep live credentials and sim URLs apart.
import { createExotelClient } from './client.js';
import type { ExotelProvider } from './interface.js';

export * from './interface.js';
export { createExotelClient, type ExotelClientOptions } from './client.js';
export { callbackTokenMatches, parseStatusCallback, type ParsedStatusCallback } from './callbacks.js';

export interface ExotelConfig {
  mode: 'sim' | 'live';
  /** Origin of the API: required in sim mode (the simulator's); `https://<subdomain>` in live mode. */
  baseUrl?: string;
  subdomain?: string;
  accountSid: string;
  apiKey: string;
  apiToken: string;
  /** The ExoPhone: default SMS sender. */
  callerId?: string;
  timeoutMs?: number;
}

export function createExotel(config: ExotelConfig): ExotelProvider {
  if (config.mode === 'sim' && !config.baseUrl) throw new Error('Exotel sim mode needs the simulator baseUrl');
  if (config.mode === 'live' && config.baseUrl && !config.baseUrl.startsWith('https://')) throw new Error('Exotel live mode needs an https baseUrl');
  if (config.mode === 'live' && config.apiKey.startsWith('dev-')) throw new Error('Refusing to call Exotel with development credentials');
  return createExotelClient({
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
    ...(config.subdomain ? { subdomain: config.subdomain } : {}),
    accountSid: config.accountSid,
    apiKey: config.apiKey,
    apiToken: config.apiToken,
    ...(config.callerId ? { defaultSmsFrom: config.callerId } : {}),
    timeoutMs: config.timeoutMs,
  });
}
