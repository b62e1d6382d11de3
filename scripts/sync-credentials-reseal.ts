// `npm run sync-credentials:reseal [-- --batch-size 100]`: re-seals every Mr Learn and Mr Test
// sync credentials row (secret and cached token) under the active KEK (SYNC_CREDENTIALS_KEKS /
// SYNC_CREDENTIALS_ACTIVE_KEK), so the old KEK can be removed. Safe to run again and while the
// api and worker run. Prints a JSON summary (ids and KEK ids only); exits 1 if a row could not be re-sealed.
import { parseArgs } from 'node:util';
import { loadConfig, syncConfigFromEnv } from '../infra/env.js';
import { createLogger } from '../infra/logger.js';
import { createPrisma } from '../infra/prisma.js';
import { resealSyncCredentials } from '../services/sync/credentials-reseal.js';
import { withDevDatabase } from './lib/dev-database.js';

function fail(message: string): never {
  console.error(`[sync-credentials:reseal] ${message}`);
  process.exit(2);
}

let values: { 'batch-size'?: string };
try {
  ({ values } = parseArgs({ options: { 'batch-size': { type: 'string' } }, strict: true }));
} catch (err) {
  fail(`${(err as Error).message}\nusage: npm run sync-credentials:reseal -- [--batch-size <1-1000>]`);
}
const batchSize = Number(values['batch-size'] ?? 100);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) fail('--batch-size must be an integer from 1 to 1000');

const result = await withDevDatabase(async (url) => {
  let config;
  try {
    config = loadConfig({ ...process.env, DATABASE_URL: url });
  } catch (err) {
    fail((err as Error).message);
  }
  const db = createPrisma(url, 2);
  try {
    // The reseal never calls Temporal; the field is there for the shared deps shape.
    return await resealSyncCredentials({ db, logger: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 'sync-credentials-reseal'), config: { taskQueue: config.TEMPORAL_TASK_QUEUE, sync: syncConfigFromEnv(config) } }, { batchSize });
  } finally {
    await db.$disconnect();
  }
});
console.log(JSON.stringify(result));
process.exitCode = result.failed.length > 0 ? 1 : 0;
