// npm run bench: runs every benchmark in its own process, one after another, so they do not
// compete for the 2 cores. `npm run bench -- http` runs only the ones whose name matches.
// A bench whose numbers depend on the Temporal server (it names the server in its header with
// temporalLabel) runs twice by default, on the dev server and then on the real server on
// PostgreSQL, and the tables of both runs are printed again side by side at the end;
// `--temporal dev` or `--temporal cluster` runs only one (BENCH_TEMPORAL, read by
// bench/lib/environment.ts).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTemporalServer } from '../scripts/setup.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const t = args.indexOf('--temporal');
const temporal = t >= 0 ? args.splice(t, 2)[1] : (process.env.BENCH_TEMPORAL ?? 'both');
if (temporal !== 'dev' && temporal !== 'cluster' && temporal !== 'both') throw new Error(`--temporal must be dev, cluster or both (got ${temporal})`);
if (temporal !== 'dev') ensureTemporalServer();
const filter = args[0];
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
const onTemporal = (file: string) => readFileSync(path.join(dir, file), 'utf8').includes('temporalLabel(');
const summary: string[] = [];
let failed = 0;
for (const file of benches) {
  const servers = onTemporal(file) ? (temporal === 'both' ? ['dev', 'cluster'] : [temporal]) : [null];
  for (const server of servers) {
    const title = server ? `${file} (${server === 'cluster' ? 'Temporal server on PostgreSQL' : 'Temporal dev server'})` : file;
    console.log(`\n=== ${title} ===`);
    // Streamed as it comes, and kept for the summary.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(dir, file)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...process.env, ...(server ? { BENCH_TEMPORAL: server } : {}) },
    });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      process.stdout.write(b);
    });
    const status = await new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    const r = { status, stdout };
    if (r.status !== 0) failed++;
    // The tables and ratio lines, to print again together once every run is done.
    const lines = (r.stdout ?? '').split('\n').filter((l) => l.startsWith('|') || /ratio|×/.test(l));
    summary.push(`\n### ${title}${r.status === 0 ? '' : ' (FAILED)'}`, ...lines);
  }
}
if (benches.length > 1 || temporal === 'both') console.log(`\n=== summary ===${summary.join('\n')}`);
process.exit(failed ? 1 : 0);
