// Builds the Prisma client: driver adapter over pg, password omitted from every query.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client.js';

export type Db = ReturnType<typeof createPrisma>;

export function createPrisma(connectionString: string, poolMax = 10) {
  const adapter = new PrismaPg({ connectionString, max: poolMax, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter, omit: { user: { password: true } } });
}

/** The client a `$transaction` callback receives. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
