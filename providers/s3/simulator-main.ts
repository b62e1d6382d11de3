// Runs the S3 simulator on its own (for `npm start`): settings from the environment, objects in
// S3_SIM_DIR (kept across restarts), the buckets created up front, its endpoint on stdout.
import path from 'node:path';
import { z } from 'zod';
import { startS3Simulator } from './simulator.js';

const EnvSchema = z.object({
  S3_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  S3_SIM_HOST: z.string().default('127.0.0.1'),
  S3_SIM_DIR: z.string().default(path.resolve('.data/s3')),
  S3_REGION: z.string().min(1).default('ap-south-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).default('S3RVER'),
  S3_SECRET_ACCESS_KEY: z.string().min(1).default('S3RVER'),
  /** Comma-separated. */
  S3_SIM_BUCKETS: z.string().default('mas-recordings'),
});

const parsed = EnvSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(`Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  process.exit(2);
}
const env = parsed.data;

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

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sim.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
