// Google (OAuth + Calendar): the one place that builds the provider from config. Both modes run
// the real client; `sim` points it at the local simulator. Guards keep live credentials and sim
// URLs apart.
import { createGoogleClient } from './client.js';
import type { GoogleProvider } from './interface.js';

export * from './interface.js';
export { createGoogleClient, type GoogleClientOptions } from './client.js';

export interface GoogleConfig {
  mode: 'sim' | 'live';
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Required in sim mode (the simulator's origin serves all three); Google's by default in live mode. */
  authBaseUrl?: string;
  tokenBaseUrl?: string;
  apiBaseUrl?: string;
  timeoutMs?: number;
}

export function createGoogle(config: GoogleConfig): GoogleProvider {
  const urls = [config.authBaseUrl, config.tokenBaseUrl, config.apiBaseUrl];
  if (config.mode === 'sim' && urls.some((u) => !u)) throw new Error('Google sim mode needs the simulator base URLs');
  if (config.mode === 'sim' && urls.some((u) => /^https:\/\/[^/]*(google\.com|googleapis\.com)(\/|:|$)/.test(u ?? ''))) throw new Error('Refusing to point Google sim mode at Google itself');
  if (config.mode === 'live' && urls.some((u) => u !== undefined && !u.startsWith('https://'))) throw new Error('Google live mode needs https base URLs');
  if (config.mode === 'live' && (config.clientSecret.startsWith('dev-') || config.clientSecret.startsWith('test-'))) throw new Error('Refusing to call Google with development credentials');
  return createGoogleClient({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUri: config.redirectUri,
    ...(config.authBaseUrl ? { authBaseUrl: config.authBaseUrl } : {}),
    ...(config.tokenBaseUrl ? { tokenBaseUrl: config.tokenBaseUrl } : {}),
    ...(config.apiBaseUrl ? { apiBaseUrl: config.apiBaseUrl } : {}),
    timeoutMs: config.timeoutMs,
  });
}
