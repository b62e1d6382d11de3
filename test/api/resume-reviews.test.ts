// Resume reviews: a student uploads a resume and spends resume tokens (tokens.resumeToken) on a
// request, charged once even when the request is sent in parallel; a mentor picks it up (one of
// two racing mentors wins), reviews it and writes feedback; a cancel refunds once. Another
// student or mentor never sees someone else's request (404); every ledger row is in token_usage.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const PDF = new TextEncoder().encode('%PDF-1.4 a resume\n%%EOF');
type User = Awaited<ReturnType<typeof createUser>>;

async function student(resumeTokens: number) {
  const s = await createUser(stack, 'USER');
  await stack.db.token.create({ data: { userId: s.user.id, balance: 5, resumeBalance: resumeTokens } });
  return s;
}
const wallet = async (s: User) => (await stack.db.token.findUniqueOrThrow({ where: { userId: s.user.id } })).resumeBalance;

async function uploaded(s: User): Promise<string> {
  const up = await call(s.accessToken, 'POST', '/api/resume-reviews/uploads', { contentType: 'application/pdf', sizeBytes: PDF.length });
  expect(up.status).toBe(201);
  expect((await fetch(up.body.upload.url, { method: 'PUT', body: PDF, headers: { 'content-type': 'application/pdf' } })).status).toBe(200);
  return up.body.key as string;
}

async function requested(s: User) {
  const res = await call(s.accessToken, 'POST', '/api/resume-reviews', { resumeS3Key: await uploaded(s), resumeFileName: 'asha.pdf', targetRole: 'Data Analyst' });
  expect(res.status).toBe(201);
  return res.body.review.id as string;
}

describe('resume reviews', () => {
  it('a request spends a resume token once, on the ledger; a repeat for the same upload is not charged', async () => {
    const s = await student(2);
    const key = await uploaded(s);
    const first = await call(s.accessToken, 'POST', '/api/resume-reviews', { resumeS3Key: key, resumeFileName: 'asha.pdf', targetRole: 'Data Analyst', userNotes: 'Fresher' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, review: { status: 'pending', userId: s.user.id, resumeTokensSpent: 1, reviewerId: null } });
    expect(await wallet(s)).toBe(1);
    const ledger = await stack.db.tokenUsage.findMany({ where: { userId: s.user.id } });
    expect(ledger).toEqual([expect.objectContaining({ type: 'RESUME_REVIEW', amount: -1, balanceAfter: 1, idempotencyKey: `resume-review:${first.body.review.id}` })]);

    const again = await call(s.accessToken, 'POST', '/api/resume-reviews', { resumeS3Key: key });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, review: { id: first.body.review.id } });
    expect(await wallet(s)).toBe(1);

    const mine = await call(s.accessToken, 'GET', '/api/resume-reviews/mine');
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([first.body.review.id]);
  });

  it('parallel requests for one upload charge once and answer the same request', async () => {
    const s = await student(3);
    const key = await uploaded(s);
    const answers = await Promise.all(Array.from({ length: 4 }, () => call(s.accessToken, 'POST', '/api/resume-reviews', { resumeS3Key: key })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.review.id)).size).toBe(1);
    expect(await wallet(s)).toBe(2);
    expect(await stack.db.tokenUsage.count({ where: { userId: s.user.id, type: 'RESUME_REVIEW' } })).toBe(1);
  });

  it('refuses: no tokens (402), another student’s or a missing upload (422), bad input (400), other roles (403)', async () => {
    const s = await student(0);
    const key = await uploaded(s);
    const broke = await call(s.accessToken, 'POST', '/api/resume-reviews', { resumeS3Key: key });
    expect(broke.status).toBe(402);
    expect(broke.body.code).toBe('INSUFFICIENT_TOKENS');
    expect(await stack.db.resumeReviewRequest.count({ where: { userId: s.user.id } })).toBe(0);

    const rich = await student(5);
    expect((await call(rich.accessToken, 'POST', '/api/resume-reviews', { resumeS3Key: key })).status).toBe(422);
    expect((await call(rich.accessToken, 'POST', '/api/resume-reviews', { resumeS3Key: `resume-reviews/${rich.user.id}/never.pdf` })).status).toBe(422);
    expect(await wallet(rich)).toBe(5);
    expect((await call(rich.accessToken, 'POST', '/api/resume-reviews', {})).status).toBe(400);
    expect((await call(rich.accessToken, 'POST', '/api/resume-reviews', { resumeS3Key: '../etc/passwd' })).status).toBe(400);
    expect((await call(rich.accessToken, 'POST', '/api/resume-reviews/uploads', { contentType: 'image/png', sizeBytes: 10 })).status).toBe(400);
    expect((await call(rich.accessToken, 'POST', '/api/resume-reviews/uploads', { contentType: 'application/pdf', sizeBytes: 6 * 1024 * 1024 })).status).toBe(400);
    const mentor = await createUser(stack, 'EXPERT');
    expect((await call(mentor.accessToken, 'POST', '/api/resume-reviews', { resumeS3Key: key })).status).toBe(403);
    expect((await call(rich.accessToken, 'GET', '/api/resume-reviews/queue')).status).toBe(403);
  });

  it('a mentor picks it up (one of two racing wins), reviews it and the student reads the feedback; others get 404', async () => {
    const s = await student(1);
    const id = await requested(s);
    const [m1, m2] = [await createUser(stack, 'EXPERT'), await createUser(stack, 'EXPERT')];
    const otherStudent = await student(1);

    // Waiting: any mentor sees it in the queue; another student does not see it at all.
    const queue = await call(m1.accessToken, 'GET', '/api/resume-reviews/queue?limit=100');
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(id);
    expect((await call(otherStudent.accessToken, 'GET', `/api/resume-reviews/${id}`)).status).toBe(404);
    expect((await call(otherStudent.accessToken, 'POST', `/api/resume-reviews/${id}/cancel`)).status).toBe(404);
    expect((await call(otherStudent.accessToken, 'GET', `/api/resume-reviews/${id}/resume`)).status).toBe(404);

    const claims = await Promise.all([m1, m2].map((m) => call(m.accessToken, 'POST', `/api/resume-reviews/${id}/claim`)));
    expect(claims.filter((c) => c.status === 200)).toHaveLength(1);
    expect([404, 409]).toContain(claims.find((c) => c.status !== 200)!.status);
    const winner = claims[0]!.status === 200 ? m1 : m2;
    const loser = winner === m1 ? m2 : m1;
    expect(claims.find((c) => c.status === 200)!.body).toMatchObject({ status: 'assigned', reviewerId: winner.user.id });
    expect((await call(loser.accessToken, 'GET', `/api/resume-reviews/${id}`)).status).toBe(404);
    expect((await call(loser.accessToken, 'POST', `/api/resume-reviews/${id}/start`)).status).toBe(404);
    expect((await call(s.accessToken, 'POST', `/api/resume-reviews/${id}/claim`)).status).toBe(403);

    // The reviewer downloads the resume, starts, uploads the annotated copy and completes.
    const dl = await call(winner.accessToken, 'GET', `/api/resume-reviews/${id}/resume`);
    expect(new Uint8Array(await (await fetch(dl.body.url)).arrayBuffer())).toEqual(PDF);
    expect((await call(winner.accessToken, 'POST', `/api/resume-reviews/${id}/complete`, { feedback: 'Too early' })).status).toBe(409);
    expect((await call(winner.accessToken, 'POST', `/api/resume-reviews/${id}/start`)).body.status).toBe('in_review');
    expect((await call(s.accessToken, 'POST', `/api/resume-reviews/${id}/cancel`)).status).toBe(409);
    const up = await call(winner.accessToken, 'POST', `/api/resume-reviews/${id}/reviewed-uploads`, { contentType: 'application/pdf', sizeBytes: PDF.length });
    expect((await fetch(up.body.upload.url, { method: 'PUT', body: PDF, headers: { 'content-type': 'application/pdf' } })).status).toBe(200);
    expect((await call(winner.accessToken, 'POST', `/api/resume-reviews/${id}/complete`, { feedback: 'x', reviewedS3Key: `resume-reviews/reviewed/${randomUUID()}/a.pdf` })).status).toBe(422);
    expect((await call(winner.accessToken, 'POST', `/api/resume-reviews/${id}/complete`, {})).status).toBe(400);
    expect((await call(winner.accessToken, 'POST', `/api/resume-reviews/${id}/complete`, { feedback: 'x', feedbackData: { ratings: { experience: 9 } } })).status).toBe(400);
    const done = await call(winner.accessToken, 'POST', `/api/resume-reviews/${id}/complete`, { feedback: 'Quantify your impact.', feedbackData: { ratings: { experience: 3, skills: 4 }, suggestions: ['Lead with numbers'], overall: 4 }, reviewedS3Key: up.body.key });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', feedback: 'Quantify your impact.', reviewedS3Key: up.body.key });
    expect(done.body.completedAt).not.toBeNull();

    const read = await call(s.accessToken, 'GET', `/api/resume-reviews/${id}`);
    expect(read.body).toMatchObject({ status: 'completed', feedbackData: { ratings: { experience: 3 }, overall: 4 } });
    expect((await call(s.accessToken, 'GET', `/api/resume-reviews/${id}/reviewed`)).status).toBe(200);
    expect((await call(winner.accessToken, 'GET', '/api/resume-reviews/assigned?status=completed')).body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await call(s.accessToken, 'POST', `/api/resume-reviews/${id}/cancel`)).status).toBe(409);
    expect(await wallet(s)).toBe(0);
  });

  it('a cancel refunds once: the student before review starts, staff while in review; a released request goes back to the queue', async () => {
    const s = await student(2);
    const id = await requested(s);
    const mentor = await createUser(stack, 'EXPERT');
    expect((await call(mentor.accessToken, 'POST', `/api/resume-reviews/${id}/claim`)).status).toBe(200);
    expect((await call(mentor.accessToken, 'POST', `/api/resume-reviews/${id}/release`)).body).toMatchObject({ status: 'pending', reviewerId: null });
    expect((await call(mentor.accessToken, 'POST', `/api/resume-reviews/${id}/claim`)).status).toBe(200);

    const cancels = await Promise.all([1, 2, 3].map(() => call(s.accessToken, 'POST', `/api/resume-reviews/${id}/cancel`)));
    expect(cancels.map((c) => c.status).sort()).toEqual([200, 409, 409]);
    expect(await wallet(s)).toBe(2);
    const rows = await stack.db.tokenUsage.findMany({ where: { userId: s.user.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.amount, r.idempotencyKey])).toEqual([
      [-1, `resume-review:${id}`],
      [1, `resume-review-refund:${id}`],
    ]);

    const second = await requested(s);
    await call(mentor.accessToken, 'POST', `/api/resume-reviews/${second}/claim`);
    await call(mentor.accessToken, 'POST', `/api/resume-reviews/${second}/start`);
    const admin = await createUser(stack, 'ADMIN');
    const staffCancel = await call(admin.accessToken, 'POST', `/api/resume-reviews/${second}/cancel`);
    expect(staffCancel.body.status).toBe('cancelled');
    expect(await wallet(s)).toBe(2);
    const all = await call(admin.accessToken, 'GET', `/api/admin/resume-reviews?userId=${s.user.id}&status=cancelled`);
    expect(all.body.items.map((r: { id: string }) => r.id)).toEqual([second, id]);
    expect((await call(s.accessToken, 'GET', '/api/admin/resume-reviews')).status).toBe(403);
  });

  it('the price comes from system config tokens.resumeToken', async () => {
    await stack.db.systemConfig.upsert({ where: { key: 'tokens.resumeToken' }, create: { key: 'tokens.resumeToken', value: 2 }, update: { value: 2 } });
    try {
      const s = await student(3);
      const res = await call(s.accessToken, 'POST', '/api/resume-reviews', { resumeS3Key: await uploaded(s) });
      expect(res.body.review.resumeTokensSpent).toBe(2);
      expect(await wallet(s)).toBe(1);
      expect((await call(s.accessToken, 'POST', '/api/resume-reviews', { resumeS3Key: await uploaded(s) })).status).toBe(402);
      expect((await call(s.accessToken, 'POST', `/api/resume-reviews/${res.body.review.id}/cancel`)).status).toBe(200);
      expect(await wallet(s)).toBe(3);
    } finally {
      await stack.db.systemConfig.deleteMany({ where: { key: 'tokens.resumeToken' } });
    }
  });

  it('staff grant resume tokens once per reference, even in parallel; the student can then request; others are refused', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const s = await createUser(stack, 'USER'); // no wallet row yet: the grant makes it
    const path = `/api/admin/users/${s.user.id}/resume-tokens`;
    const body = { amount: 2, reason: 'Support ticket: review voucher', reference: `ticket-${randomUUID().slice(0, 8)}` };
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(admin.accessToken, 'POST', path, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    for (const a of answers) expect(a.body).toMatchObject({ userId: s.user.id, amount: 2, resumeBalance: 2, reference: body.reference });
    expect(await wallet(s)).toBe(2);
    expect(await stack.db.tokenUsage.findMany({ where: { userId: s.user.id } })).toEqual([expect.objectContaining({ type: 'ADMIN_ADJUSTMENT', amount: 2, balanceAfter: 2, idempotencyKey: `resume-grant:${s.user.id}:${body.reference}` })]);
    // A new reference is a new grant.
    expect((await call(admin.accessToken, 'POST', path, { ...body, reference: `${body.reference}-b`, amount: 1 })).body).toMatchObject({ created: true, resumeBalance: 3 });
    await requested(s);
    expect(await wallet(s)).toBe(2);

    const other = await createUser(stack, 'USER');
    expect((await call(other.accessToken, 'POST', path, body)).status).toBe(403);
    expect((await call((await createUser(stack, 'EXPERT')).accessToken, 'POST', path, body)).status).toBe(403);
    expect((await call(admin.accessToken, 'POST', `/api/admin/users/${randomUUID()}/resume-tokens`, body)).status).toBe(404);
    for (const bad of [{ ...body, amount: 0 }, { ...body, amount: 1.5 }, { ...body, reference: 'has space' }, { ...body, reason: '' }, { ...body, extra: 1 }]) {
      const res = await call(admin.accessToken, 'POST', path, bad);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    }
    const gone = await createUser(stack, 'USER', { isActive: false });
    expect((await call(admin.accessToken, 'POST', `/api/admin/users/${gone.user.id}/resume-tokens`, body)).status).toBe(422);
    expect(await wallet(s)).toBe(2);
  });
});
