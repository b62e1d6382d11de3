// The PAP agreement through REST with a real worker: MOU details → the rendered agreement →
// manual upload of the signed scan → review (a rejection goes back, then forward) → upfront
// payment through the one payment workflow (Razorpay simulator) or pay-after-placement approved
// by an admin → ENROLLED with the LMS enrollments. Illegal steps are 409 and change nothing; a
// student never sees another's agreement; reminders fire once per timer; a deleted batch does
// not stop the run.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { pdfText } from '../support/pdf.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { startPap } from '../../services/pap/pap.js';
import { sendPapReminder } from '../../services/pap/reminders.js';
import { apiCaller, createUser } from '../support/auth.js';
import { batchWithCourse } from '../support/fixtures.js';
import { until } from '../support/poll.js';
import { startTestStack, TEST_RAZORPAY, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  stack = await startTestStack({ config: { razorpay: { ...TEST_RAZORPAY, purchaseTimeoutSeconds: 4 } } });
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

async function approvedApplication(studentToken: string, batchId: string) {
  const applied = await call(studentToken, 'POST', '/api/applications', { batchId, phone: '+919812300002' });
  expect(applied.status).toBe(201);
  const id = applied.body.id as string;
  expect((await call(studentToken, 'POST', `/api/applications/${id}/submit`)).status).toBe(200);
  expect((await call(admin.accessToken, 'POST', `/api/admin/applications/${id}/start-review`)).status).toBe(200);
  expect((await call(admin.accessToken, 'POST', `/api/admin/applications/${id}/approve`)).status).toBe(200);
  return id;
}

const DETAILS = {
  legalName: 'Asha Ramesh Kulkarni',
  dateOfBirth: '2001-04-12',
  address: { line1: '12 MG Road', city: 'Pune', state: 'Maharashtra', pin: '411001' },
  expectedSalaryBand: '6_TO_10_LPA',
};

/** Uploads a small signed "scan" through the presigned PUT and completes the step. */
async function uploadSigned(token: string, papId: string) {
  const bytes = new TextEncoder().encode('%PDF-1.4\n% signed scan\n');
  const url = await call(token, 'POST', `/api/pap/${papId}/signed-mou/upload-url`, { contentType: 'application/pdf', sizeBytes: bytes.length });
  expect(url.status).toBe(200);
  const put = await fetch(url.body.upload.url, { method: 'PUT', headers: url.body.upload.headers, body: bytes });
  expect(put.status).toBe(200);
  return call(token, 'POST', `/api/pap/${papId}/signed-mou`, { key: url.body.key });
}

const row = (id: string) => stack.db.mas101PapWorkflow.findUniqueOrThrow({ where: { id } });

describe('PAP agreement workflow', () => {
  it('upfront: details → agreement → upload → rejected back → re-upload → approved → paid through Razorpay → ENROLLED; illegal steps are 409 and change nothing; BOLA is 404', async () => {
    const { course, batch } = await batchWithCourse(stack.db, 5, 'PAP');
    const student = await createUser(stack, 'USER');
    const other = await createUser(stack, 'USER');
    const appId = await approvedApplication(student.accessToken, batch.id);

    const started = await call(student.accessToken, 'POST', `/api/applications/${appId}/pap`);
    expect(started.status).toBe(201);
    const id = started.body.id as string;
    expect(started.body).toMatchObject({ status: 'PENDING_MOU_DETAILS', batchId: batch.id, workflowId: workflowIds.pap(id) });
    expect((await call(student.accessToken, 'POST', `/api/applications/${appId}/pap`)).status).toBe(409);
    expect((await call(other.accessToken, 'POST', `/api/applications/${appId}/pap`)).status).toBe(404);
    // Under an agreement the plain fee checkout is closed: the agreement decides how it is paid.
    expect((await call(student.accessToken, 'POST', `/api/applications/${appId}/payment`, {})).status).toBe(409);

    // The live step comes from the run's Query.
    const first = await until(() => call(student.accessToken, 'GET', `/api/pap/${id}`), (r) => r.body.live !== null);
    expect(first.body.live).toMatchObject({ status: 'PENDING_MOU_DETAILS', remindersSent: 0, nextReminderAt: expect.any(String) });
    expect(Date.parse(first.body.live.nextReminderAt) - Date.now()).toBeGreaterThan(47 * 3600_000);

    // Illegal steps: 409 with problem+json, nothing written.
    const before = await row(id);
    const early = await call(student.accessToken, 'POST', `/api/pap/${id}/payment-option`, { option: 'UPFRONT' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/choosePaymentOption is not allowed while the PAP agreement is PENDING_MOU_DETAILS/);
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/review`, { decision: 'approve' })).status).toBe(409);
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/approve`)).status).toBe(409);
    expect((await call(student.accessToken, 'POST', `/api/pap/${id}/signed-mou`, { key: `pap/${id}/signed/x.pdf` })).status).toBe(409);
    expect(await row(id)).toEqual(before);

    // BOLA: another student sees and does nothing.
    expect((await call(other.accessToken, 'GET', `/api/pap/${id}`)).status).toBe(404);
    expect((await call(other.accessToken, 'POST', `/api/pap/${id}/mou-details`, DETAILS)).status).toBe(404);
    expect((await call(other.accessToken, 'GET', `/api/pap/${id}/agreement`)).status).toBe(404);
    expect((await call(student.accessToken, 'GET', '/api/admin/pap')).status).toBe(403);

    // Step 1: under 18 needs a guardian.
    const minor = await call(student.accessToken, 'POST', `/api/pap/${id}/mou-details`, { ...DETAILS, dateOfBirth: `${new Date().getUTCFullYear() - 16}-01-01` });
    expect(minor.status).toBe(400);
    expect(minor.body.errors).toEqual([expect.objectContaining({ path: 'json.guardian' })]);
    const details = await call(student.accessToken, 'POST', `/api/pap/${id}/mou-details`, DETAILS);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ status: 'PENDING_MOU_UPLOAD', mouDetails: DETAILS, live: { status: 'PENDING_MOU_UPLOAD' } });
    expect(details.body.agreementTemplateId).toEqual(expect.any(String));
    expect((await call(student.accessToken, 'POST', `/api/pap/${id}/mou-details`, DETAILS)).status).toBe(409);
    const text = await pdfText((await call(student.accessToken, 'GET', `/api/pap/${id}/agreement`)).body.url);
    expect(text).toContain('Asha Ramesh Kulkarni');
    expect(text).toContain(batch.code);
    expect(text).not.toContain('{{');
    expect(text).not.toContain('<p>');

    // Step 2: the key must be one issued for this agreement, and the object must exist.
    expect((await call(student.accessToken, 'POST', `/api/pap/${id}/signed-mou`, { key: 'pap/other/signed/x.pdf' })).status).toBe(409);
    expect((await call(student.accessToken, 'POST', `/api/pap/${id}/signed-mou`, { key: `pap/${id}/signed/never-uploaded.pdf` })).status).toBe(422);
    expect((await row(id)).status).toBe('PENDING_MOU_UPLOAD');
    expect((await uploadSigned(student.accessToken, id)).body).toMatchObject({ status: 'PENDING_MOU_REVIEW', signedMouUploaded: true });

    // Step 3: a rejection needs a reason and sends the student back to the upload; then forward.
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/review`, { decision: 'reject' })).status).toBe(409);
    const rejected = await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/review`, { decision: 'reject', notes: 'The signature is missing on page 2', sendBackTo: 'PENDING_MOU_UPLOAD' });
    expect(rejected.body).toMatchObject({ status: 'PENDING_MOU_UPLOAD', reviewNotes: 'The signature is missing on page 2', reviewedById: admin.user.id, live: { rejection: 'The signature is missing on page 2' } });
    expect((await uploadSigned(student.accessToken, id)).body.status).toBe('PENDING_MOU_REVIEW');
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/review`, { decision: 'approve' })).body).toMatchObject({ status: 'PENDING_PAYMENT_OPTION' });
    expect((await call(admin.accessToken, 'GET', `/api/pap/${id}/signed-mou`)).status).toBe(200);

    // Step 4: upfront, paid through payment/pap-upfront/<id>.
    expect((await call(student.accessToken, 'POST', `/api/pap/${id}/upfront-payment`, {})).status).toBe(409);
    const chosen = await call(student.accessToken, 'POST', `/api/pap/${id}/payment-option`, { option: 'UPFRONT' });
    expect(chosen.body).toMatchObject({ status: 'PENDING_UPFRONT_PAYMENT', paymentOption: 'UPFRONT', feeAmountPaise: 5_000_000 });
    const pay = await call(student.accessToken, 'POST', `/api/pap/${id}/upfront-payment`, {});
    expect(pay.status).toBe(201);
    expect(pay.body.checkout.amount).toBe(5_000_000);
    expect((await call(student.accessToken, 'POST', `/api/pap/${id}/upfront-payment`, {})).body.checkout.order_id).toBe(pay.body.checkout.order_id);
    const paid = stack.razorpaySim.pay(pay.body.checkout.order_id, { outcome: 'captured' });
    const verify = await call(student.accessToken, 'POST', `/api/pap/${id}/upfront-payment/verify`, { razorpay_order_id: pay.body.checkout.order_id, razorpay_payment_id: paid.razorpay_payment_id, razorpay_signature: paid.razorpay_signature });
    expect(verify.status).toBe(200);
    const payment = await stack.temporal.workflow.getHandle(pay.body.workflowId).result();
    expect(payment).toMatchObject({ status: 'COMPLETED', credited: true, invoiceNumber: expect.stringMatching(/^MAS\/\d{4}\/\d{6}$/) });

    const enrolled = await until(() => call(student.accessToken, 'GET', `/api/pap/${id}`), (r) => r.body.status === 'ENROLLED');
    expect(enrolled.body).toMatchObject({ enrolledAt: expect.any(String), live: { status: 'ENROLLED', upfrontPayment: { globalPaymentId: pay.body.globalPaymentId, status: 'COMPLETED' } } });
    expect(await stack.db.application.findUniqueOrThrow({ where: { id: appId }, select: { status: true, amountPaidPaise: true } })).toEqual({ status: 'ENROLLED', amountPaidPaise: 5_000_000 });
    expect(await stack.db.enrollment.findMany({ where: { userId: student.user.id }, select: { courseId: true } })).toEqual([{ courseId: course.id }]);
    const gp = await stack.db.globalPayment.findUniqueOrThrow({ where: { id: pay.body.globalPaymentId }, include: { taxLines: { include: { hsnSac: true } } } });
    expect(gp).toMatchObject({ purpose: 'pap-upfront', subjectId: id, applicationId: appId, status: 'CAPTURED', invoiceNumber: payment.invoiceNumber });
    expect(gp.taxLines.map((l) => l.hsnSac.code)).toEqual(['999293']);

    // Staff list by state and batch.
    const listed = await call(admin.accessToken, 'GET', `/api/admin/pap?status=ENROLLED&batchId=${batch.id}`);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await call(student.accessToken, 'GET', '/api/me/pap')).body.items).toEqual([expect.objectContaining({ id, status: 'ENROLLED' })]);
    expect((await call(other.accessToken, 'GET', '/api/me/pap')).body.items).toEqual([]);

    if (process.env.RECORD_HISTORIES === '1') {
      writeFileSync('test/replay/histories/pap-upfront.json', historyToJSON(await stack.temporal.workflow.getHandle(workflowIds.pap(id)).fetchHistory()));
      writeFileSync('test/replay/histories/payment-pap-upfront.json', historyToJSON(await stack.temporal.workflow.getHandle(pay.body.workflowId).fetchHistory()));
    }
  });

  it('pay after placement: a rejection back to the details, then forward; a full batch blocks the approval until an admin retries; → ENROLLED', async () => {
    const { course, batch } = await batchWithCourse(stack.db, 1, 'PAP');
    const student = await createUser(stack, 'USER');
    const appId = await approvedApplication(student.accessToken, batch.id);
    const id = (await call(student.accessToken, 'POST', `/api/applications/${appId}/pap`)).body.id as string;
    await call(student.accessToken, 'POST', `/api/pap/${id}/mou-details`, DETAILS);
    await uploadSigned(student.accessToken, id);
    const back = await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/review`, { decision: 'reject', notes: 'The address does not match your ID', sendBackTo: 'PENDING_MOU_DETAILS' });
    expect(back.body.status).toBe('PENDING_MOU_DETAILS');
    expect((await call(student.accessToken, 'POST', `/api/pap/${id}/mou-details`, { ...DETAILS, address: { ...DETAILS.address, line1: '14 MG Road' } })).body.status).toBe('PENDING_MOU_UPLOAD');
    await uploadSigned(student.accessToken, id);
    await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/review`, { decision: 'approve', notes: 'ok' });
    expect((await call(student.accessToken, 'POST', `/api/pap/${id}/payment-option`, { option: 'PAP' })).body).toMatchObject({ status: 'PENDING_PAP_APPROVAL', paymentOption: 'PAP' });
    expect((await call(student.accessToken, 'POST', `/api/admin/pap/${id}/approve`)).status).toBe(403);

    // The only seat is taken by someone else: the approval is accepted but the enrolment is blocked.
    const squatter = await createUser(stack, 'USER');
    await stack.db.application.create({ data: { userId: squatter.user.id, batchId: batch.id, status: 'ENROLLED', name: 'Seat holder', email: squatter.email } });
    const blocked = await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/approve`);
    expect(blocked.body).toMatchObject({ status: 'PENDING_PAP_APPROVAL', live: { blocked: expect.stringMatching(/full/) } });
    expect(await stack.db.application.findUniqueOrThrow({ where: { id: appId }, select: { status: true, amountPaidPaise: true } })).toEqual({ status: 'PAID', amountPaidPaise: 0 });
    await stack.db.batch.update({ where: { id: batch.id }, data: { capacity: 2 } });
    const retried = await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/retry-enrolment`);
    expect(retried.body).toMatchObject({ status: 'ENROLLED', live: { status: 'ENROLLED', blocked: null } });
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/retry-enrolment`)).status).toBe(409);
    expect((await stack.db.application.findUniqueOrThrow({ where: { id: appId } })).status).toBe('ENROLLED');
    expect(await stack.db.enrollment.count({ where: { userId: student.user.id, courseId: course.id } })).toBe(1);
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/pap-pay-after-placement.json', historyToJSON(await stack.temporal.workflow.getHandle(workflowIds.pap(id)).fetchHistory()));
  });

  it('reminders fire once per timer, the last one to the batch’s community manager; a deleted batch does not stop the run', async () => {
    const { batch } = await batchWithCourse(stack.db, 5, 'PAP');
    const student = await createUser(stack, 'USER');
    const manager = await createUser(stack, 'SALES');
    await stack.db.communityManagerAssignment.create({ data: { batchId: batch.id, communityManagerId: manager.user.id } });
    const appId = await approvedApplication(student.accessToken, batch.id);
    const pap = await startPap(stack.deps, { userId: student.user.id, role: 'USER' }, appId, { reminderOffsetsMs: [300, 600, 900] });

    await stack.emailSim.waitFor({ to: manager.email }, { timeoutMs: 15_000 });
    expect(stack.emailSim.messages({ to: student.email })).toHaveLength(2);
    expect(stack.emailSim.messages({ to: manager.email })).toHaveLength(1);
    const live = await until(() => call(student.accessToken, 'GET', `/api/pap/${pap.id}`), (r) => r.body.live?.remindersSent === 3);
    expect(live.body.live.nextReminderAt).toBeNull();
    const logged = await stack.db.emailSent.findMany({ where: { dedupeKey: { startsWith: `pap-reminder:${pap.id}:` } }, select: { status: true, emailType: true } });
    expect(logged.map((l) => `${l.emailType}/${l.status}`).sort()).toEqual(['PAP_ESCALATION/SENT', 'PAP_REMINDER/SENT', 'PAP_REMINDER/SENT']);
    // A retried activity sends nothing more.
    const again = await sendPapReminder({ ...stack.deps, now: () => new Date() }, { papId: pap.id, step: 'PENDING_MOU_DETAILS', visit: 1, reminder: 1, escalate: false });
    expect(again.outcome).toBe('already-sent');
    expect(stack.emailSim.messages({ to: student.email })).toHaveLength(2);

    // The batch is deleted: batchId goes NULL and the agreement goes on.
    await stack.db.communityManagerAssignment.deleteMany({ where: { batchId: batch.id } });
    await stack.db.application.update({ where: { id: appId }, data: { batchId: null } });
    await stack.db.batch.delete({ where: { id: batch.id } });
    expect((await row(pap.id)).batchId).toBeNull();
    const details = await call(student.accessToken, 'POST', `/api/pap/${pap.id}/mou-details`, DETAILS);
    expect(details.body).toMatchObject({ status: 'PENDING_MOU_UPLOAD', batchId: null });
    expect(await pdfText((await call(student.accessToken, 'GET', `/api/pap/${pap.id}/agreement`)).body.url)).toContain('the batch applied for');
    // The escalation of the new step has no batch to go to: logged and skipped, never a failure.
    await until(() => call(student.accessToken, 'GET', `/api/pap/${pap.id}`), (r) => r.body.live?.remindersSent === 3 && r.body.live?.status === 'PENDING_MOU_UPLOAD');
    expect(stack.emailSim.messages({ to: student.email })).toHaveLength(4);
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/pap-reminders.json', historyToJSON(await stack.temporal.workflow.getHandle(workflowIds.pap(pap.id)).fetchHistory()));
  });

  it('a row whose run never started is healed by its first step (the run starts in the row’s state)', async () => {
    const { batch } = await batchWithCourse(stack.db, 5, 'PAP');
    const student = await createUser(stack, 'USER');
    const appId = await approvedApplication(student.accessToken, batch.id);
    const id = crypto.randomUUID();
    await stack.db.mas101PapWorkflow.create({ data: { id, applicationId: appId, userId: student.user.id, batchId: batch.id, temporalWorkflowId: workflowIds.pap(id) } });
    expect((await call(student.accessToken, 'GET', `/api/pap/${id}`)).body.live).toBeNull();
    const healed = await call(student.accessToken, 'POST', `/api/pap/${id}/mou-details`, DETAILS);
    expect(healed.body).toMatchObject({ status: 'PENDING_MOU_UPLOAD', live: { status: 'PENDING_MOU_UPLOAD' } });
  });

  it('templates: variables must match the placeholders; a version in use is not edited but versioned', async () => {
    const name = `Test PAP ${crypto.randomUUID().slice(0, 6)}`;
    const body = '<p>I, {{legalName}}, agree to pay {{papFee}}.</p>';
    const bad = await call(admin.accessToken, 'POST', '/api/admin/pap/templates', { name, bodyHtml: body, variables: ['legalName'], isActive: false });
    expect(bad.status).toBe(422);
    expect((await call(admin.accessToken, 'POST', '/api/admin/pap/templates', { name, bodyHtml: '<p>Dear {{nickname}}, welcome.</p>', variables: ['nickname'], isActive: false })).status).toBe(422);
    const v1 = await call(admin.accessToken, 'POST', '/api/admin/pap/templates', { name, bodyHtml: body, variables: ['legalName', 'papFee'], papFeePaise: 15_000_000, isActive: false });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, isActive: false });
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/pap/templates/${v1.body.id}`, { description: 'draft' })).body.description).toBe('draft');
    // In use: content edits are refused, (de)activation is not; a POST with the same name makes v2.
    const { batch } = await batchWithCourse(stack.db, 5, 'PAP');
    const student = await createUser(stack, 'USER');
    const appId = await approvedApplication(student.accessToken, batch.id);
    await stack.db.mas101PapWorkflow.create({ data: { applicationId: appId, userId: student.user.id, batchId: batch.id, agreementTemplateId: v1.body.id } });
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/pap/templates/${v1.body.id}`, { bodyHtml: '<p>{{legalName}} pays {{papFee}} later.</p>' })).status).toBe(409);
    expect((await call(admin.accessToken, 'DELETE', `/api/admin/pap/templates/${v1.body.id}`)).status).toBe(409);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/pap/templates/${v1.body.id}`, { isActive: false })).status).toBe(200);
    const v2 = await call(admin.accessToken, 'POST', '/api/admin/pap/templates', { name, bodyHtml: '<p>{{legalName}} pays {{papFee}} later.</p>', variables: ['legalName', 'papFee'], isActive: false });
    expect(v2.body.version).toBe(2);
    expect((await call(admin.accessToken, 'DELETE', `/api/admin/pap/templates/${v2.body.id}`)).status).toBe(204);
    const listed = await call(admin.accessToken, 'GET', `/api/admin/pap/templates?name=${encodeURIComponent(name)}`);
    expect(listed.body.items.map((t: { version: number }) => t.version)).toEqual([1]);
    expect((await call(student.accessToken, 'GET', '/api/admin/pap/templates')).status).toBe(403);
  });
});
