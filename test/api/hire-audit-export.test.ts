// The per-job audit CSV: it parses back (csv-parse) with one row per decision, every AI verdict
// and every recruiter override, candidates without decisions listed once; quoting survives
// commas, quotes and line breaks; formula-looking cells are neutralised; it streams in batches.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_COLUMNS, auditExport, csvCell } from '../../services/hire/audit-export.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { seedCandidate, seedJob } from '../support/hire-fixtures.js';
import { startTestStack, type TestStack } from '../support/stack.js';

type User = Awaited<ReturnType<typeof createUser>>;
let stack: TestStack;
let admin: User;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack?.close());

const get = (token: string, path: string, headers: Record<string, string> = {}) => stack.app.request(json('GET', path, undefined, { ...bearerHeader(token), ...headers }));
const records = (csv: string) => parse(csv, { columns: true, skip_empty_lines: true, record_delimiter: '\r\n' }) as Record<(typeof AUDIT_COLUMNS)[number], string>[];

describe('csvCell', () => {
  it('prefixes cells that a spreadsheet would run as a formula, and quotes per RFC 4180', () => {
    expect(['=1+2', '+91 98', '-2', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+2", "'+91 98", "'-2", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell(87.5)).toBe('87.5');
  });
});

describe('GET /api/hire/jobs/{id}/audit.csv', () => {
  it('lists every verdict and override once, candidates without decisions once, and parses back', async () => {
    const job = await seedJob(stack.db, { ownerId: admin.user.id, title: 'Senior Data Analyst (Pune)' });
    const ai = await seedCandidate(stack.db, {
      job,
      name: 'Riya Sharma',
      stage: 'scoring_complete',
      createdAgoSeconds: 30,
      decisions: [
        { kind: 'resume_parse', stage: 'resume_received', model: 'gpt-4o-mini', promptVersion: 'parse@3', inputHash: 'sha256:aa', agoSeconds: 300 },
        { kind: 'quiz_grade', stage: 'quiz_completed', score: 60, reasons: { q1: 'wrong', q2: 'right' }, model: 'grader', promptVersion: 'quiz@1', agoSeconds: 200 },
        { kind: 'scoring', stage: 'voice_interview_completed', score: 68.5, reasons: ['SQL strong', 'no "dbt", sadly'], model: 'gpt-4o', promptVersion: 'score@2', inputHash: 'sha256:bb', agoSeconds: 100 },
        { kind: 'override', stage: 'scoring_complete', actorType: 'recruiter', actorUserId: admin.user.id, note: 'Replaces scoring 68.5 → shortlist,\nportfolio is strong', agoSeconds: 50 },
      ],
    });
    const silent = await seedCandidate(stack.db, { job, name: 'New Applicant', stage: 'resume_received', createdAgoSeconds: 20 });
    const evil = await seedCandidate(stack.db, {
      job,
      name: '=HYPERLINK("http://evil.test","click")',
      email: `+cmd-${Date.now()}@evil.test`,
      stage: 'resume_parsed',
      createdAgoSeconds: 10,
      decisions: [{ kind: 'reject', actorType: 'recruiter', actorUserId: admin.user.id, note: '@SUM(1+1)', agoSeconds: 5 }, { kind: 'hold', actorType: 'recruiter', actorUserId: admin.user.id, note: '-2+3', agoSeconds: 4 }],
    });
    // Another job's decisions stay out.
    await seedCandidate(stack.db, { job: await seedJob(stack.db, { ownerId: admin.user.id }), decisions: [{ kind: 'scoring' }] });

    const res = await get(admin.accessToken, `/api/hire/jobs/${job.id}/audit.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="audit-senior-data-analyst-pune-${job.id}.csv"`);
    const csv = await res.text();
    expect(csv.split('\r\n')[0]).toBe(AUDIT_COLUMNS.join(','));
    const rows = records(csv);
    expect(rows.map((r) => [r.candidate_id, r.kind])).toEqual([
      [ai.id, 'resume_parse'],
      [ai.id, 'quiz_grade'],
      [ai.id, 'scoring'],
      [ai.id, 'override'],
      [silent.id, ''],
      [evil.id, 'reject'],
      [evil.id, 'hold'],
    ]);
    expect(rows[0]).toMatchObject({ name: 'Riya Sharma', stage: 'resume_received', actor_type: 'ai', model: 'gpt-4o-mini', prompt_version: 'parse@3', input_hash: 'sha256:aa', score: '', reasons: '', note: '', actor_user_id: '' });
    expect(rows[1]).toMatchObject({ stage: 'quiz_completed', score: '60', reasons: '{"q1":"wrong","q2":"right"}' });
    expect(JSON.parse(rows[2]!.reasons)).toEqual(['SQL strong', 'no "dbt", sadly']);
    expect(rows[2]).toMatchObject({ score: '68.5', model: 'gpt-4o', prompt_version: 'score@2', input_hash: 'sha256:bb' });
    expect(rows[3]).toMatchObject({ kind: 'override', actor_type: 'recruiter', actor_user_id: admin.user.id, note: 'Replaces scoring 68.5 → shortlist,\nportfolio is strong' });
    expect(new Date(rows[3]!.at).getTime()).toBeGreaterThan(new Date(rows[2]!.at).getTime());
    expect(rows[4]).toMatchObject({ name: 'New Applicant', stage: 'resume_received', kind: '', at: '' });
    expect(rows[5]).toMatchObject({ name: `'=HYPERLINK("http://evil.test","click")`, note: "'@SUM(1+1)" });
    expect(rows[5]!.email.startsWith("'+cmd-")).toBe(true);
    expect(rows[6]!.note).toBe("'-2+3");
    for (const r of rows) for (const v of Object.values(r)) expect(/^[=+\-@\t\r]/.test(v), v).toBe(false);
  });

  it('reads candidates in keyset batches and still lists each exactly once', async () => {
    const job = await seedJob(stack.db, { ownerId: admin.user.id });
    const ids: string[] = [];
    // Same createdAt for several: the id breaks the tie across batch edges.
    for (let i = 0; i < 7; i++) ids.push((await seedCandidate(stack.db, { job, createdAgoSeconds: 100 - Math.floor(i / 3), decisions: i % 2 ? [{ kind: 'scoring' }, { kind: 'advance', actorType: 'recruiter' }] : [] })).id);
    const { chunks } = await auditExport(stack.deps, { actor: { userId: admin.user.id, role: 'ADMIN' }, platform: 'mr-mentor' }, job.id, { batchSize: 2 });
    const parts: string[] = [];
    for await (const c of chunks) parts.push(c);
    expect(parts.length).toBe(1 + 4); // header, then four batches of at most two candidates
    const rows = records(parts.join(''));
    expect(rows.length).toBe(4 + 3 * 2);
    expect(new Set(rows.map((r) => r.candidate_id))).toEqual(new Set(ids));
    const expected = await stack.db.jobApplication.findMany({ where: { jobPostId: job.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
    expect([...new Set(rows.map((r) => r.candidate_id))]).toEqual(expected.map((e) => e.id));
  });

  it('is 404 for another recruiter or platform and 403 for other roles, before any CSV is written', async () => {
    const job = await seedJob(stack.db, { ownerId: admin.user.id });
    await seedCandidate(stack.db, { job, decisions: [{ kind: 'scoring' }] });
    const other = await createUser(stack, 'ADMIN');
    const superadmin = await createUser(stack, 'SUPERADMIN');
    const path = `/api/hire/jobs/${job.id}/audit.csv`;
    for (const [token, headers] of [[other.accessToken, {}], [superadmin.accessToken, { 'x-platform': 'my-analytics-school' }]] as const) {
      const res = await get(token, path, headers);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await get(superadmin.accessToken, path)).status).toBe(200);
    for (const role of ['USER', 'EXPERT', 'SALES'] as const) expect((await get((await createUser(stack, role)).accessToken, path)).status).toBe(403);
  });
});
