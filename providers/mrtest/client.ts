// The real Mr Test client: the shared learning-system client over Mr Test's four collections.
import { createLmsApiClient, type LmsApiClientOptions } from '../lib/lms-api-client.js';
import { MRTEST_PATHS, type MrTestProvider } from './interface.js';

export type MrTestClientOptions = Omit<LmsApiClientOptions, 'provider' | 'vendorName'>;

export function createMrTestClient(opts: MrTestClientOptions): MrTestProvider {
  const api = createLmsApiClient({ ...opts, provider: 'mrtest', vendorName: 'Mr Test' });
  return { api, page: (resource, query) => api.page(MRTEST_PATHS[resource], query) };
}
