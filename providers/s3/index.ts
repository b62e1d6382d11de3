// S3: the one place that builds the object store from config. Both modes run the real SDK;
// `sim` points it at the local simulator (providers/s3/simulator.ts). Guards keep them apart.
import type { Config } from '../../infra/env.js';
import { createS3ObjectStore } from './client.js';
import type { ObjectStore } from './interface.js';

export * from './interface.js';
export { attachmentDisposition, createS3ObjectStore, type S3ClientOptions } from './client.js';

export type S3Config = Pick<Config, 'S3_MODE' | 'S3_ENDPOINT' | 'S3_SIM_PORT' | 'S3_REGION' | 'S3_BUCKET_RECORDINGS' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY'>;

/** The endpoint the client talks to: S3_ENDPOINT, else the simulator in sim mode, else AWS (undefined). */
export function s3Endpoint(config: S3Config): string | undefined {
  return config.S3_ENDPOINT ?? (config.S3_MODE === 'sim' ? `http://127.0.0.1:${config.S3_SIM_PORT}` : undefined);
}

export function createObjectStore(config: S3Config, bucket: string = config.S3_BUCKET_RECORDINGS): ObjectStore {
  const endpoint = s3Endpoint(config);
  if (config.S3_MODE === 'live' && endpoint?.startsWith('http://')) throw new Error('S3 live mode needs an https endpoint');
  return createS3ObjectStore({ bucket, region: config.S3_REGION, accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY, ...(endpoint ? { endpoint } : {}) });
}
