// The offline migrate tool against the run's real database.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createPrisma, type Db } from '../../infra/prisma.js';
import { seed } from '../../prisma/seed.js';
import { deployMigrations, isEmptyMigration, loadSchemaFiles, pendingSchemaChanges } from '../../prisma/tools/migrate.js';
import { withDatabaseName } from '../../scripts/lib/postgres.js';

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
});
afterAll(() => client.end());

describe('migrations', () => {
  it('create all five PostgreSQL schemas', async () => {
    const { rows } = await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace');
    expect(rows.map((r) => r.nspname)).toEqual(expect.arrayContaining(['public', 'mas_crm', 'superadmin', 'mrlearn', 'mrtest']));
  });

  it('are recorded in _prisma_migrations as prisma migrate deploy records them, and a second deploy applies nothing', async () => {
    const { rows } = await client.query('SELECT migration_name, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatchObject({ finished_at: expect.any(Date), rolled_back_at: null, applied_steps_count: 1 });
    expect(await deployMigrations(inject('databaseUrl'))).toEqual([]);
  });

  it('agree with the Prisma schema (no drift)', async () => {
    const sql = await pendingSchemaChanges(withDatabaseName(inject('databaseUrl'), 'postgres'));
    expect(isEmptyMigration(sql)).toBe(true);
  });

  it('would report drift when the schema gains a model the migrations lack', async () => {
    const files = [
      ...loadSchemaFiles(),
      { path: 'drift.prisma', content: 'model DriftProbe {\n  id Int @id\n  @@map("drift_probe")\n  @@schema("mrtest")\n}\n' },
    ];
    const sql = await pendingSchemaChanges(withDatabaseName(inject('databaseUrl'), 'postgres'), files);
    expect(isEmptyMigration(sql)).toBe(false);
    expect(sql).toMatch(/CREATE TABLE "mrtest"\."drift_probe"/);
  });
});

describe('Prisma client', () => {
  let db: Db;
  beforeAll(() => {
    db = createPrisma(inject('databaseUrl'), 2);
  });
  afterAll(() => db.$disconnect());

  it('leaves User.password out of every query by default', async () => {
    const user = await db.user.create({ data: { email: `omit-${Date.now()}@test.local`, name: 'Omit', password: 'scrypt$hash' } });
    expect(user).not.toHaveProperty('password');
    const found = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(found).not.toHaveProperty('password');
    const withPassword = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { password: false } });
    expect(withPassword.password).toBe('scrypt$hash');
  });

  it('seeds demo data idempotently', async () => {
    await seed(db);
    const counts = async () => [await db.user.count(), await db.slot.count(), await db.mentor.count()];
    const before = await counts();
    await seed(db);
    expect(await counts()).toEqual(before);
  });
});
