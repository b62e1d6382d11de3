// The Leegality eSign provider from config: the real client, pointed at the local simulator in
// sim mode (the default for npm start and tests) or at Leegality in live mode.
// leegalityApiConfig() is what the PAP flow needs besides the client: the profile its sign
// requests use and the salt the webhook MAC is checked with.
import { createLeegality, type LeegalityProvider } from '../providers/leegality/index.js';
import type { Config } from './env.js';

export function leegalityFromConfig(config: Config): LeegalityProvider {
  const baseUrl = config.LEEGALITY_BASE_URL ?? (config.LEEGALITY_MODE === 'sim' ? `http://127.0.0.1:${config.LEEGALITY_SIM_PORT}/api` : undefined);
  return createLeegality({ mode: config.LEEGALITY_MODE, ...(baseUrl ? { baseUrl } : {}), authToken: config.LEEGALITY_AUTH_TOKEN, timeoutMs: config.LEEGALITY_TIMEOUT_MS });
}

/** ServiceDeps.config.leegality. */
export function leegalityApiConfig(config: Config): { profileId: string; privateSalt: string } {
  return { profileId: config.LEEGALITY_PROFILE_ID, privateSalt: config.LEEGALITY_PRIVATE_SALT };
}
