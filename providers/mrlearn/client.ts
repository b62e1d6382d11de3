// The real Mr Learn client: the shared learning-system client (providers/lib/lms-api-client.ts:
// client-credentials token, Retry-After on 429, backoff on 5xx, one token refresh on 401) over
// Mr Learn's three collections.
import { createLmsApiClient, type LmsApiClientOptions } from '../lib/lms-api-client.js';
import { MRLEARN_PATHS, type MrLearnProvider } from './interface.js';

export type MrLearnClientOptions = Omit<LmsApiClientOptions, 'provider' | 'vendorName'>;

export function createMrLearnClient(opts: MrLearnClientOptions): MrLearnProvider {
  const api = createLmsApiClient({ ...opts, provider: 'mrlearn', vendorName: 'Mr Learn' });
  return { api, page: (resource, query) => api.page(MRLEARN_PATHS[resource], query) };
}
