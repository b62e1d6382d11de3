// Runs the S3 simulator on its own (for `npm start`): settings from the environment, objects in
// S3_SIM_DIR (kept across restarts), the buckets created up front, its endpoint on stdout.
import path from 'node:path';
import { z } from 'zod';
import { closeOnSignals, simEnvOrExit, simHost, simPort } from '../lib/sim-env.js';
import { startS3Simulator } from './simulator.js';

const EnvSchema = z.object({
  S3_SIM_PORT: simPort(0),
  S3_SIM_HOST: simHost(),
  S3_SIM_DIR: z.string().default(path.resolve('.data/s3')),
  S3_REGION: z.string().min(1).default('ap-south-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).default('S3RVER'),
  S3_SECRET_ACCESS_KEY: z.string().min(1).default('S3RVER'),
  /** Comma-separated. */
  S3_SIM_BUCKETS: z.string().default('mas-recordings,mas-resumes'),
});

const env = simEnvOrExit(EnvSchema);

const sim = await startS3Simulator({
  port: env.S3_SIM_PORT,
  host: env.S3_SIM_HOST,
  directory: env.S3_SIM_DIR,
  region: env.S3_REGION,
  accessKeyId: env.S3_ACCESS_KEY_ID,
  secretAccessKey: env.S3_SECRET_ACCESS_KEY,
  buckets: env.S3_SIM_BUCKETS.split(',').map((b) => b.trim()).filter(Boolean),
});
console.log(`s3 simulator listening: ${sim.endpoint} (region ${sim.region}, objects in ${sim.directory})`);

closeOnSignals(sim);
