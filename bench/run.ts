// npm run bench: runs every benchmark in its own process, one after another, so they do not
// compete for the 2 cores. `npm run bench -- http` runs only the ones whose name matches;
// `--temporal cluster` runs them against the real Temporal server on PostgreSQL instead of the
// dev server (BENCH_TEMPORAL, read by bench/lib/environment.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTemporalServer } from '../scripts/setup.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const t = args.indexOf('--temporal');
const temporal = t >= 0 ? args.splice(t, 2)[1] : process.env.BENCH_TEMPORAL;
if (temporal && temporal !== 'dev' && temporal !== 'cluster') throw new Error(`--temporal must be dev or cluster (got ${temporal})`);
if (temporal === 'cluster') ensureTemporalServer();
const filter = args[0];
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit', env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...process.env, ...(temporal ? { BENCH_TEMPORAL: temporal } : {}) } });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
