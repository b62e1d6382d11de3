// The data model against the live, migrated database: every seed entity exists in the right
// schema, mas_crm is snake_case, and deletes cascade / set null exactly as documented.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrisma, type Db } from '../../infra/prisma.js';

interface ManifestEntry {
  entity: string;
  file: string;
  schema: string;
  table: string;
  model: string;
  prismaFile: string;
}
const manifestDir = path.resolve('prisma/manifest');
const seedEntities = JSON.parse(readFileSync(path.join(manifestDir, 'seed-entities.json'), 'utf8')) as { entity: string; file: string }[];
const manifest = readdirSync(manifestDir)
  .filter((f) => f.endsWith('.json') && f !== 'seed-entities.json')
  .flatMap((f) => JSON.parse(readFileSync(path.join(manifestDir, f), 'utf8')) as ManifestEntry[]);

let client: pg.Client;
let db: Db;
beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  db = createPrisma(inject('databaseUrl'), 4);
});
afterAll(async () => {
  await client.end();
  await db.$disconnect();
});

describe('seed entity manifest', () => {
  it('lists the entities of the seed catalog (re-derived when the seed is beside the repo)', () => {
    const seedDoc = path.resolve('../shared/seed/data-model.md');
    expect(seedEntities.length).toBeGreaterThanOrEqual(150);
    if (!existsSync(seedDoc)) return;
    const parsed = [...readFileSync(seedDoc, 'utf8').matchAll(/^([A-Za-z0-9]+) \(([A-Za-z0-9./]+\.ts)[^)]*\) \|/gm)].map((m) => m[1]!);
    expect([...new Set(parsed)].sort()).toEqual(seedEntities.map((e) => e.entity).sort());
  });

  it('maps every seed entity to exactly one table', () => {
    const mapped = manifest.filter((m) => !m.entity.endsWith('(added)')).map((m) => m.entity);
    expect(mapped.sort()).toEqual(seedEntities.map((e) => e.entity).sort());
  });

  it('finds every table in its schema after migrating, and each model in its schema file', async () => {
    const { rows } = await client.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema IN ('public','mas_crm','superadmin','mrlearn','mrtest')`,
    );
    const live = new Set(rows.map((r) => `${r.table_schema}.${r.table_name}`));
    const missing = manifest.filter((m) => !live.has(`${m.schema}.${m.table}`)).map((m) => `${m.entity} → ${m.schema}.${m.table}`);
    expect(missing).toEqual([]);
    for (const m of manifest) {
      const file = readFileSync(path.resolve('prisma/schema', m.prismaFile.replace(/^prisma\/schema\//, '')), 'utf8');
      expect(file, m.model).toMatch(new RegExp(`^model ${m.model} \\{[\\s\\S]*?@@map\\("${m.table}"\\)[\\s\\S]*?@@schema\\("${m.schema}"\\)`, 'm'));
    }
    const perSchema: Record<string, number> = {};
    for (const r of rows) if (r.table_name !== '_prisma_migrations') perSchema[r.table_schema] = (perSchema[r.table_schema] ?? 0) + 1;
    console.log(`tables per schema: ${JSON.stringify(perSchema)} (total ${Object.values(perSchema).reduce((a, b) => a + b, 0)})`);
    expect(Object.keys(perSchema).sort()).toEqual(['mas_crm', 'mrlearn', 'mrtest', 'public', 'superadmin']);
  });

  it('uses snake_case for every mas_crm table and column', async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'mas_crm'`,
    );
    expect(rows.length).toBeGreaterThan(100);
    const bad = rows.filter((r) => !/^[a-z0-9_]+$/.test(r.table_name) || !/^[a-z0-9_]+$/.test(r.column_name));
    expect(bad).toEqual([]);
  });

  it('keeps camelCase columns outside mas_crm', async () => {
    const { rows } = await client.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'slots' AND column_name = 'earningsCredited'`);
    expect(rows).toHaveLength(1);
  });
});

describe('delete behaviour', () => {
  async function user(role: 'USER' | 'EXPERT' | 'ADMIN' | 'SALES' = 'USER') {
    return db.user.create({ data: { email: `${randomUUID()}@cascade.test`, name: 'Cascade', role } });
  }

  it('deleting a user removes the rows the user owns', async () => {
    const mentor = await user('EXPERT');
    const student = await user();
    await db.token.create({ data: { userId: student.id, balance: 5 } });
    await db.promotionalToken.create({ data: { userId: student.id, balance: 2 } });
    const slot = await db.slot.create({
      data: { mentorId: mentor.id, studentId: student.id, startDateTime: new Date(Date.now() + 3_600_000), endDateTime: new Date(Date.now() + 7_200_000), status: 'CONFIRMED' },
    });
    await db.tokenUsage.create({ data: { userId: student.id, slotId: slot.id, type: 'BOOKING', amount: -2, balanceAfter: 3, idempotencyKey: `booking:${slot.id}` } });
    await db.notification.create({ data: { userId: student.id, title: 'Hi', message: 'Booked' } });
    await db.refreshToken.create({ data: { userId: student.id, tokenHash: randomUUID(), familyId: randomUUID(), expiresAt: new Date(Date.now() + 1e6) } });
    await db.mentorEarnings.create({ data: { userId: mentor.id, balancePaise: 100 } });

    await db.user.delete({ where: { id: student.id } });
    expect(await db.token.count({ where: { userId: student.id } })).toBe(0);
    expect(await db.promotionalToken.count({ where: { userId: student.id } })).toBe(0);
    expect(await db.tokenUsage.count({ where: { userId: student.id } })).toBe(0);
    expect(await db.notification.count({ where: { userId: student.id } })).toBe(0);
    expect(await db.refreshToken.count({ where: { userId: student.id } })).toBe(0);
    // The mentor's slot survives its student: studentId is SET NULL.
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).studentId).toBeNull();

    await db.user.delete({ where: { id: mentor.id } });
    expect(await db.slot.count({ where: { id: slot.id } })).toBe(0);
    expect(await db.mentorEarnings.count({ where: { userId: mentor.id } })).toBe(0);
  });

  it('sets the uploader of a recording to null, not the recording away', async () => {
    const mentor = await user('EXPERT');
    const uploader = await user();
    const slot = await db.slot.create({ data: { mentorId: mentor.id, startDateTime: new Date(), endDateTime: new Date(Date.now() + 3_600_000) } });
    const rec = await db.meetingRecording.create({ data: { slotId: slot.id, uploadedById: uploader.id, bucket: 'recordings', objectKey: `rec/${randomUUID()}.webm` } });
    await db.user.delete({ where: { id: uploader.id } });
    expect((await db.meetingRecording.findUniqueOrThrow({ where: { id: rec.id } })).uploadedById).toBeNull();
  });

  it('sets LeadActivityLog.performedBy to null when the salesperson is deleted, and cascades from the lead', async () => {
    const sales = await user('SALES');
    const lead = await db.rawLead.create({ data: { name: 'Lead', phone: `+9198${Date.now().toString().slice(-8)}`, sessionYear: '2026', sourceType: 'manual' } });
    const log = await db.leadActivityLog.create({ data: { rawLeadId: lead.id, performedBy: sales.id, activityType: 'created' } });
    await db.user.delete({ where: { id: sales.id } });
    expect((await db.leadActivityLog.findUniqueOrThrow({ where: { id: log.id } })).performedBy).toBeNull();
    await db.rawLead.delete({ where: { id: lead.id } });
    expect(await db.leadActivityLog.count({ where: { id: log.id } })).toBe(0);
  });

  it('sets Mas101PapWorkflow.batchId to null when the batch is deleted', async () => {
    const student = await user();
    const batch = await db.batch.create({ data: { code: `B-${randomUUID().slice(0, 8)}`, name: 'mas101' } });
    const application = await db.application.create({ data: { userId: student.id, batchId: batch.id, name: 'S', email: student.email } });
    const pap = await db.mas101PapWorkflow.create({ data: { applicationId: application.id, userId: student.id, batchId: batch.id } });
    await db.batch.delete({ where: { id: batch.id } });
    expect((await db.mas101PapWorkflow.findUniqueOrThrow({ where: { id: pap.id } })).batchId).toBeNull();
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).batchId).toBeNull();
  });

  it('allows dangling soft references (no FK on purpose)', async () => {
    const nowhere = randomUUID();
    const batch = await db.batch.create({ data: { code: `B-${randomUUID().slice(0, 8)}`, name: 'soft', courseId: nowhere } });
    expect(batch.courseId).toBe(nowhere);
    const u = await db.user.create({ data: { email: `${randomUUID()}@soft.test`, name: 'Soft', masBatch: nowhere } });
    expect(u.masBatch).toBe(nowhere);
    const app = await db.jobApplication.create({ data: { jobPostId: nowhere } });
    expect(app.jobPostId).toBe(nowhere);
  });

  it('refuses a negative wallet balance at the database', async () => {
    const u = await user();
    await expect(db.token.create({ data: { userId: u.id, balance: -1 } })).rejects.toThrow();
  });
});
