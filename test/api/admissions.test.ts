// Program admissions over the api: apply → submit → review → (paid) → allocate → enroll → deboard,
// with the course access each move grants or ends; illegal moves; discounts and who may decide
// them; batch capacity under concurrent allocation; batch token allotments granted once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '../../domain/application/status.js';
import { discountRequestLifecycle } from '../../domain/discount-request/status.js';
import { tokenAllotmentLifecycle } from '../../domain/token-allotment/status.js';
import type { Role } from '../../domain/auth/roles.js';
import * as enums from '../../prisma/generated/enums.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
let superadmin: Awaited<ReturnType<typeof createUser>>;
let sales: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  [admin, superadmin, sales] = await Promise.all([createUser(stack, 'ADMIN'), createUser(stack, 'SUPERADMIN'), createUser(stack, 'SALES')]);
});
afterAll(() => stack?.close());

interface View {
  id: string;
  status: string;
  feePaise: number;
  discountPaise: number;
  amountDuePaise: number;
  batchId: string;
  reviewedById?: string | null;
  batch: { id: string; code: string } | null;
}
interface Problem {
  detail: string;
  code: string;
}

const call = (token: string, method: string, path: string, body?: unknown) => stack.app.request(json(method, path, body, bearerHeader(token)));
const ok = async <T = View>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};
const user = (role: Role = 'USER') => createUser(stack, role);
const admit = (id: string, move: string, body: unknown = undefined, token = admin.accessToken) => call(token, 'POST', `/api/admin/applications/${id}/${move}`, body);

/** A batch teaching `courses` legacy courses: the first as its courseId, the rest assigned batch-wide. */
async function makeBatch(opts: { capacity?: number; feeRupees?: string; courses?: number; status?: 'UPCOMING' | 'ACTIVE' | 'COMPLETED'; deadline?: Date; batchLeadId?: string } = {}) {
  const courses = await Promise.all(
    Array.from({ length: opts.courses ?? 0 }, (_, i) => stack.db.course.create({ data: { slug: `adm-${randomUUID().slice(0, 8)}`, title: `Course ${i}`, status: 'PUBLISHED' } })),
  );
  const batch = await stack.db.batch.create({
    data: {
      code: `ADM-${randomUUID().slice(0, 8)}`,
      name: 'Analytics cohort',
      status: opts.status ?? 'UPCOMING',
      capacity: opts.capacity ?? null,
      enrollmentFee: opts.feeRupees ?? '2500.50',
      applicationDeadline: opts.deadline ?? null,
      courseId: courses[0]?.id ?? null,
      batchLeadId: opts.batchLeadId ?? null,
    },
  });
  for (const c of courses.slice(1)) await stack.db.courseAssignmentHistory.create({ data: { batchId: batch.id, courseId: c.id, action: 'ASSIGNED' } });
  return { batch, courseIds: courses.map((c) => c.id).sort() };
}

async function apply(token: string, batchId: string, extra: Record<string, unknown> = {}) {
  return ok(await call(token, 'POST', '/api/applications', { batchId, ...extra }), 201);
}

/** An application moved straight to `status` in the database (payment is another slice's). */
async function applicationIn(batchId: string, status: ApplicationStatus, feePaise = 250_050) {
  const s = await user();
  const app = await stack.db.application.create({ data: { userId: s.user.id, batchId, status, name: s.user.name, email: s.email, feePaise } });
  return { student: s, id: app.id };
}

describe('program admissions', () => {
  it('apply → submit → review → approve → paid → allocate → enroll gives the batch’s courses; deboard takes them away', async () => {
    const { batch, courseIds } = await makeBatch({ courses: 2 });
    const student = await user();
    const draft = await apply(student.accessToken, batch.id, { formData: { education: 'B.Com', years: 2 }, attribution: { utm_source: 'webinar' } });
    expect(draft).toMatchObject({ status: 'DRAFT', feePaise: 250_050, discountPaise: 0, amountDuePaise: 250_050, batchId: batch.id, batch: { id: batch.id, code: batch.code } });
    expect((await call(student.accessToken, 'POST', '/api/applications', { batchId: batch.id })).status).toBe(409);
    await ok(await call(student.accessToken, 'PATCH', `/api/applications/${draft.id}`, { formData: { education: 'M.Com' } }));
    await ok(await call(student.accessToken, 'POST', `/api/applications/${draft.id}/submit`));
    expect((await call(student.accessToken, 'PATCH', `/api/applications/${draft.id}`, { phone: '+919812345678' })).status).toBe(409);
    await ok(await admit(draft.id, 'start-review'));
    const approved = await ok(await admit(draft.id, 'approve'));
    expect(approved).toMatchObject({ status: 'APPROVED', reviewedById: admin.user.id });

    await stack.db.application.update({ where: { id: draft.id }, data: { status: 'PAID', amountPaidPaise: 250_050, paidAt: new Date() } });
    await ok(await admit(draft.id, 'allocate', {}));
    expect(await ok(await admit(draft.id, 'enroll'))).toMatchObject({ status: 'ENROLLED' });
    const enrolled = await stack.db.enrollment.findMany({ where: { userId: student.user.id }, orderBy: { courseId: 'asc' } });
    expect(enrolled.map((e) => e.courseId)).toEqual(courseIds);
    const assigned = await stack.db.courseAssignmentHistory.findMany({ where: { userId: student.user.id, action: 'ASSIGNED' } });
    expect(assigned).toHaveLength(2);
    expect(assigned[0]).toMatchObject({ batchId: batch.id, performedById: admin.user.id, reason: `enrolled via application ${draft.id}` });
    const mine = await ok<{ items: View[] }>(await call(student.accessToken, 'GET', '/api/applications'));
    expect(mine.items.map((a) => [a.id, a.status])).toEqual([[draft.id, 'ENROLLED']]);

    expect((await admit(draft.id, 'deboard', {})).status).toBe(400);
    expect(await ok(await admit(draft.id, 'deboard', { reason: 'left the program' }))).toMatchObject({ status: 'DEBOARDED' });
    expect(await stack.db.enrollment.count({ where: { userId: student.user.id } })).toBe(0);
    expect(await stack.db.courseAssignmentHistory.count({ where: { userId: student.user.id, action: 'UNASSIGNED' } })).toBe(2);
    // The application is over: the student may apply to the batch again.
    await apply(student.accessToken, batch.id);
  });

  it('refuses illegal moves with 409 naming both states, a rejection without a reason, and closed batches', async () => {
    const { batch } = await makeBatch();
    const student = await user();
    const draft = await apply(student.accessToken, batch.id);
    const early = await admit(draft.id, 'approve');
    expect(early.status).toBe(409);
    expect(((await early.json()) as Problem).detail).toMatch(/DRAFT.*APPROVED/);
    const paid = await applicationIn(batch.id, 'PAID');
    const enroll = await admit(paid.id, 'enroll');
    expect(enroll.status).toBe(409);
    expect(((await enroll.json()) as Problem).detail).toMatch(/PAID.*ENROLLED/);

    await ok(await call(student.accessToken, 'POST', `/api/applications/${draft.id}/submit`));
    await ok(await admit(draft.id, 'start-review'));
    expect((await admit(draft.id, 'start-review')).status).toBe(409);
    expect((await admit(draft.id, 'reject', {})).status).toBe(400);
    expect(await ok(await admit(draft.id, 'reject', { reason: 'no work experience' }))).toMatchObject({ status: 'REJECTED' });
    expect((await admit(draft.id, 'approve')).status).toBe(409);

    const closed = await makeBatch({ status: 'COMPLETED' });
    expect((await call(student.accessToken, 'POST', '/api/applications', { batchId: closed.batch.id })).status).toBe(422);
    const late = await makeBatch({ deadline: new Date(Date.now() - 60_000) });
    expect((await call(student.accessToken, 'POST', '/api/applications', { batchId: late.batch.id })).status).toBe(422);
  });

  it('a student cannot read, edit or submit another student’s application', async () => {
    const { batch } = await makeBatch();
    const [owner, other] = await Promise.all([user(), user()]);
    const app = await apply(owner.accessToken, batch.id);
    expect((await call(other.accessToken, 'GET', `/api/applications/${app.id}`)).status).toBe(404);
    expect((await call(other.accessToken, 'PATCH', `/api/applications/${app.id}`, { formData: { x: 1 } })).status).toBe(404);
    expect((await call(other.accessToken, 'POST', `/api/applications/${app.id}/submit`)).status).toBe(404);
    expect((await ok<{ items: View[] }>(await call(other.accessToken, 'GET', '/api/applications'))).items).toEqual([]);
    expect((await call(other.accessToken, 'GET', `/api/admin/applications/${app.id}`)).status).toBe(403);
    expect((await ok(await call(owner.accessToken, 'GET', `/api/applications/${app.id}`))).id).toBe(app.id);
  });
});

describe('discount requests', () => {
  it('change the amount due; the requester never decides; only sales or an active community manager asks; only before payment', async () => {
    const { batch } = await makeBatch();
    const { student, id } = await applicationIn(batch.id, 'SUBMITTED');
    const ask = (token: string, body: unknown, appId = id) => call(token, 'POST', `/api/admin/applications/${appId}/discount-requests`, body);
    const decide = (token: string, reqId: string, action: string, body: unknown = {}) => call(token, 'POST', `/api/admin/discount-requests/${reqId}/${action}`, body);

    expect((await ask(admin.accessToken, { discountPaise: 10_000, reason: 'scholarship' })).status).toBe(403);
    expect((await ask(student.accessToken, { discountPaise: 10_000, reason: 'please' })).status).toBe(403);
    expect((await ask(sales.accessToken, { discountPaise: 300_000, reason: 'too much' })).status).toBe(422);
    const first = await ok<{ id: string; status: string }>(await ask(sales.accessToken, { discountPaise: 50_000, reason: 'early bird' }), 201);
    expect((await ask(sales.accessToken, { discountPaise: 20_000, reason: 'again' })).status).toBe(409);
    expect((await decide(admin.accessToken, first.id, 'approve', { approvedDiscountPaise: 60_000 })).status).toBe(422);
    expect(await ok(await decide(superadmin.accessToken, first.id, 'approve', { approvedDiscountPaise: 40_000, decisionNote: 'capped' }))).toMatchObject({ status: 'APPROVED', approvedDiscountPaise: 40_000 });
    expect((await decide(admin.accessToken, first.id, 'approve')).status).toBe(409);
    expect(await ok(await call(student.accessToken, 'GET', `/api/applications/${id}`))).toMatchObject({ feePaise: 250_050, discountPaise: 40_000, amountDuePaise: 210_050 });

    // An ADMIN who is the batch's community manager may ask, but not decide their own request.
    const cm = await user('ADMIN');
    await stack.db.communityManagerAssignment.create({ data: { batchId: batch.id, communityManagerId: cm.user.id } });
    const second = await ok<{ id: string }>(await ask(cm.accessToken, { discountPaise: 60_000, reason: 'hardship' }), 201);
    expect((await decide(cm.accessToken, second.id, 'approve')).status).toBe(403);
    expect((await decide(cm.accessToken, second.id, 'reject', { decisionNote: 'mine' })).status).toBe(403);
    expect((await decide(admin.accessToken, second.id, 'reject', {})).status).toBe(400);
    expect(await ok(await decide(admin.accessToken, second.id, 'reject', { decisionNote: 'already discounted' }))).toMatchObject({ status: 'REJECTED' });
    await stack.db.communityManagerAssignment.updateMany({ where: { communityManagerId: cm.user.id }, data: { isActive: false } });
    expect((await ask(cm.accessToken, { discountPaise: 1_000, reason: 'inactive now' })).status).toBe(403);

    // Only the requester cancels; the list shows a requester their own.
    const third = await ok<{ id: string }>(await ask(sales.accessToken, { discountPaise: 10_000, reason: 'referral' }), 201);
    const otherSales = await user('SALES');
    expect((await decide(otherSales.accessToken, third.id, 'cancel')).status).toBe(404);
    expect((await decide(admin.accessToken, third.id, 'cancel')).status).toBe(403);
    expect(await ok(await decide(sales.accessToken, third.id, 'cancel'))).toMatchObject({ status: 'CANCELLED' });
    const listed = await ok<{ items: { id: string }[] }>(await call(sales.accessToken, 'GET', `/api/admin/discount-requests?applicationId=${id}`));
    expect(listed.items.map((r) => r.id)).toEqual([third.id, first.id]);

    // Past payment the discount is frozen, even for a request raised before.
    const pending = await ok<{ id: string }>(await ask(sales.accessToken, { discountPaise: 5_000, reason: 'late' }), 201);
    await stack.db.application.update({ where: { id }, data: { status: 'PAID' } });
    expect((await decide(admin.accessToken, pending.id, 'approve')).status).toBe(409);
    expect((await ask(otherSales.accessToken, { discountPaise: 5_000, reason: 'paid' })).status).toBe(409);
    expect((await stack.db.application.findUniqueOrThrow({ where: { id } })).discountPaise).toBe(40_000);
  });

  it('a full scholarship leaves nothing due: paying moves APPROVED → PAID at once with no order and no invoice', async () => {
    const { batch } = await makeBatch();
    const { student, id } = await applicationIn(batch.id, 'UNDER_REVIEW');
    const asked = await ok<{ id: string }>(await call(sales.accessToken, 'POST', `/api/admin/applications/${id}/discount-requests`, { discountPaise: 250_050, reason: 'Full scholarship' }), 201);
    await ok(await call(admin.accessToken, 'POST', `/api/admin/discount-requests/${asked.id}/approve`, {}));
    await ok(await admit(id, 'approve'));
    const pay = (again = false) => call(student.accessToken, 'POST', `/api/applications/${id}/payment`, again ? { name: 'Again' } : {});
    expect(await ok(await pay())).toEqual({ applicationId: id, status: 'PAID', globalPaymentId: null, workflowId: null, checkout: null });
    expect((await pay(true)).status).toBe(409);
    expect(await stack.db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'PAID', amountPaidPaise: 0 });
    expect(await stack.db.globalPayment.count({ where: { subjectId: id } })).toBe(0);
    await ok(await admit(id, 'allocate', {}));
  });
});

describe('batch capacity', () => {
  it('20 parallel allocations into a batch with 5 seats seat exactly 5; the rest are 409', async () => {
    const { batch } = await makeBatch({ capacity: 5, status: 'ACTIVE' });
    const apps = await Promise.all(Array.from({ length: 20 }, () => applicationIn(batch.id, 'PAID')));
    const res = await Promise.all(apps.map((a) => admit(a.id, 'allocate', {})));
    expect(res.filter((r) => r.status === 200)).toHaveLength(5);
    expect(res.filter((r) => r.status === 409)).toHaveLength(15);
    expect(await stack.db.application.count({ where: { batchId: batch.id, status: 'BATCH_ALLOCATED' } })).toBe(5);
  });
});

describe('token allotments', () => {
  it('the batch lead asks; of two concurrent SUPERADMIN approvals one grants each enrolled student once, the other is 409', async () => {
    const lead = await user('EXPERT');
    const { batch } = await makeBatch({ batchLeadId: lead.user.id });
    const [a, b] = await Promise.all([applicationIn(batch.id, 'ENROLLED'), applicationIn(batch.id, 'ENROLLED')]);
    const notYet = await applicationIn(batch.id, 'PAID');
    await stack.db.token.create({ data: { userId: a.student.user.id, balance: 5 } });
    await stack.db.promotionalToken.create({ data: { userId: a.student.user.id, balance: 2 } });

    const body = { batchId: batch.id, tokensPerStudent: 10, reason: 'mock interview week' };
    expect((await call(a.student.accessToken, 'POST', '/api/admin/token-allotments', body)).status).toBe(403);
    expect((await call(lead.accessToken, 'POST', '/api/admin/token-allotments', { ...body, tokensPerStudent: 1001 })).status).toBe(400);
    const req = await ok<{ id: string; status: string }>(await call(lead.accessToken, 'POST', '/api/admin/token-allotments', body), 201);
    expect(req.status).toBe('PENDING');
    expect((await call(admin.accessToken, 'POST', `/api/admin/token-allotments/${req.id}/approve`)).status).toBe(403);

    const res = await Promise.all([0, 1].map(() => call(superadmin.accessToken, 'POST', `/api/admin/token-allotments/${req.id}/approve`)));
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await res.find((r) => r.status === 200)!.json()).toMatchObject({ status: 'FULFILLED', studentsGranted: 2, tokensGranted: 20, decidedById: superadmin.user.id });
    const wallets = await stack.db.token.findMany({ where: { userId: { in: [a.student.user.id, b.student.user.id, notYet.student.user.id] } } });
    expect(Object.fromEntries(wallets.map((w) => [w.userId, w.balance]))).toEqual({ [a.student.user.id]: 15, [b.student.user.id]: 10 });
    const ledger = await stack.db.tokenUsage.findMany({ where: { idempotencyKey: { startsWith: `allotment:${req.id}:` } } });
    expect(ledger).toHaveLength(2);
    expect(ledger.find((l) => l.userId === a.student.user.id)).toMatchObject({ type: 'ALLOTMENT', amount: 10, paidAmount: 10, balanceAfter: 17, idempotencyKey: `allotment:${req.id}:${a.student.user.id}` });
    expect((await call(superadmin.accessToken, 'POST', `/api/admin/token-allotments/${req.id}/reject`)).status).toBe(409);
    const mine = await ok<{ items: { id: string }[] }>(await call(lead.accessToken, 'GET', '/api/admin/token-allotments'));
    expect(mine.items.map((r) => r.id)).toEqual([req.id]);
  });

  it('the request and allotment lifecycles mirror their Prisma enums', () => {
    expect([...discountRequestLifecycle.states].sort()).toEqual(Object.values(enums.DiscountRequestStatus).sort());
    expect([...tokenAllotmentLifecycle.states].sort()).toEqual(Object.values(enums.TokenAllotmentStatus).sort());
  });
});
