// Finds a database for the command-line tools (db:migrate, db:seed, db:check, db:migration):
// DATABASE_URL; else the dev stack's embedded server if it is running; else start it (or a
// throw-away one) for the duration of the command.
import os from 'node:os';
import path from 'node:path';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { root } from '../setup.mjs';
import { isPortOpen, freePort } from './free-port.js';
import { startEmbeddedPostgres, withDatabaseName, acquireDevDatabase } from './postgres.js';

export const DEV_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 55432);
const devUrl = (db: string) => `postgresql://postgres:postgres@127.0.0.1:${DEV_PG_PORT}/${db}`;

/** Runs fn with the dev database URL (the one `npm start` uses). */
export async function withDevDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  if (await isPortOpen(DEV_PG_PORT)) return fn(devUrl('mas'));
  const handle = await acquireDevDatabase({ dataDir: path.join(root, '.data', 'postgres'), port: DEV_PG_PORT, name: 'mas' });
  try {
    return await fn(handle.url);
  } finally {
    await handle.release();
  }
}

/** Runs fn with a URL on a server where CREATE DATABASE is allowed (for shadow databases). */
export async function withScratchServer<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(withDatabaseName(process.env.DATABASE_URL, 'postgres'));
  if (await isPortOpen(DEV_PG_PORT)) return fn(devUrl('postgres'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mas-scratch-pg-'));
  chmodSync(dir, 0o755); // embedded PostgreSQL runs as the postgres user when we are root
  const { server, adminUrl } = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), persistent: false, fast: true });
  try {
    return await fn(adminUrl);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
