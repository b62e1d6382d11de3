// TEMPORAL_MODE=cluster: the real Temporal server (v1.29.1, built by scripts/setup.mjs) on
// PostgreSQL, with SQL advanced visibility. Its two databases (`<prefix>` and
// `<prefix>_visibility`) live on the given PostgreSQL server (the embedded one by default, or
// TEMPORAL_DB_URL), their schema set up and migrated by the server's own SQL tool from the
// module's schema/postgresql/v12. Then the `default` namespace and the Mas* search attributes.
// Every step is idempotent, so a restart on the same databases keeps the runs.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import pg from 'pg';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';
import { temporalServerDir, temporalServerModuleDir } from '../setup.mjs';
import { freePort, freePortInRange } from './free-port.js';
import { spawnService, temporalAnswers } from './spawn-service.js';
import type { DevServer } from './temporal-server.js';

export interface ClusterOptions {
  /** A PostgreSQL URL whose user may create databases; only its host, port, user and password are used. */
  databaseUrl: string;
  /** The databases are `<prefix>` and `<prefix>_visibility` (default `temporal`). */
  databasePrefix?: string;
  /** Where the generated config goes. */
  dir: string;
  /** Frontend gRPC port (default: a free one). */
  port?: number;
  numHistoryShards?: number;
  logLevel?: string;
  namespace?: string;
  detached?: boolean;
  onOutput?: (chunk: string) => void;
}

const SCHEMA_TOOL_TIMEOUT_MS = 120_000;

function sqlTool(db: URL, database: string, args: string[]): string {
  const r = spawnSync(path.join(temporalServerDir(), 'sql'), ['--db', database, ...args], {
    encoding: 'utf8',
    timeout: SCHEMA_TOOL_TIMEOUT_MS,
    env: {
      ...process.env,
      SQL_PLUGIN: 'postgres12',
      SQL_HOST: db.hostname,
      SQL_PORT: db.port || '5432',
      SQL_USER: decodeURIComponent(db.username),
      SQL_PASSWORD: decodeURIComponent(db.password),
    },
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`temporal sql tool ${args.join(' ')} on ${database} failed (${r.status ?? r.signal}):\n${out.slice(-4000)}`);
  return out;
}

async function hasSchema(db: URL, database: string): Promise<boolean> {
  const url = new URL(db);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass('public.schema_version')::text AS t`);
    return rows[0]?.t != null;
  } finally {
    await client.end();
  }
}

async function databaseExists(db: URL, database: string): Promise<boolean> {
  const admin = new URL(db);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

/** Drops the store and visibility databases (a throw-away cluster's, e.g. a test's). */
export async function dropTemporalDatabases(databaseUrl: string, prefix: string): Promise<void> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    for (const database of [prefix, `${prefix}_visibility`]) await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Creates (once) and migrates (always; a no-op when current) the store and visibility databases. */
export async function setupTemporalSchema(databaseUrl: string, prefix = 'temporal'): Promise<void> {
  const db = new URL(databaseUrl);
  const schemaRoot = path.join(temporalServerModuleDir(), 'schema', 'postgresql', 'v12');
  for (const [database, dir] of [
    [prefix, 'temporal'],
    [`${prefix}_visibility`, 'visibility'],
  ] as const) {
    if (!(await databaseExists(db, database))) sqlTool(db, database, ['create-database']);
    if (!(await hasSchema(db, database))) sqlTool(db, database, ['setup-schema', '-v', '0.0']);
    sqlTool(db, database, ['update-schema', '-d', path.join(schemaRoot, dir, 'versioned')]);
  }
}

function configYaml(o: { db: URL; prefix: string; shards: number; logLevel: string; ports: Record<'frontend' | 'http' | 'history' | 'matching' | 'worker' | 'mFrontend' | 'mHistory' | 'mMatching' | 'mWorker', number> }): string {
  const store = (database: string, maxConns: number) => `      sql:
        pluginName: "postgres12"
        databaseName: "${database}"
        connectAddr: "${o.db.hostname}:${o.db.port || '5432'}"
        connectProtocol: "tcp"
        user: ${JSON.stringify(decodeURIComponent(o.db.username))}
        password: ${JSON.stringify(decodeURIComponent(o.db.password))}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  const service = (grpc: number, membership: number, extra = '') => `    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${extra}`;
  return `log:
  stdout: true
  level: ${o.logLevel}
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${o.shards}
  datastores:
    postgres-default:
${store(o.prefix, 20)}
    postgres-visibility:
${store(`${o.prefix}_visibility`, 5)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
services:
  frontend:
${service(o.ports.frontend, o.ports.mFrontend, `\n      httpPort: ${o.ports.http}`)}
  matching:
${service(o.ports.matching, o.ports.mMatching)}
  history:
${service(o.ports.history, o.ports.mHistory)}
  worker:
${service(o.ports.worker, o.ports.mWorker)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${o.ports.frontend}"
dcRedirectionPolicy:
  policy: "noop"
dynamicConfigClient:
  filepath: "config/dynamicconfig.yaml"
  pollInterval: "10s"
`;
}

// What the dev server turns on that our workflows and tests rely on, plus eager activities.
const DYNAMIC_CONFIG = `limit.maxIDLength:
  - value: 255
system.enableActivityEagerExecution:
  - value: true
frontend.enableExecuteMultiOperation:
  - value: true
frontend.enableUpdateWorkflowExecution:
  - value: true
frontend.enableUpdateWorkflowExecutionAsyncAccepted:
  - value: true
system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
`;

const GRPC_ALREADY_EXISTS = 6;
const isGrpc = (err: unknown, code: number) => (err as { code?: number }).code === code;

/** The `default` namespace and the Mas* search attributes, each created once. */
async function prepareNamespace(address: string, namespace: string): Promise<void> {
  const conn = await Connection.connect({ address });
  try {
    try {
      await conn.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('7 days') });
    } catch (err) {
      if (!isGrpc(err, GRPC_ALREADY_EXISTS)) throw err;
    }
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const { customAttributes } = await conn.operatorService.listSearchAttributes({ namespace });
        const missing = ALL_SEARCH_ATTRIBUTES.filter((a) => !(a.name in (customAttributes ?? {})));
        if (!missing.length) return;
        // 2 = INDEXED_VALUE_TYPE_KEYWORD
        await conn.operatorService.addSearchAttributes({ namespace, searchAttributes: Object.fromEntries(missing.map((a) => [a.name, 2])) });
      } catch (err) {
        // A namespace just registered is not served by every host at once.
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await conn.close();
  }
}

export async function startTemporalCluster(opts: ClusterOptions): Promise<DevServer> {
  const db = new URL(opts.databaseUrl);
  const prefix = opts.databasePrefix ?? 'temporal';
  await setupTemporalSchema(opts.databaseUrl, prefix);

  // Membership ports are stored as smallint: keep every port below 32768 (outside Linux's
  // ephemeral range, so freePort() could not give them).
  const taken = new Set<number>();
  const pick = async (): Promise<number> => {
    for (;;) {
      const p = await freePortInRange(20_000, 32_000);
      if (!taken.has(p)) return taken.add(p), p;
    }
  };
  const [frontend, http, history, matching, worker, mFrontend, mHistory, mMatching, mWorker] = [opts.port ?? (await freePort()), await pick(), await pick(), await pick(), await pick(), await pick(), await pick(), await pick(), await pick()];
  const configDir = path.join(opts.dir, 'config');
  mkdirSync(configDir, { recursive: true });
  const ports = { frontend, http, history, matching, worker, mFrontend, mHistory, mMatching, mWorker } as Record<string, number> as Parameters<typeof configYaml>[0]['ports'];
  writeFileSync(path.join(configDir, 'development.yaml'), configYaml({ db, prefix, shards: opts.numHistoryShards ?? 4, logLevel: opts.logLevel ?? 'warn', ports }));
  writeFileSync(path.join(configDir, 'dynamicconfig.yaml'), DYNAMIC_CONFIG);

  const address = `127.0.0.1:${frontend}`;
  const { process: child, stop } = await spawnService({
    name: 'temporal server',
    command: path.join(temporalServerDir(), 'server'),
    args: ['--root', opts.dir, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'],
    cwd: opts.dir,
    ...(opts.detached !== undefined ? { detached: opts.detached } : {}),
    ...(opts.onOutput ? { onOutput: opts.onOutput } : {}),
    ready: temporalAnswers(address),
    readyAt: address,
    readyTimeoutMs: 90_000,
    stopGraceMs: 15_000,
  });
  try {
    await prepareNamespace(address, opts.namespace ?? 'default');
  } catch (err) {
    await stop();
    throw err;
  }
  return { address, process: child, stop };
}

/** The Temporal Web UI server (the one the CLI embeds) against a cluster's frontend. */
export async function startTemporalUi(opts: { address: string; port: number; dir: string; detached?: boolean; onOutput?: (chunk: string) => void }): Promise<{ url: string; process: ChildProcess; stop(): Promise<void> }> {
  const configDir = path.join(opts.dir, 'config');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(
    path.join(configDir, 'development.yaml'),
    `temporalGrpcAddress: ${opts.address}
host: 127.0.0.1
port: ${opts.port}
enableUi: true
defaultNamespace: default
refreshInterval: 1m
cors:
  allowOrigins:
    - http://localhost:${opts.port}
    - http://127.0.0.1:${opts.port}
`,
  );
  const url = `http://127.0.0.1:${opts.port}`;
  const service = await spawnService({
    name: 'temporal ui server',
    command: path.join(temporalServerDir(), 'ui-server'),
    args: ['--root', opts.dir, '--config', 'config', '--env', 'development', 'start'],
    cwd: opts.dir,
    ...(opts.detached !== undefined ? { detached: opts.detached } : {}),
    ...(opts.onOutput ? { onOutput: opts.onOutput } : {}),
    ready: () => fetch(`${url}/api/v1/settings`).then((r) => r.ok),
    readyAt: url,
    readyTimeoutMs: 30_000,
    stopGraceMs: 10_000,
  });
  return { url, ...service };
}
