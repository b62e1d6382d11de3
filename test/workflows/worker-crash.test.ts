// A worker killed mid-workflow: a new worker finishes the run with exactly one credit, one
// invoice, or one enrollment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { apiCaller, bearerHeader, createStudent, createUser, json } from '../support/auth.js';
import { batchWithCourse, createMentorWithSlot, meetingEndedRequest } from '../support/fixtures.js';
import { runCrashingWorker } from '../support/crashing-worker.js';
import { papAwaitingApproval } from '../support/pap-flow.js';
import { startTestStack, type TestStack } from '../support/stack.js';

// Each run waits out the killed activity's startToCloseTimeout (30 s) before the retry; with four
// child workers starting at once on a small machine that leaves little room under 60 s.
describe.concurrent('worker killed mid-workflow', { timeout: 120_000 }, () => {
  const stacks: TestStack[] = [];
  beforeAll(() => undefined);
  afterAll(async () => {
    await Promise.all(stacks.map((s) => s.close()));
  });

  it.each(['completeMeeting', 'creditMentorEarnings'])('killed right after %s committed: a new worker finishes with one credit', async (crashAfter) => {
    const stack = await startTestStack({ worker: false });
    stacks.push(stack);
    const { slot, mentor } = await createMentorWithSlot(stack.db, { earningPaise: 40_000 });
    const doomed = runCrashingWorker(stack.taskQueue, crashAfter);
    await doomed.ready;

    expect((await stack.app.request(meetingEndedRequest(slot.id))).status).toBe(202);
    expect(await doomed.exited).toBe('SIGKILL');
    expect(doomed.output()).toContain(`committed ${crashAfter}`);

    // The killed worker's write is in the database, but Temporal never heard of it.
    expect((await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe('COMPLETED');

    await stack.startWorker();
    const result = await stack.temporal.workflow.getHandle(workflowIds.meetingEarnings(slot.id)).result();
    expect(result.amountPaise).toBe(40_000);

    const transactions = await stack.db.mentorTransaction.findMany({ where: { userId: mentor.id } });
    expect(transactions).toHaveLength(1);
    expect(await stack.db.mentorEarnings.findUnique({ where: { userId: mentor.id } })).toMatchObject({ balancePaise: 40_000, sessionsCredited: 1 });
    expect(await stack.db.meetingLog.count({ where: { slotId: slot.id, event: 'ENDED' } })).toBe(1);
  });

  it('killed right after settlePayment committed: the purchase completes after a restart, credited and invoiced once', async () => {
    const stack = await startTestStack({ worker: false });
    stacks.push(stack);
    const s = await createStudent(stack, { paid: 0 });
    const doomed = runCrashingWorker(stack.taskQueue, 'settlePayment', stack.razorpaySim.baseUrl);
    await doomed.ready;
    const res = await stack.app.request(json('POST', '/api/tokens/purchases', { tokens: 4 }, bearerHeader(s.accessToken)));
    const { purchase, checkout } = (await res.json()) as { purchase: { id: string }; checkout: { order_id: string } };
    const paid = stack.razorpaySim.pay(checkout.order_id, { outcome: 'captured' });
    await stack.app.request(
      json('POST', `/api/tokens/purchases/${purchase.id}/verify`, { razorpay_payment_id: paid.razorpay_payment_id, razorpay_signature: paid.razorpay_signature }, bearerHeader(s.accessToken)),
    );
    expect(await doomed.exited).toBe('SIGKILL');
    await stack.startWorker();
    expect(await stack.temporal.workflow.getHandle(workflowIds.tokenPurchase(purchase.id)).result()).toMatchObject({ status: 'COMPLETED' });
    expect((await stack.db.token.findUniqueOrThrow({ where: { userId: s.user.id } })).balance).toBe(4);
    expect(await stack.db.tokenUsage.count({ where: { userId: s.user.id, type: 'PURCHASE' } })).toBe(1);
    const gp = await stack.db.globalPayment.findFirstOrThrow({ where: { purpose: 'token', subjectId: purchase.id } });
    expect(gp).toMatchObject({ status: 'CAPTURED', invoiceNumber: expect.any(String) });
    expect(await stack.db.gstAuditLog.count({ where: { globalPaymentId: gp.id, action: 'INVOICE_GENERATED' } })).toBe(1);
  });

  it('killed right after a PAP enrolment committed: the approval completes on a new worker with one seat and one enrollment', async () => {
    const stack = await startTestStack();
    stacks.push(stack);
    const [student, admin] = await Promise.all([createUser(stack, 'USER'), createUser(stack, 'ADMIN')]);
    const { batch, course } = await batchWithCourse(stack.db, 3, 'PAP');
    const { papId, applicationId } = await papAwaitingApproval(stack, { student: student.accessToken, admin: admin.accessToken }, batch.id);
    await stack.stopWorker();
    const doomed = runCrashingWorker(stack.taskQueue, 'enrolPap');
    await doomed.ready;
    const approval = apiCaller(stack)(admin.accessToken, 'POST', `/api/admin/pap/${papId}/approve`);
    expect(await doomed.exited).toBe('SIGKILL');
    // The enrolment is in the database; the run never heard of it.
    expect((await stack.db.application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe('ENROLLED');
    await stack.startWorker();
    expect(await approval).toMatchObject({ status: 200, body: { status: 'ENROLLED' } });
    expect(await stack.db.mas101PapWorkflow.findUniqueOrThrow({ where: { id: papId } })).toMatchObject({ status: 'ENROLLED' });
    expect(await stack.db.enrollment.count({ where: { userId: student.user.id, courseId: course.id } })).toBe(1);
    expect(await stack.db.courseAssignmentHistory.count({ where: { userId: student.user.id, courseId: course.id, action: 'ASSIGNED' } })).toBe(1);
    expect(await stack.db.application.count({ where: { batchId: batch.id, status: 'ENROLLED' } })).toBe(1);
  });
});
