// `npm run llm-keys:reseal [-- --batch-size 100] [--user <id>]`: re-seals every stored LLM key
// under the active KEK (LLM_KEYS_KEKS / LLM_KEYS_ACTIVE_KEK), so the old KEK can be removed.
// Safe to run again (rows already under the active KEK are skipped) and while the api runs.
// Prints a JSON summary (ids and KEK ids only); exits 1 if a row could not be re-sealed.
import { parseArgs } from 'node:util';
import { llmKeysConfig, loadConfig } from '../infra/env.js';
import { createLogger } from '../infra/logger.js';
import { createPrisma } from '../infra/prisma.js';
import { resealLlmKeys } from '../services/ai/llm-keys-reseal.js';
import { resealWhatsAppConfigs } from '../services/notifications/whatsapp-configs-reseal.js';
import { resealGoogleTokens } from '../services/calendar/google-tokens-reseal.js';
import { withDevDatabase } from './lib/dev-database.js';

function fail(message: string): never {
  console.error(`[llm-keys:reseal] ${message}`);
  process.exit(2);
}

let values: { 'batch-size'?: string; user?: string };
try {
  ({ values } = parseArgs({ options: { 'batch-size': { type: 'string' }, user: { type: 'string' } }, strict: true }));
} catch (err) {
  fail(`${(err as Error).message}\nusage: npm run llm-keys:reseal -- [--batch-size <1-1000>] [--user <uuid>]`);
}
const batchSize = Number(values['batch-size'] ?? 100);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) fail('--batch-size must be an integer from 1 to 1000');
if (values.user && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.user)) fail('--user must be a user id (uuid)');

const result = await withDevDatabase(async (url) => {
  let config;
  try {
    config = loadConfig({ ...process.env, DATABASE_URL: url });
  } catch (err) {
    fail((err as Error).message);
  }
  const db = createPrisma(url, 2);
  try {
    const deps = { db, logger: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 'llm-keys-reseal'), config: { llmKeys: llmKeysConfig(config) } };
    const opts = { batchSize, ...(values.user ? { userId: values.user } : {}) };
    // The same keyring seals the WhatsApp config tokens: they move with the LLM keys.
    const llm = await resealLlmKeys(deps, opts);
    return { ...llm, whatsappConfigs: await resealWhatsAppConfigs(deps, opts), googleTokens: await resealGoogleTokens({ db, logger: deps.logger, llmKeys: deps.config.llmKeys }, opts) };
  } finally {
    await db.$disconnect();
  }
});
console.log(JSON.stringify(result));
process.exitCode = result.failed.length + result.whatsappConfigs.failed.length + result.googleTokens.failed.length > 0 ? 1 : 0;
