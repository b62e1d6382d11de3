// The Google client from config: the real HTTP client, pointed at the local simulator in sim
// mode (the default for npm start; one origin serves auth, token and Calendar), at Google in live
// mode, or nothing when off (connect answers 503 and bookings make no calendar events).
import { createGoogle, type GoogleProvider } from '../providers/google/index.js';
import type { Config } from './env.js';

export function googleFromConfig(config: Config): GoogleProvider | undefined {
  if (config.GOOGLE_MODE === 'off') return undefined;
  const sim = config.GOOGLE_MODE === 'sim' ? `http://127.0.0.1:${config.GOOGLE_SIM_PORT}` : undefined;
  const authBaseUrl = config.GOOGLE_AUTH_BASE_URL ?? sim;
  const tokenBaseUrl = config.GOOGLE_TOKEN_BASE_URL ?? sim;
  const apiBaseUrl = config.GOOGLE_API_BASE_URL ?? sim;
  return createGoogle({
    mode: config.GOOGLE_MODE,
    clientId: config.GOOGLE_CLIENT_ID,
    clientSecret: config.GOOGLE_CLIENT_SECRET,
    redirectUri: googleRedirectUri(config),
    ...(authBaseUrl ? { authBaseUrl } : {}),
    ...(tokenBaseUrl ? { tokenBaseUrl } : {}),
    ...(apiBaseUrl ? { apiBaseUrl } : {}),
    timeoutMs: config.GOOGLE_TIMEOUT_MS,
  });
}

export const googleRedirectUri = (config: Config) => config.GOOGLE_REDIRECT_URI ?? `${config.PUBLIC_API_URL.replace(/\/+$/, '')}/api/google/oauth/callback`;

/** What the api needs besides the client. */
export function googleApiConfig(config: Config) {
  return config.GOOGLE_RETURN_URL ? { returnUrl: config.GOOGLE_RETURN_URL } : {};
}
