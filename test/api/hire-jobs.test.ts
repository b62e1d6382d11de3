// Mr-Hire job posts through the api: recruiter CRUD with validation, the lifecycle (every legal
// and illegal move, concurrent moves), the screening config, external postings, platform
// scoping and BOLA (another recruiter's job is a 404; a SUPERADMIN reaches it), and the public
// job pages.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { transitionJob } from '../../services/hire/job-posts.js';
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

type Job = { id: string; title: string; status: string; belongsTo: string | null; postedOn: string | null; publishedAt: string | null; closedAt: string | null; salaryMin: number | null; salaryMax: number | null; benchmark?: unknown };
type Problem = { status: number; code: string; errors?: { path: string; message: string }[] };

const OTHER = 'my-analytics-school';
const tag = () => randomUUID().slice(0, 8);
const future = (days = 30) => new Date(Date.now() + days * 86_400_000).toISOString();
const call = (user: U | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  stack.app.request(json(method, path, body, { ...(user ? bearerHeader(user.accessToken) : {}), ...headers }));

const validJob = (extra: Record<string, unknown> = {}) => ({
  title: `Data Analyst ${tag()}`,
  roles: [{ title: 'Data Analyst', skills: ['SQL'], responsibilities: ['Dashboards'] }],
  skills: ['SQL', 'Python'],
  location: 'Bengaluru',
  employmentType: 'full_time',
  workMode: 'hybrid',
  experienceMinYears: 1,
  experienceMaxYears: 4,
  salaryMin: 600_000,
  salaryMax: 1_200_000,
  openings: 2,
  applicationDeadline: future(),
  ...extra,
});

async function newJob(user: U, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Job> {
  const res = await call(user, 'POST', '/api/hire/jobs', validJob(extra), headers);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Job;
}
const setStatus = (id: string, status: 'draft' | 'active' | 'paused' | 'closed') => stack.db.jobPost.update({ where: { id }, data: { status } });

describe('job post CRUD', () => {
  it('creates a draft owned by the actor on the request platform, with a screening config', async () => {
    const job = await newJob(adminA);
    expect(job).toMatchObject({ status: 'draft', belongsTo: adminA.user.id, postedOn: 'mr-mentor', salaryMin: 600_000, salaryMax: 1_200_000, publishedAt: null });
    const other = await newJob(adminA, {}, { 'x-platform': OTHER });
    expect(other.postedOn).toBe(OTHER);
    expect(await stack.db.jobScreeningConfig.count({ where: { jobPostId: job.id, isActive: true } })).toBe(1);
  });

  it('starts the screening config from the recruiter’s default AI screening config', async () => {
    const recruiter = await createUser(stack, 'ADMIN');
    const res = await call(recruiter, 'POST', '/api/hire/ai-screening-configs', { name: 'Strict', isDefault: true, passThreshold: 82, mustHaveSkills: ['SQL'], minExperienceYears: 2 });
    expect(res.status).toBe(201);
    const job = await newJob(recruiter);
    const config = await call(recruiter, 'GET', `/api/hire/jobs/${job.id}/screening-config`);
    expect(config.status).toBe(200);
    expect(await config.json()).toMatchObject({ passThreshold: 82, mustHaveSkills: ['SQL'], minExperienceYears: 2 });
  });

  it('refuses invalid bodies with 400 and the field paths', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ salaryMin: 900_000, salaryMax: 100_000 }, 'json.salaryMin'],
      [{ experienceMinYears: 5, experienceMaxYears: 2 }, 'json.experienceMinYears'],
      [{ skills: Array.from({ length: 51 }, (_, i) => `s${i}`) }, 'json.skills'],
      [{ openings: 0 }, 'json.openings'],
      [{ salaryMin: 1000.5 }, 'json.salaryMin'],
      [{ applicationDeadline: new Date(Date.now() - 60_000).toISOString() }, 'json.applicationDeadline'],
      [{ title: '' }, 'json.title'],
      [{ roles: [] }, 'json.roles'],
      [{ roles: [{ title: 'x', unknown: 1 }] }, 'json.roles.0'],
      [{ employmentType: 'gig' }, 'json.employmentType'],
      [{ belongsTo: randomUUID() }, 'json'],
    ];
    for (const [extra, path] of cases) {
      const res = await call(adminA, 'POST', '/api/hire/jobs', validJob(extra));
      expect(res.status, JSON.stringify(extra)).toBe(400);
      const problem = (await res.json()) as Problem;
      expect(problem.errors?.map((e) => e.path).some((p) => p.startsWith(path)), `${JSON.stringify(extra)} → ${JSON.stringify(problem.errors)}`).toBe(true);
    }
  });

  it('lists by status in cursor pages, newest first, only in scope', async () => {
    const recruiter = await createUser(stack, 'ADMIN');
    const jobs = [];
    for (let i = 0; i < 3; i++) jobs.push(await newJob(recruiter));
    await setStatus(jobs[1]!.id, 'active');
    await newJob(adminB);
    const first = await call(recruiter, 'GET', '/api/hire/jobs?limit=2');
    const page1 = (await first.json()) as { items: Job[]; nextCursor: string | null };
    expect(page1.items.map((j) => j.id)).toEqual([jobs[2]!.id, jobs[1]!.id]);
    const page2 = (await (await call(recruiter, 'GET', `/api/hire/jobs?limit=2&cursor=${page1.nextCursor}`)).json()) as { items: Job[]; nextCursor: string | null };
    expect(page2).toEqual({ items: [expect.objectContaining({ id: jobs[0]!.id })], nextCursor: null });
    const active = (await (await call(recruiter, 'GET', '/api/hire/jobs?status=active')).json()) as { items: Job[] };
    expect(active.items.map((j) => j.id)).toEqual([jobs[1]!.id]);
    expect((await call(recruiter, 'GET', '/api/hire/jobs?status=open')).status).toBe(400);
  });

  it('patches editable fields, checks bands against the stored post, refuses a closed post', async () => {
    const job = await newJob(adminA);
    const res = await call(adminA, 'PATCH', `/api/hire/jobs/${job.id}`, { title: 'Senior Analyst', salaryMax: 1_500_000, description: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ title: 'Senior Analyst', salaryMax: 1_500_000, salaryMin: 600_000 });
    const bad = await call(adminA, 'PATCH', `/api/hire/jobs/${job.id}`, { salaryMin: 2_000_000 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors).toContainEqual(expect.objectContaining({ path: 'json.salaryMin' }));
    expect((await call(adminA, 'PATCH', `/api/hire/jobs/${job.id}`, {})).status).toBe(400);
    expect((await call(adminA, 'PATCH', `/api/hire/jobs/${job.id}`, { status: 'active' })).status).toBe(400);
    await setStatus(job.id, 'closed');
    expect((await call(adminA, 'PATCH', `/api/hire/jobs/${job.id}`, { title: 'Nope' })).status).toBe(409);
  });

  it('deletes only a draft', async () => {
    const draft = await newJob(adminA);
    expect((await call(adminA, 'DELETE', `/api/hire/jobs/${draft.id}`)).status).toBe(204);
    expect((await call(adminA, 'GET', `/api/hire/jobs/${draft.id}`)).status).toBe(404);
    const live = await newJob(adminA);
    await setStatus(live.id, 'active');
    const res = await call(adminA, 'DELETE', `/api/hire/jobs/${live.id}`);
    expect(res.status).toBe(409);
    expect(await stack.db.jobPost.count({ where: { id: live.id } })).toBe(1);
  });

  it('shows the matching salary benchmark on a single read', async () => {
    const role = `Analyst ${tag()}`;
    await stack.db.salaryBenchmark.create({ data: { role, location: 'India', experienceMinYears: 0, experienceMaxYears: 3, salaryMin: 400_000, salaryMedian: 600_000, salaryMax: 900_000, asOf: new Date('2026-10-01') } });
    const job = await newJob(adminA, { title: role, location: 'Pune', experienceMinYears: 2 });
    const got = (await (await call(adminA, 'GET', `/api/hire/jobs/${job.id}`)).json()) as Job;
    expect(got.benchmark).toMatchObject({ role, location: 'India', salaryMedian: 600_000 });
    const none = await newJob(adminA, { title: `Nothing ${tag()}` });
    expect(((await (await call(adminA, 'GET', `/api/hire/jobs/${none.id}`)).json()) as Job).benchmark).toBeNull();
  });
});

describe('job lifecycle', () => {
  const STATES = ['draft', 'active', 'paused', 'closed'] as const;
  const ACTIONS = { publish: 'active', pause: 'paused', resume: 'active', close: 'closed' } as const;
  const LEGAL: Record<(typeof STATES)[number], (keyof typeof ACTIONS)[]> = { draft: ['publish', 'close'], active: ['pause', 'close'], paused: ['resume', 'close'], closed: [] };

  it('allows exactly the legal moves; an illegal one is 409 and changes nothing', async () => {
    for (const from of STATES) {
      for (const action of Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]) {
        const job = await newJob(adminA);
        if (from !== 'draft') await setStatus(job.id, from);
        const before = await stack.db.jobPost.findUniqueOrThrow({ where: { id: job.id } });
        const res = await call(adminA, 'POST', `/api/hire/jobs/${job.id}/${action}`);
        const after = await stack.db.jobPost.findUniqueOrThrow({ where: { id: job.id } });
        if (LEGAL[from].includes(action)) {
          expect(res.status, `${from} ${action}`).toBe(200);
          expect(after.status).toBe(ACTIONS[action]);
          if (action === 'publish') expect(after.publishedAt).not.toBeNull();
          if (action === 'close') expect(after.closedAt).not.toBeNull();
        } else {
          expect(res.status, `${from} ${action}`).toBe(409);
          expect(((await res.json()) as Problem).code).toBe('ILLEGAL_TRANSITION');
          expect(after).toEqual(before);
        }
      }
    }
  });

  it('a concurrent publish and close over HTTP end consistently (one 409, or publish then close)', async () => {
    for (let i = 0; i < 3; i++) {
      const job = await newJob(adminA);
      const [p, c] = await Promise.all([call(adminA, 'POST', `/api/hire/jobs/${job.id}/publish`), call(adminA, 'POST', `/api/hire/jobs/${job.id}/close`)]);
      const after = await stack.db.jobPost.findUniqueOrThrow({ where: { id: job.id } });
      if (p.status === 200 && c.status === 200) {
        // Serialised: the close read the published job.
        expect(after.status).toBe('closed');
        expect(after.publishedAt!.getTime()).toBeLessThanOrEqual(after.closedAt!.getTime());
      } else {
        expect([p.status, c.status].sort()).toEqual([200, 409]);
        expect(after.status).toBe(p.status === 200 ? 'active' : 'closed');
      }
    }
  });

  it('of a publish and a close that both read the draft, exactly one wins and the other is 409', async () => {
    const job = await newJob(adminA);
    // Hold every read of the job until both transitions have read it: a true race.
    let reads = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((r) => (release = r));
    const jobPost = new Proxy(stack.db.jobPost, {
      get(target, key) {
        if (key === 'findFirst') {
          return async (args: Parameters<typeof target.findFirst>[0]) => {
            const row = await target.findFirst(args);
            if (++reads === 2) release();
            await bothRead;
            return row;
          };
        }
        const v = Reflect.get(target, key) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const db = new Proxy(stack.db, { get: (target, key) => (key === 'jobPost' ? jobPost : Reflect.get(target, key)) });
    const deps = { db, logger: stack.deps.logger, temporal: stack.deps.temporal, config: stack.deps.config };
    const scope = { actor: { userId: adminA.user.id, role: 'ADMIN' as const }, platform: 'mr-mentor' };
    const results = await Promise.allSettled([transitionJob(deps, scope, job.id, 'publish'), transitionJob(deps, scope, job.id, 'close')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(DomainError);
    expect((lost[0]!.reason as DomainError).code).toBe('CONFLICT');
    const after = await stack.db.jobPost.findUniqueOrThrow({ where: { id: job.id } });
    expect(after.status).toBe(results[0]!.status === 'fulfilled' ? 'active' : 'closed');
  });

  it('keeps the first publishedAt when a paused job resumes', async () => {
    const job = await newJob(adminA);
    const published = (await (await call(adminA, 'POST', `/api/hire/jobs/${job.id}/publish`)).json()) as Job;
    await call(adminA, 'POST', `/api/hire/jobs/${job.id}/pause`);
    const resumed = (await (await call(adminA, 'POST', `/api/hire/jobs/${job.id}/resume`)).json()) as Job;
    expect(resumed).toMatchObject({ status: 'active', publishedAt: published.publishedAt });
  });
});

describe('scope: platform and ownership', () => {
  const routes = (id: string): [string, string, unknown?][] => [
    ['GET', `/api/hire/jobs/${id}`],
    ['PATCH', `/api/hire/jobs/${id}`, { title: 'Taken over' }],
    ['DELETE', `/api/hire/jobs/${id}`],
    ['POST', `/api/hire/jobs/${id}/publish`],
    ['POST', `/api/hire/jobs/${id}/pause`],
    ['POST', `/api/hire/jobs/${id}/resume`],
    ['POST', `/api/hire/jobs/${id}/close`],
    ['GET', `/api/hire/jobs/${id}/screening-config`],
    ['PUT', `/api/hire/jobs/${id}/screening-config`, { outreachEnabled: true, quizEnabled: false, voiceInterviewEnabled: false, passThreshold: 50 }],
    ['GET', `/api/hire/jobs/${id}/postings`],
    ['POST', `/api/hire/jobs/${id}/postings`, { platform: 'mr-mentor' }],
  ];

  it('a job on another platform is 404 on every route, even for its owner and a SUPERADMIN', async () => {
    const job = await newJob(adminA, {}, { 'x-platform': OTHER });
    for (const user of [adminA, superadmin]) {
      for (const [method, path, body] of routes(job.id)) {
        const res = await call(user, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(404);
      }
    }
    const list = (await (await call(superadmin, 'GET', '/api/hire/jobs?limit=100')).json()) as { items: Job[] };
    expect(list.items.every((j) => j.postedOn === 'mr-mentor')).toBe(true);
    const there = await call(adminA, 'GET', `/api/hire/jobs/${job.id}`, undefined, { 'x-platform': OTHER });
    expect(there.status).toBe(200);
    expect(await stack.db.jobPost.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'draft', title: job.title });
  });

  it('ADMIN B cannot read or change ADMIN A’s job (404); a SUPERADMIN can', async () => {
    const job = await newJob(adminA);
    for (const [method, path, body] of routes(job.id)) {
      const res = await call(adminB, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect(await stack.db.jobPost.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'draft', title: job.title });
    expect(((await (await call(adminB, 'GET', '/api/hire/jobs?limit=100')).json()) as { items: Job[] }).items.map((j) => j.id)).not.toContain(job.id);
    expect((await call(superadmin, 'GET', `/api/hire/jobs/${job.id}`)).status).toBe(200);
    expect((await call(superadmin, 'PATCH', `/api/hire/jobs/${job.id}`, { title: 'Edited by superadmin' })).status).toBe(200);
    expect((await call(superadmin, 'POST', `/api/hire/jobs/${job.id}/publish`)).status).toBe(200);
  });

  it('refuses non-recruiters and anonymous callers', async () => {
    const sales = await createUser(stack, 'SALES');
    expect((await call(sales, 'GET', '/api/hire/jobs')).status).toBe(403);
    expect((await call(null, 'POST', '/api/hire/jobs', validJob())).status).toBe(401);
  });
});

describe('public job pages', () => {
  it('list only active, unexpired jobs of the request platform, without owner details', async () => {
    const t = tag();
    const mk = async (status: 'draft' | 'active' | 'paused' | 'closed', headers: Record<string, string> = {}) => {
      const job = await newJob(adminA, { title: `Open role ${t} ${status}` }, headers);
      if (status !== 'draft') await setStatus(job.id, status);
      return job;
    };
    const active = await mk('active');
    const hidden = [await mk('draft'), await mk('paused'), await mk('closed')];
    const elsewhere = await mk('active', { 'x-platform': OTHER });
    const expired = await newJob(adminA, { title: `Open role ${t} expired` });
    await stack.db.jobPost.update({ where: { id: expired.id }, data: { status: 'active', applicationDeadline: new Date(Date.now() - 1000) } });

    const res = await call(null, 'GET', `/api/jobs?q=${encodeURIComponent(`Open role ${t}`)}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: Record<string, unknown>[] };
    expect(page.items.map((j) => j.id)).toEqual([active.id]);
    expect(page.items[0]).not.toHaveProperty('belongsTo');
    expect(page.items[0]).not.toHaveProperty('status');
    const there = (await (await call(null, 'GET', `/api/jobs?q=${encodeURIComponent(`Open role ${t}`)}`, undefined, { 'x-platform': OTHER })).json()) as { items: { id: string }[] };
    expect(there.items.map((j) => j.id)).toEqual([elsewhere.id]);

    const one = await call(null, 'GET', `/api/jobs/${active.id}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: active.id, title: active.title });
    for (const job of hidden) expect((await call(null, 'GET', `/api/jobs/${job.id}`)).status, job.title).toBe(404);
    expect((await call(null, 'GET', `/api/jobs/${elsewhere.id}`, undefined, { 'x-platform': OTHER })).status).toBe(200);
    expect((await call(null, 'GET', `/api/jobs/${elsewhere.id}`)).status).toBe(404);
    expect((await call(null, 'GET', `/api/jobs/${expired.id}`)).status).toBe(404);
    expect((await call(null, 'GET', `/api/jobs/${randomUUID()}`)).status).toBe(404);
    expect((await call(null, 'GET', '/api/jobs/not-a-uuid')).status).toBe(400);
  });
});

describe('screening config', () => {
  const body = (extra: Record<string, unknown> = {}) => ({ outreachEnabled: true, quizEnabled: false, voiceInterviewEnabled: false, passThreshold: 65, ...extra });

  async function quiz(user: U, isActive = true) {
    const res = await call(user, 'POST', '/api/hire/quiz-templates', {
      name: `Quiz ${tag()}`,
      isActive,
      questions: [{ id: 'q1', question: 'SELECT?', type: 'single_choice', options: ['a', 'b'], correct: [0], points: 5 }],
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  it('PUT replaces the active config; the stages, SLAs and quiz link are validated', async () => {
    const job = await newJob(adminA);
    const quizId = await quiz(adminA);
    const put = await call(adminA, 'PUT', `/api/hire/jobs/${job.id}/screening-config`, body({
      quizEnabled: true,
      quizTemplateId: quizId,
      voiceInterviewEnabled: true,
      voiceInterviewQuestions: ['Walk me through a dashboard you built'],
      stageSlaHours: { resume_received: 24, quiz_invited: 72 },
      voiceMaxAttempts: 3,
    }));
    expect(put.status, await put.clone().text()).toBe(200);
    expect(await put.json()).toMatchObject({ quizTemplateId: quizId, stageSlaHours: { resume_received: 24, quiz_invited: 72 }, voiceMaxAttempts: 3, passThreshold: 65 });
    expect(await stack.db.jobScreeningConfig.count({ where: { jobPostId: job.id, isActive: true } })).toBe(1);
    expect(await stack.db.jobScreeningConfig.count({ where: { jobPostId: job.id } })).toBe(2);

    const bad: [Record<string, unknown>, string, number][] = [
      [{ stageSlaHours: { resume_received: 0 } }, 'json.stageSlaHours.resume_received', 400],
      [{ stageSlaHours: { resume_received: 721 } }, 'json.stageSlaHours.resume_received', 400],
      [{ stageSlaHours: { lunch: 5 } }, 'json.stageSlaHours', 400],
      [{ passThreshold: 101 }, 'json.passThreshold', 400],
      [{ voiceMaxAttempts: 6 }, 'json.voiceMaxAttempts', 400],
      [{ quizEnabled: true }, 'json.quizTemplateId', 400],
      [{ voiceInterviewEnabled: true }, 'json.voiceInterviewQuestions', 400],
      [{ quizEnabled: true, quizTemplateId: randomUUID() }, 'json.quizTemplateId', 422],
      [{ quizEnabled: true, quizTemplateId: await quiz(adminA, false) }, 'json.quizTemplateId', 422],
      [{ quizEnabled: true, quizTemplateId: await quiz(adminB) }, 'json.quizTemplateId', 422],
    ];
    for (const [extra, path, status] of bad) {
      const res = await call(adminA, 'PUT', `/api/hire/jobs/${job.id}/screening-config`, body(extra));
      expect(res.status, JSON.stringify(extra)).toBe(status);
      expect(((await res.json()) as Problem).errors?.map((e) => e.path).some((p) => p.startsWith(path)), JSON.stringify(extra)).toBe(true);
    }
    expect(await stack.db.jobScreeningConfig.count({ where: { jobPostId: job.id } })).toBe(2);
  });

  it('concurrent PUTs leave one active config', async () => {
    const job = await newJob(adminA);
    const results = await Promise.all([50, 60, 70, 80].map((passThreshold) => call(adminA, 'PUT', `/api/hire/jobs/${job.id}/screening-config`, body({ passThreshold }))));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await stack.db.jobScreeningConfig.count({ where: { jobPostId: job.id, isActive: true } })).toBe(1);
  });
});

describe('external postings', () => {
  it('records a posting and enforces its status moves', async () => {
    const job = await newJob(adminA);
    const created = await call(adminA, 'POST', `/api/hire/jobs/${job.id}/postings`, { platform: OTHER });
    expect(created.status).toBe(201);
    const posting = (await created.json()) as { id: string; status: string; platform: string };
    expect(posting).toMatchObject({ status: 'pending', platform: OTHER });
    const at = `/api/hire/jobs/${job.id}/postings/${posting.id}`;
    const noId = await call(adminA, 'PATCH', at, { status: 'posted' });
    expect(noId.status).toBe(400);
    const posted = await call(adminA, 'PATCH', at, { status: 'posted', externalPostingId: `ext-${tag()}`, externalUrl: 'https://jobs.example/1' });
    expect(posted.status).toBe(200);
    expect(await posted.json()).toMatchObject({ status: 'posted', postedAt: expect.any(String) });
    expect((await call(adminA, 'PATCH', at, { status: 'pending' })).status).toBe(409);
    expect((await call(adminA, 'PATCH', at, { status: 'removed' })).status).toBe(200);
    expect((await call(adminA, 'PATCH', at, { status: 'pending' })).status).toBe(409);
    expect((await call(adminA, 'PATCH', at, { externalUrl: 'https://jobs.example/2' })).status).toBe(409);
    const list = (await (await call(adminA, 'GET', `/api/hire/jobs/${job.id}/postings`)).json()) as { items: { id: string; status: string }[] };
    expect(list.items).toEqual([expect.objectContaining({ id: posting.id, status: 'removed' })]);
    expect((await call(adminA, 'POST', `/api/hire/jobs/${job.id}/postings`, { platform: 'nowhere' })).status).toBe(422);
    expect((await call(adminB, 'PATCH', at, { status: 'failed' })).status).toBe(404);
  });
});
