// The PAP agreement after enrolment, through REST with a real worker: the offer letter through a
// presigned PUT and the placement report (student or staff), a rejected verification back to
// ENROLLED, the verified CTC on the template's terms (15%) split into two instalments, each paid
// through the one payment workflow (Razorpay simulator) with its GST invoice; the first paid late
// after its overdue reminder, the second early; the run ends COMPLETED. A write-off ends another
// agreement with its open instalments. Illegal steps are 409 and change nothing; BOLA is 404.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { planCollection } from '../../services/pap/collection.js';
import { startPap } from '../../services/pap/pap.js';
import { MasState } from '../../workflows/search-attributes.js';
import { apiCaller, createUser } from '../support/auth.js';
import { batchWithCourse } from '../support/fixtures.js';
import { papAwaitingApproval } from '../support/pap-flow.js';
import { until } from '../support/poll.js';
import { startTestStack, TEST_RAZORPAY, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  stack = await startTestStack({ config: { razorpay: { ...TEST_RAZORPAY, purchaseTimeoutSeconds: 6 } } });
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

/** An ENROLLED pay-after-placement agreement whose instalment reminders fire on the due moment, 1.5 s after it, and a minute after (escalation). */
async function enrolledPap(studentToken: string, studentId: string, batchId: string) {
  const { papId } = await papAwaitingApproval(stack, { student: studentToken, admin: admin.accessToken }, batchId, {
    start: async (appId) => (await startPap(stack.deps, { userId: studentId, role: 'USER' }, appId, { collectionReminderOffsetsMs: [0, 1_500, 60_000] })).id,
  });
  expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${papId}/approve`)).body).toMatchObject({ status: 'ENROLLED' });
  return papId;
}

/** Uploads an offer letter through the presigned PUT (as the student or staff); answers its key. */
async function uploadOfferLetter(token: string, papId: string) {
  const bytes = new TextEncoder().encode('%PDF-1.4\n% offer letter\n');
  const url = await call(token, 'POST', `/api/pap/${papId}/offer-letter/upload-url`, { contentType: 'application/pdf', sizeBytes: bytes.length });
  expect(url.status, JSON.stringify(url.body)).toBe(200);
  expect((await fetch(url.body.upload.url, { method: 'PUT', headers: url.body.upload.headers, body: bytes })).status).toBe(200);
  return url.body.key as string;
}

/** Pays instalment `seq` through checkout and the Razorpay simulator; answers the payment run's outcome. */
async function payInstalment(token: string, papId: string, seq: number) {
  const pay = await call(token, 'POST', `/api/pap/${papId}/instalments/${seq}/payment`, {});
  expect(pay.status, JSON.stringify(pay.body)).toBe(201);
  const again = await call(token, 'POST', `/api/pap/${papId}/instalments/${seq}/payment`, {});
  expect(again.body.checkout.order_id).toBe(pay.body.checkout.order_id);
  const paid = stack.razorpaySim.pay(pay.body.checkout.order_id, { outcome: 'captured' });
  const verify = await call(token, 'POST', `/api/pap/${papId}/instalments/${seq}/payment/verify`, { razorpay_order_id: pay.body.checkout.order_id, razorpay_payment_id: paid.razorpay_payment_id, razorpay_signature: paid.razorpay_signature });
  expect(verify.status).toBe(200);
  const outcome = await stack.temporal.workflow.getHandle(pay.body.workflowId).result();
  return { ...outcome, workflowId: pay.body.workflowId as string, globalPaymentId: pay.body.globalPaymentId as string, amount: pay.body.checkout.amount as number };
}

describe('PAP placement and collection', () => {
  it('placement (rejected, reported again by staff) → verified on the 15% terms → two instalments, one paid late after a reminder → COMPLETED', async () => {
    const { batch } = await batchWithCourse(stack.db, 5, 'PAPC');
    const student = await createUser(stack, 'USER');
    const other = await createUser(stack, 'USER');
    const papId = await enrolledPap(student.accessToken, student.user.id, batch.id);

    // Before a placement: nothing to verify, pay or download.
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${papId}/placement/verify`, { decision: 'approve' })).status).toBe(409);
    expect((await call(student.accessToken, 'POST', `/api/pap/${papId}/instalments/1/payment`, {})).status).toBe(404);
    expect((await call(student.accessToken, 'GET', `/api/pap/${papId}/offer-letter`)).status).toBe(404);
    expect((await call(student.accessToken, 'POST', `/api/admin/pap/${papId}/write-off`, { reason: 'no' })).status).toBe(403);

    // Step 5: the student reports the placement with an uploaded offer letter.
    const key = await uploadOfferLetter(student.accessToken, papId);
    const offer = { company: 'Acme Analytics', role: 'Data Analyst', ctcPaise: 65_000_000, joiningDate: '2027-01-04' };
    expect((await call(student.accessToken, 'POST', `/api/pap/${papId}/placement`, { ...offer, offerLetterKey: 'pap/other/offer-letter/x.pdf' })).status).toBe(409);
    expect((await call(student.accessToken, 'POST', `/api/pap/${papId}/placement`, { ...offer, offerLetterKey: `pap/${papId}/offer-letter/never.pdf` })).status).toBe(422);
    expect((await call(student.accessToken, 'POST', `/api/pap/${papId}/placement`, { ...offer, ctcPaise: -1, offerLetterKey: key })).status).toBe(400);
    expect((await call(other.accessToken, 'POST', `/api/pap/${papId}/placement`, { ...offer, offerLetterKey: key })).status).toBe(404);
    expect((await call(other.accessToken, 'POST', `/api/pap/${papId}/offer-letter/upload-url`, { contentType: 'application/pdf', sizeBytes: 10 })).status).toBe(404);
    const reported = await call(student.accessToken, 'POST', `/api/pap/${papId}/placement`, { ...offer, offerLetterKey: key });
    expect(reported.body).toMatchObject({ status: 'PLACEMENT_UNDER_REVIEW', placement: { company: 'Acme Analytics', ctcPaise: 65_000_000, reportedById: student.user.id, verifiedAt: null }, live: { status: 'PLACEMENT_UNDER_REVIEW' } });
    expect((await call(student.accessToken, 'POST', `/api/pap/${papId}/placement`, { ...offer, offerLetterKey: key })).status).toBe(409);
    expect((await call(other.accessToken, 'GET', `/api/pap/${papId}/offer-letter`)).status).toBe(404);
    expect((await call(admin.accessToken, 'GET', `/api/pap/${papId}/offer-letter`)).status).toBe(200);

    // Step 6: a rejection needs a reason and goes back to ENROLLED; staff report it again.
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${papId}/placement/verify`, { decision: 'reject' })).status).toBe(409);
    const rejected = await call(admin.accessToken, 'POST', `/api/admin/pap/${papId}/placement/verify`, { decision: 'reject', notes: 'The offer letter is unsigned' });
    expect(rejected.body).toMatchObject({ status: 'ENROLLED', live: { rejection: 'The offer letter is unsigned' } });
    const staffKey = await uploadOfferLetter(admin.accessToken, papId);
    expect((await call(admin.accessToken, 'POST', `/api/pap/${papId}/placement`, { ...offer, offerLetterKey: staffKey })).body).toMatchObject({ status: 'PLACEMENT_UNDER_REVIEW', placement: { reportedById: admin.user.id } });

    // Verified at a CTC of Rs. 6 lakh: 15% is Rs. 90,000 in two instalments, the first due in 2.5 s, the second in 30 days.
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${papId}/placement/verify`, { decision: 'approve', instalments: 2, firstDueAt: '2020-01-01T00:00:00Z' })).status).toBe(400);
    const firstDueAt = new Date(Date.now() + 2_500).toISOString();
    const verified = await call(admin.accessToken, 'POST', `/api/admin/pap/${papId}/placement/verify`, { decision: 'approve', verifiedCtcPaise: 60_000_000, instalments: 2, firstDueAt, intervalDays: 30 });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect(verified.body).toMatchObject({
      status: 'PAYMENT_COLLECTION_PENDING',
      placement: { ctcPaise: 65_000_000, verifiedCtcPaise: 60_000_000, verifiedAt: expect.any(String) },
      collection: { amountPaise: 9_000_000, paidPaise: 0, instalments: [{ seq: 1, amountPaise: 4_500_000, status: 'DUE' }, { seq: 2, amountPaise: 4_500_000, status: 'DUE' }] },
    });
    const [first, second] = verified.body.collection.instalments as { id: string; dueAt: string }[];
    expect(Date.parse(second!.dueAt) - Date.parse(first!.dueAt)).toBe(30 * 24 * 3600 * 1000);
    expect((await call(other.accessToken, 'POST', `/api/pap/${papId}/instalments/1/payment`, {})).status).toBe(404);
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${papId}/placement/verify`, { decision: 'approve' })).status).toBe(409);

    // Instalment 1 falls due (reminder 1), is overdue 1.5 s later (reminder 2), and is paid after that.
    const reminderKeys = () => stack.db.emailSent.findMany({ where: { dedupeKey: { startsWith: `pap-instalment-reminder:${first!.id}:` } }, select: { dedupeKey: true, subject: true } });
    const reminded = await until(reminderKeys, (rows) => rows.length === 2);
    expect(reminded.map((r) => r.subject).sort()).toEqual(['Instalment 1 of your PAP agreement is due: Rs. 45000.00', 'Instalment 1 of your PAP agreement is overdue: Rs. 45000.00']);
    const one = await payInstalment(student.accessToken, papId, 1);
    expect(one).toMatchObject({ status: 'COMPLETED', credited: true, invoiceNumber: expect.stringMatching(/^MAS\/\d{4}\/\d{6}$/), amount: 4_500_000 });
    const afterOne = await until(() => call(student.accessToken, 'GET', `/api/pap/${papId}`), (r) => r.body.live?.collection?.instalments[0]?.status === 'PAID');
    expect(afterOne.body).toMatchObject({ status: 'PAYMENT_COLLECTION_PENDING', collection: { paidPaise: 4_500_000 }, live: { nextReminderAt: second!.dueAt, waitingFor: expect.stringContaining('instalment 2 of 2') } });
    expect((await call(student.accessToken, 'POST', `/api/pap/${papId}/instalments/1/payment`, {})).status).toBe(409);

    // Instalment 2 is paid early: nothing reminded, the agreement COMPLETED and the run ends.
    const two = await payInstalment(student.accessToken, papId, 2);
    expect(two).toMatchObject({ status: 'COMPLETED', credited: true });
    const handle = stack.temporal.workflow.getHandle(workflowIds.pap(papId));
    expect(await handle.result()).toBe('COMPLETED');
    expect((await handle.describe()).typedSearchAttributes.get(MasState)).toBe('COMPLETED');
    const done = await call(student.accessToken, 'GET', `/api/pap/${papId}`);
    expect(done.body).toMatchObject({ status: 'COMPLETED', completedAt: expect.any(String), collection: { amountPaise: 9_000_000, paidPaise: 9_000_000 } });
    expect(await stack.db.emailSent.count({ where: { dedupeKey: { startsWith: `pap-instalment-reminder:${second!.id}:` } } })).toBe(0);
    expect(await reminderKeys()).toHaveLength(2);
    const payments = await stack.db.globalPayment.findMany({ where: { purpose: 'pap-instalment', status: 'CAPTURED', subjectId: { in: [first!.id, second!.id] } }, include: { taxLines: { include: { hsnSac: true } } } });
    expect(payments).toHaveLength(2);
    expect(payments.every((p) => p.invoiceNumber && p.taxLines.map((l) => l.hsnSac.code).join() === '999293')).toBe(true);
    expect((await stack.db.mas101PapInstalment.findMany({ where: { papWorkflowId: papId }, orderBy: { seq: 'asc' } })).map((i) => [i.status, i.globalPaymentId])).toEqual([
      ['PAID', one.globalPaymentId],
      ['PAID', two.globalPaymentId],
    ]);
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${papId}/write-off`, { reason: 'late' })).status).toBe(409);
    const listed = await call(admin.accessToken, 'GET', `/api/admin/pap?status=COMPLETED&batchId=${batch.id}`);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([papId]);

    if (process.env.RECORD_HISTORIES === '1') {
      writeFileSync('test/replay/histories/pap-collection.json', historyToJSON(await handle.fetchHistory()));
      writeFileSync('test/replay/histories/payment-pap-instalment.json', historyToJSON(await stack.temporal.workflow.getHandle(one.workflowId).fetchHistory()));
    }
  });

  it('a write-off ends the collection with its open instalments, and a reason is required', async () => {
    const { batch } = await batchWithCourse(stack.db, 5, 'PAPW');
    const student = await createUser(stack, 'USER');
    const papId = await enrolledPap(student.accessToken, student.user.id, batch.id);
    const key = await uploadOfferLetter(student.accessToken, papId);
    await call(student.accessToken, 'POST', `/api/pap/${papId}/placement`, { company: 'Beta Labs', role: 'Analyst', ctcPaise: 50_000_000, offerLetterKey: key });
    // 15% of Rs. 5 lakh = Rs. 75,000 in 3: Rs. 25,000 each, the first due in 30 days by default.
    const verified = await call(admin.accessToken, 'POST', `/api/admin/pap/${papId}/placement/verify`, { decision: 'approve' });
    expect(verified.body.collection.instalments.map((i: { amountPaise: number }) => i.amountPaise)).toEqual([2_500_000, 2_500_000, 2_500_000]);
    expect(Date.parse(verified.body.collection.instalments[0].dueAt) - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${papId}/write-off`, { reason: '   ' })).status).toBe(400);
    const off = await call(admin.accessToken, 'POST', `/api/admin/pap/${papId}/write-off`, { reason: 'The student left the job in the first month' });
    expect(off.body).toMatchObject({ status: 'WRITTEN_OFF', writeOffReason: 'The student left the job in the first month', writtenOffAt: expect.any(String), collection: { paidPaise: 0 } });
    expect(off.body.collection.instalments.map((i: { status: string }) => i.status)).toEqual(['WRITTEN_OFF', 'WRITTEN_OFF', 'WRITTEN_OFF']);
    const handle = stack.temporal.workflow.getHandle(workflowIds.pap(papId));
    expect(await handle.result()).toBe('WRITTEN_OFF');
    expect((await call(student.accessToken, 'POST', `/api/pap/${papId}/instalments/1/payment`, {})).status).toBe(409);
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/pap-write-off.json', historyToJSON(await handle.fetchHistory()));
  });
});

describe('PAP upfront with nothing due', () => {
  it('a full discount and the upfront option: enrolled at once, no order, and nothing owed after placement', async () => {
    const { batch, course } = await batchWithCourse(stack.db, 5, 'PAPF');
    const student = await createUser(stack, 'USER');
    const { papId, applicationId } = await papAwaitingApproval(stack, { student: student.accessToken, admin: admin.accessToken }, batch.id, {
      option: 'UPFRONT',
      expectStatus: 'ENROLLED',
      start: async (appId) => {
        const app = await stack.db.application.findUniqueOrThrow({ where: { id: appId }, select: { feePaise: true } });
        await stack.db.application.update({ where: { id: appId }, data: { discountPaise: app.feePaise ?? 0 } });
        return (await call(student.accessToken, 'POST', `/api/applications/${appId}/pap`)).body.id as string;
      },
    });
    expect(await stack.db.application.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true, amountPaidPaise: true } })).toEqual({ status: 'ENROLLED', amountPaidPaise: 0 });
    expect(await stack.db.enrollment.count({ where: { userId: student.user.id, courseId: course.id } })).toBe(1);
    expect(await stack.db.globalPayment.count({ where: { subjectId: papId } })).toBe(0);
    expect((await call(student.accessToken, 'POST', `/api/pap/${papId}/upfront-payment`, {})).status).toBe(409);
    const key = await uploadOfferLetter(student.accessToken, papId);
    await call(student.accessToken, 'POST', `/api/pap/${papId}/placement`, { company: 'Zeta', role: 'Analyst', ctcPaise: 40_000_000, offerLetterKey: key });
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${papId}/placement/verify`, { decision: 'approve' })).body).toMatchObject({ status: 'COMPLETED', collection: { amountPaise: 0, instalments: [] } });
    expect(await stack.temporal.workflow.getHandle(workflowIds.pap(papId)).result()).toBe('COMPLETED');
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/pap-free-upfront.json', historyToJSON(await stack.temporal.workflow.getHandle(workflowIds.pap(papId)).fetchHistory()));
  });
});

describe('PAP collection plan (the activity’s service)', () => {
  async function underReview(paymentOption: 'UPFRONT' | 'PAP') {
    const { batch } = await batchWithCourse(stack.db, 5, 'PAPP');
    const student = await createUser(stack, 'USER');
    const app = await stack.db.application.create({ data: { userId: student.user.id, batchId: batch.id, status: 'ENROLLED', name: 'Placed student', email: student.email } });
    const template = await stack.db.mas101PapAgreementTemplate.findFirstOrThrow({ where: { isActive: true, papFeePercent: { not: null } } });
    return stack.db.mas101PapWorkflow.create({
      data: {
        applicationId: app.id,
        userId: student.user.id,
        batchId: batch.id,
        agreementTemplateId: template.id,
        paymentOption,
        status: 'PLACEMENT_UNDER_REVIEW',
        placementDetails: { company: 'Gamma', role: 'Engineer', ctcPaise: 80_000_000, offerLetterKey: 'pap/x/offer-letter/y.pdf', joiningDate: null, reportedById: student.user.id },
      },
    });
  }

  it('nothing is owed under the upfront option: verified → COMPLETED with no instalments', async () => {
    const pap = await underReview('UPFRONT');
    expect(await planCollection(stack.db, { papId: pap.id, actorId: admin.user.id }, new Date())).toEqual({ status: 'COMPLETED', collection: null });
    expect(await stack.db.mas101PapWorkflow.findUniqueOrThrow({ where: { id: pap.id } })).toMatchObject({ status: 'COMPLETED', collectionAmountPaise: 0, completedAt: expect.any(Date) });
    expect(await planCollection(stack.db, { papId: pap.id, actorId: admin.user.id }, new Date())).toEqual({ status: 'COMPLETED', collection: null });
  });

  it('two verifications at once (a retried activity) write one plan', async () => {
    const pap = await underReview('PAP');
    const input = { papId: pap.id, actorId: admin.user.id, instalments: 4 };
    const [a, b] = await Promise.all([planCollection(stack.db, input, new Date()), planCollection(stack.db, input, new Date())]);
    expect(a).toEqual(b);
    expect(a.collection?.totalPaise).toBe(12_000_000);
    expect(await stack.db.mas101PapInstalment.count({ where: { papWorkflowId: pap.id } })).toBe(4);
  });
});
