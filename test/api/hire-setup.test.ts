// The recruiter's Mr-Hire setup through the api: job templates (system and own), salary
// benchmarks (SUPERADMIN writes, lookup), AI screening defaults (one default per user), quiz
// templates (question schema, candidate preview without answers), versioned AI call prompts,
// and HR platform accounts (credentials encrypted at rest, never returned). BOLA on each.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCredentials } from '../../services/hire/platform-postings.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
type U = Awaited<ReturnType<typeof createUser>>;
let adminA: U;
let adminB: U;
let superadmin: U;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  [adminA, adminB, superadmin] = await Promise.all([createUser(stack, 'ADMIN'), createUser(stack, 'ADMIN'), createUser(stack, 'SUPERADMIN')]);
});
afterAll(() => stack.close());

type Problem = { code: string; errors?: { path: string; message: string }[] };
const tag = () => randomUUID().slice(0, 8);
const call = (user: U | null, method: string, path: string, body?: unknown) => stack.app.request(json(method, path, body, user ? bearerHeader(user.accessToken) : {}));
async function ok<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}
const paths = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.path) ?? [];

describe('job templates', () => {
  it('system templates are visible to every recruiter and changed only by a SUPERADMIN; own ones are private', async () => {
    const system = await ok<{ id: string; system: boolean }>(await call(superadmin, 'POST', '/api/hire/job-templates', { name: `System ${tag()}`, title: 'Data Analyst', system: true, skills: ['SQL'] }), 201);
    expect(system.system).toBe(true);
    expect((await call(adminA, 'POST', '/api/hire/job-templates', { name: 'x', title: 'y', system: true })).status).toBe(403);
    const own = await ok<{ id: string; userId: string }>(await call(adminA, 'POST', '/api/hire/job-templates', { name: `Mine ${tag()}`, title: 'BA', salaryMin: 100, salaryMax: 200, roles: ['BA'] }), 201);
    expect(own.userId).toBe(adminA.user.id);

    const listB = await ok<{ items: { id: string }[] }>(await call(adminB, 'GET', '/api/hire/job-templates?limit=100'));
    expect(listB.items.map((t) => t.id)).toContain(system.id);
    expect(listB.items.map((t) => t.id)).not.toContain(own.id);
    expect((await call(adminB, 'GET', `/api/hire/job-templates/${system.id}`)).status).toBe(200);
    expect((await call(adminB, 'PATCH', `/api/hire/job-templates/${system.id}`, { name: 'hijack' })).status).toBe(403);
    expect((await call(adminB, 'DELETE', `/api/hire/job-templates/${system.id}`)).status).toBe(403);
    for (const [method, body] of [['GET'], ['PATCH', { name: 'hijack' }], ['DELETE']] as const) {
      expect((await call(adminB, method, `/api/hire/job-templates/${own.id}`, body)).status, method).toBe(404);
    }
    const badBand = await call(adminA, 'PATCH', `/api/hire/job-templates/${own.id}`, { salaryMin: 500 });
    expect(badBand.status).toBe(400);
    expect(await paths(badBand)).toContain('json.salaryMin');
    expect((await call(adminA, 'PATCH', `/api/hire/job-templates/${own.id}`, { name: 'Renamed' })).status).toBe(200);
    expect((await call(superadmin, 'PATCH', `/api/hire/job-templates/${own.id}`, { name: 'By superadmin' })).status).toBe(200);
    expect((await call(adminA, 'DELETE', `/api/hire/job-templates/${own.id}`)).status).toBe(204);
  });
});

describe('salary benchmarks', () => {
  it('a SUPERADMIN writes them, recruiters read and look them up (local first, else India)', async () => {
    const role = `Data Analyst ${tag()}`;
    const body = { role, location: 'India', experienceMinYears: 0, experienceMaxYears: 2, salaryMin: 300_000, salaryMedian: 450_000, salaryMax: 600_000, asOf: '2026-10-01' };
    expect((await call(adminA, 'POST', '/api/hire/salary-benchmarks', body)).status).toBe(403);
    const india = await ok<{ id: string }>(await call(superadmin, 'POST', '/api/hire/salary-benchmarks', body), 201);
    expect((await call(superadmin, 'POST', '/api/hire/salary-benchmarks', body)).status).toBe(409);
    const local = await ok<{ id: string }>(await call(superadmin, 'POST', '/api/hire/salary-benchmarks', { ...body, location: 'Bengaluru', salaryMedian: 500_000 }), 201);
    const bad = await call(superadmin, 'POST', '/api/hire/salary-benchmarks', { ...body, location: 'Pune', salaryMedian: 700_000 });
    expect(bad.status).toBe(400);
    expect(await paths(bad)).toContain('json.salaryMedian');

    const q = (qs: string) => call(adminA, 'GET', `/api/hire/salary-benchmarks/lookup?role=${encodeURIComponent(role.toUpperCase())}&${qs}`);
    expect((await ok<{ benchmark: { id: string } }>(await q('location=bengaluru&experienceYears=1'))).benchmark.id).toBe(local.id);
    expect((await ok<{ benchmark: { id: string } }>(await q('location=Pune&experienceYears=1'))).benchmark.id).toBe(india.id);
    expect((await ok<{ benchmark: null }>(await q('experienceYears=9'))).benchmark).toBeNull();
    expect((await q('experienceYears=-1')).status).toBe(400);

    const list = await ok<{ items: { id: string }[] }>(await call(adminB, 'GET', `/api/hire/salary-benchmarks?role=${encodeURIComponent(role)}`));
    expect(list.items.map((b) => b.id).sort()).toEqual([india.id, local.id].sort());
    expect((await call(adminA, 'PATCH', `/api/hire/salary-benchmarks/${local.id}`, { salaryMax: 900_000 })).status).toBe(403);
    expect((await call(superadmin, 'PATCH', `/api/hire/salary-benchmarks/${local.id}`, { salaryMax: 900_000 })).status).toBe(200);
    expect((await call(superadmin, 'DELETE', `/api/hire/salary-benchmarks/${local.id}`)).status).toBe(204);
    expect((await call(superadmin, 'DELETE', `/api/hire/salary-benchmarks/${local.id}`)).status).toBe(404);
  });
});

describe('AI screening configs', () => {
  it('keep one default per user, and are private to their owner (a SUPERADMIN reaches them)', async () => {
    const recruiter = await createUser(stack, 'ADMIN');
    const first = await ok<{ id: string }>(await call(recruiter, 'POST', '/api/hire/ai-screening-configs', { name: 'First', isDefault: true, criteria: { skills: 0.6, experience: 0.4 } }), 201);
    const second = await ok<{ id: string }>(await call(recruiter, 'POST', '/api/hire/ai-screening-configs', { name: 'Second', isDefault: true }), 201);
    const defaults = async () => (await stack.db.aiScreeningConfig.findMany({ where: { userId: recruiter.user.id, isDefault: true } })).map((c) => c.id);
    expect(await defaults()).toEqual([second.id]);
    await Promise.all([first.id, second.id].map((id) => call(recruiter, 'PATCH', `/api/hire/ai-screening-configs/${id}`, { isDefault: true })));
    expect(await defaults()).toHaveLength(1);

    const bad = await call(recruiter, 'POST', '/api/hire/ai-screening-configs', { passThreshold: 120, criteria: { skills: 2 } });
    expect(bad.status).toBe(400);
    expect(await paths(bad)).toEqual(expect.arrayContaining(['json.passThreshold', 'json.criteria.skills']));

    for (const [method, body] of [['GET'], ['PATCH', { name: 'x' }], ['DELETE']] as const) {
      expect((await call(adminB, method, `/api/hire/ai-screening-configs/${first.id}`, body)).status, method).toBe(404);
    }
    expect((await ok<{ items: unknown[] }>(await call(adminB, 'GET', '/api/hire/ai-screening-configs'))).items).toEqual([]);
    expect((await call(superadmin, 'GET', `/api/hire/ai-screening-configs/${first.id}`)).status).toBe(200);
    expect((await call(recruiter, 'DELETE', `/api/hire/ai-screening-configs/${first.id}`)).status).toBe(204);
  });
});

describe('quiz templates', () => {
  const questions = [
    { id: 'q1', question: 'Which clause filters groups?', type: 'single_choice', options: ['WHERE', 'HAVING', 'ORDER BY'], correct: [1], points: 5 },
    { id: 'q2', question: 'Which are aggregate functions?', type: 'multiple_choice', options: ['SUM', 'LOWER', 'COUNT'], correct: [0, 2], points: 10 },
  ];

  it('validate the questions, and the preview never includes the answers', async () => {
    const created = await ok<{ id: string; maxPoints: number; questions: { correct: number[] }[] }>(await call(adminA, 'POST', '/api/hire/quiz-templates', { name: `SQL ${tag()}`, questions, passPercentage: 60 }), 201);
    expect(created.maxPoints).toBe(15);
    expect(created.questions[1]!.correct).toEqual([0, 2]);
    const preview = await call(adminA, 'GET', `/api/hire/quiz-templates/${created.id}/preview`);
    const text = await preview.clone().text();
    expect(preview.status).toBe(200);
    expect(text).not.toContain('correct');
    expect(((await preview.json()) as { questions: unknown[] }).questions).toHaveLength(2);

    const bad: [unknown, string][] = [
      [[{ ...questions[0], correct: [0, 1] }], 'json.questions.0.correct'],
      [[{ ...questions[0], correct: [3] }], 'json.questions.0.correct.0'],
      [[{ ...questions[0], options: ['only one'] }], 'json.questions.0.options'],
      [[{ ...questions[0], points: 0 }], 'json.questions.0.points'],
      [[{ ...questions[0], id: 'x'.repeat(41) }], 'json.questions.0.id'],
      [[questions[0], { ...questions[1], id: 'q1' }], 'json.questions.1.id'],
      [[], 'json.questions'],
      [Array.from({ length: 51 }, (_, i) => ({ ...questions[0], id: `q${i}` })), 'json.questions'],
    ];
    for (const [qs, path] of bad) {
      const res = await call(adminA, 'POST', '/api/hire/quiz-templates', { name: 'Bad', questions: qs });
      expect(res.status, path).toBe(400);
      expect(await paths(res), path).toContain(path);
    }
  });

  it('are reachable by their author, a SUPERADMIN, and (system ones) by everyone', async () => {
    const own = await ok<{ id: string }>(await call(adminA, 'POST', '/api/hire/quiz-templates', { name: `Own ${tag()}`, questions }), 201);
    const system = await ok<{ id: string; system: boolean }>(await call(superadmin, 'POST', '/api/hire/quiz-templates', { name: `Sys ${tag()}`, questions, system: true }), 201);
    expect(system.system).toBe(true);
    for (const [method, path, body] of [['GET', ''], ['GET', '/preview'], ['PATCH', '', { name: 'x' }], ['DELETE', '']] as const) {
      expect((await call(adminB, method, `/api/hire/quiz-templates/${own.id}${path}`, body)).status, `${method}${path}`).toBe(404);
    }
    expect((await call(adminB, 'GET', `/api/hire/quiz-templates/${system.id}`)).status).toBe(200);
    expect((await call(adminB, 'PATCH', `/api/hire/quiz-templates/${system.id}`, { name: 'x' })).status).toBe(403);
    expect((await call(adminB, 'DELETE', `/api/hire/quiz-templates/${system.id}`)).status).toBe(403);
    expect((await stack.db.quizTemplate.findUniqueOrThrow({ where: { id: system.id } })).name).toMatch(/^Sys /);
    expect((await call(superadmin, 'PATCH', `/api/hire/quiz-templates/${own.id}`, { isActive: false })).status).toBe(200);
    const active = await ok<{ items: { id: string }[] }>(await call(adminA, 'GET', '/api/hire/quiz-templates?active=false&limit=100'));
    expect(active.items.map((t) => t.id)).toContain(own.id);
  });
});

describe('AI call prompts', () => {
  it('an edit writes version + 1; the list shows latest versions; an old version cannot be edited', async () => {
    const name = `screening-${tag()}`;
    const v1 = await ok<{ id: string; version: number }>(await call(adminA, 'POST', '/api/hire/ai-call-prompts', { name, purpose: 'candidate_screening', systemPrompt: 'You are Aarya.', variables: ['candidateName'] }), 201);
    expect(v1.version).toBe(1);
    expect((await call(adminB, 'POST', '/api/hire/ai-call-prompts', { name, purpose: 'x', systemPrompt: 'y' })).status).toBe(409);
    const v2 = await ok<{ id: string; version: number; systemPrompt: string; variables: string[] }>(await call(adminB, 'PATCH', `/api/hire/ai-call-prompts/${v1.id}`, { systemPrompt: 'You are Aarya, v2.' }), 201);
    expect(v2).toMatchObject({ version: 2, systemPrompt: 'You are Aarya, v2.', variables: ['candidateName'] });
    expect(v2.id).not.toBe(v1.id);
    expect((await stack.db.aiCallPrompt.findUniqueOrThrow({ where: { id: v1.id } })).isActive).toBe(false);
    expect((await call(adminA, 'PATCH', `/api/hire/ai-call-prompts/${v1.id}`, { systemPrompt: 'stale' })).status).toBe(409);

    const racers = await Promise.all(['a', 'b'].map((s) => call(adminA, 'PATCH', `/api/hire/ai-call-prompts/${v2.id}`, { systemPrompt: s })));
    expect(racers.map((r) => r.status).sort()).toEqual([201, 409]);

    const latest = await ok<{ items: { name: string; version: number }[] }>(await call(adminA, 'GET', '/api/hire/ai-call-prompts?purpose=candidate_screening&limit=100'));
    expect(latest.items.filter((p) => p.name === name)).toEqual([expect.objectContaining({ version: 3 })]);
    const versions = await ok<{ items: { version: number }[] }>(await call(adminA, 'GET', `/api/hire/ai-call-prompts/${v1.id}/versions`));
    expect(versions.items.map((v) => v.version)).toEqual([3, 2, 1]);
    expect((await call(adminA, 'POST', '/api/hire/ai-call-prompts', { name: `p-${tag()}`, purpose: 'x', systemPrompt: 'y', variables: ['bad name'] })).status).toBe(400);
  });
});

describe('HR platform accounts', () => {
  it('store credentials encrypted, never return them, and are private to their owner', async () => {
    const secret = `tok_${randomUUID()}`;
    const res = await call(adminA, 'POST', '/api/hire/platform-accounts', { platform: 'my-analytics-school', externalAccountId: `org-${tag()}`, credentials: { accessToken: secret } });
    const text = await res.clone().text();
    const account = await ok<{ id: string; hasCredentials: boolean }>(res, 201);
    expect(account.hasCredentials).toBe(true);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('encryptedCredentials');

    const row = await stack.db.hrPlatformAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.encryptedCredentials).toMatch(/^v1:/);
    expect(row.encryptedCredentials).not.toContain(secret);
    expect(openCredentials(stack.deps, row)).toEqual({ accessToken: secret });
    // Bound to its row: the same ciphertext on another account does not open.
    expect(() => openCredentials(stack.deps, { ...row, externalAccountId: 'someone-else' })).toThrow();

    for (const path of [`/api/hire/platform-accounts/${account.id}`, '/api/hire/platform-accounts']) {
      const got = await call(adminA, 'GET', path);
      expect(got.status).toBe(200);
      expect(await got.text()).not.toContain(secret);
    }
    const rotated = `tok_${randomUUID()}`;
    expect((await call(adminA, 'PATCH', `/api/hire/platform-accounts/${account.id}`, { credentials: { accessToken: rotated } })).status).toBe(200);
    expect(openCredentials(stack.deps, await stack.db.hrPlatformAccount.findUniqueOrThrow({ where: { id: account.id } }))).toEqual({ accessToken: rotated });

    for (const [method, body] of [['GET'], ['PATCH', { displayName: 'x' }], ['DELETE']] as const) {
      expect((await call(adminB, method, `/api/hire/platform-accounts/${account.id}`, body)).status, method).toBe(404);
    }
    expect((await call(superadmin, 'GET', `/api/hire/platform-accounts/${account.id}`)).status).toBe(200);
    expect((await call(adminA, 'POST', '/api/hire/platform-accounts', { platform: 'nowhere', externalAccountId: 'x' })).status).toBe(422);
    expect((await call(adminA, 'DELETE', `/api/hire/platform-accounts/${account.id}`)).status).toBe(204);
  });
});
