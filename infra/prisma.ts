// Builds the Prisma client: driver adapter over a pg Pool we own, password omitted from every
// query. The same pool serves the few hottest reads as plain pg queries (pgPool), where the
// profile shows Prisma's per-query cost: ~0.2 ms of CPU per $queryRaw over pg's own (bench/http).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../prisma/generated/client.js';

export type Db = ReturnType<typeof createPrisma>;

const pools = new WeakMap<object, pg.Pool>();

export function createPrisma(connectionString: string, poolMax = 10) {
  const pool = new pg.Pool({ connectionString, max: poolMax, connectionTimeoutMillis: 5_000 });
  // A pooled connection that dies while idle is dropped by the pool; without a listener the
  // 'error' event would end the process (the adapter adds its own only once Prisma connects).
  pool.on('error', () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = new PrismaClient({ adapter, omit: { user: { password: true } } });
  pools.set(db, pool);
  return db;
}

/**
 * The pg Pool under `db`, for a hot read that plain pg answers for less CPU than Prisma. Keep it
 * to reads, and select timestamps as timestamptz or epoch numbers: pg parses a `timestamp`
 * column in the process's time zone, where Prisma reads it as UTC.
 */
export function pgPool(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('pgPool: this client was not built by createPrisma');
  return pool;
}

/** The client a `$transaction` callback receives. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
