// The offline migrate tool against the run's real database.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { createPrisma, type Db } from '../../infra/prisma.js';
import { QuizQuestions } from '../../domain/hire/quiz-questions.js';
import { DEMO, seed } from '../../prisma/seed/index.js';
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

  it('seeds a coherent demo world, idempotently, printing the vendor key only once', async () => {
    const lines: string[] = [];
    await seed(db, (l) => lines.push(l));
    const snapshot = async () => ({
      gst: await db.gstStateCode.count(),
      sac: await db.hsnSacMaster.findMany({ select: { code: true, gstRatePercent: true, updatedAt: true }, orderBy: { code: 'asc' } }),
      platforms: await db.platform.count({ where: { key: { in: ['mr-mentor', 'my-analytics-school'] } } }),
      users: await db.user.findMany({ where: { id: { in: Object.values(DEMO).flat().filter((v): v is string => typeof v === 'string') } }, select: { id: true, updatedAt: true }, orderBy: { id: 'asc' } }),
      leads: await db.rawLead.count({ where: { id: { in: [...DEMO.leadIds] } } }),
      workflowVersions: await db.crmWorkflowVersion.count({ where: { workflowId: DEMO.workflowId } }),
      vendorKeys: await db.vendorApiKey.count({ where: { name: 'Demo lead vendor', scopes: { has: 'leads:write' } } }),
      wallets: await db.token.count({ where: { userId: { in: [DEMO.studentId, DEMO.secondStudentId] } } }),
      learners: await db.application.findMany({ where: { id: { in: [...DEMO.learnerApplicationIds] } }, select: { status: true, batchId: true, user: { select: { email: true } } }, orderBy: { id: 'asc' } }),
      pap: await db.mas101PapWorkflow.findUnique({ where: { id: DEMO.papWorkflowId }, select: { status: true, updatedAt: true } }),
      hiring: {
        jobs: await db.jobPost.findMany({ where: { id: { in: [...DEMO.jobPostIds] } }, select: { postedOn: true, status: true, updatedAt: true }, orderBy: { id: 'asc' } }),
        activeConfigs: await db.jobScreeningConfig.count({ where: { jobPostId: { in: [...DEMO.jobPostIds] }, isActive: true, quizTemplateId: DEMO.quizTemplateId } }),
        quiz: await db.quizTemplate.findUnique({ where: { id: DEMO.quizTemplateId }, select: { questions: true, updatedAt: true } }),
        systemTemplates: await db.jobTemplate.count({ where: { id: DEMO.jobTemplateId, userId: null } }),
        benchmarks: await db.salaryBenchmark.findMany({ where: { id: { in: [...DEMO.salaryBenchmarkIds] } }, select: { role: true }, orderBy: { role: 'asc' } }),
        prompts: await db.aiCallPrompt.count({ where: { id: DEMO.aiCallPromptId, version: 1 } }),
      },
    });
    const before = await snapshot();
    const again = await seed(db);
    expect(again.vendorKey).toBeNull();
    expect(await snapshot()).toEqual(before);
    expect(before.gst).toBeGreaterThanOrEqual(38);
    expect(before.sac.find((c) => c.code === '999293')?.gstRatePercent.toString()).toBe('18');
    expect(before.platforms).toBe(2);
    expect(before.users.length).toBeGreaterThanOrEqual(12);
    // The batch's Mr Learn learners: as the dev simulator serves them, all taking crs_0001.
    expect(before.learners).toHaveLength(3);
    for (const a of before.learners) expect(a).toMatchObject({ status: 'ENROLLED', batchId: DEMO.batchId, user: { email: expect.stringMatching(/^[a-z]+\.[a-z]+\.\d+@learners\.example$/) } });
    expect(lines.some((l) => l.includes(before.learners[0]!.user.email))).toBe(true);
    expect(before).toMatchObject({ leads: 4, workflowVersions: 1, vendorKeys: 1, wallets: 2, pap: { status: 'PENDING_MOU_DETAILS' } });
    expect(before.hiring).toMatchObject({
      jobs: [{ postedOn: 'mr-mentor', status: 'active' }, { postedOn: 'mr-mentor', status: 'active' }],
      activeConfigs: 2,
      systemTemplates: 1,
      benchmarks: [{ role: 'Business Analyst' }, { role: 'Data Analyst' }],
      prompts: 1,
    });
    expect(QuizQuestions.parse(before.hiring.quiz?.questions)).toHaveLength(5);
  });
});
