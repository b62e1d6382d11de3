// `npm run start:scaled`'s api: API_PROCESSES copies of api/server.ts behind one port, with
// node's cluster module (the primary owns the listening socket and hands connections to the
// copies). A copy that dies is forked again; SIGINT/SIGTERM drains every copy, then exits.
import cluster from 'node:cluster';
import path from 'node:path';
import { root } from './setup.mjs';

const count = Number(process.env.API_PROCESSES ?? 2);
if (!Number.isInteger(count) || count < 1 || count > 64) throw new Error(`API_PROCESSES must be an integer 1..64 (got ${process.env.API_PROCESSES})`);

cluster.setupPrimary({ exec: path.join(root, 'api', 'server.ts'), execArgv: ['--import', 'tsx'] });
let stopping = false;
const fork = (n: number) => cluster.fork({ API_PROCESS_INDEX: String(n) });
const index = new Map<number, number>();
for (let n = 1; n <= count; n++) index.set(fork(n).id, n);

cluster.on('exit', (w, code, signal) => {
  const n = index.get(w.id) ?? 0;
  index.delete(w.id);
  if (stopping) {
    if (index.size === 0) process.exit(0);
    return;
  }
  process.stderr.write(`[api-cluster] api ${n} (pid ${w.process.pid}) exited (${signal ?? code}); forking it again in 1 s\n`);
  setTimeout(() => index.set(fork(n).id, n), 1000).unref();
});

for (const s of ['SIGINT', 'SIGTERM'] as const) {
  process.on(s, () => {
    if (stopping) return;
    stopping = true;
    if (index.size === 0) process.exit(0);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  });
}
process.stdout.write(`[api-cluster] ${count} api processes on port ${process.env.PORT ?? 3000}\n`);
