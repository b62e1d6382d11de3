// The admissions path through the REST API with a real worker and the Razorpay simulator:
// apply → review → discount → pay (B2B, inter-state) → allocate → enroll; duplicate webhooks and
// the checkout verify together give one PAID, one global payment and one invoice; the invoice
// PDF downloads (its text extracted back) and exports as a schema-valid e-invoice; a refund issues
// a credit note with its audit row. Plus gapless invoice serials under 50 concurrent issues.
import { readFileSync, writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Ajv } from 'ajv';
import { pdfText } from '../support/pdf.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { signWebhook } from '../../providers/razorpay/signatures.js';
import { issueInvoice } from '../../services/finance/invoices.js';
import { nextSerial } from '../../services/finance/series.js';
import { apiCaller, bearerHeader, createUser, json } from '../support/auth.js';
import { batchWithCourse } from '../support/fixtures.js';
import { startTestStack, TEST_RAZORPAY, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
let superadmin: Awaited<ReturnType<typeof createUser>>;
let sales: Awaited<ReturnType<typeof createUser>>;
const validateEInvoice = new Ajv({ strict: false, multipleOfPrecision: 6, formats: { email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/ } }).compile(JSON.parse(readFileSync('test/fixtures/einvoice-inv01.schema.json', 'utf8')) as object);

beforeAll(async () => {
  stack = await startTestStack({ config: { razorpay: { ...TEST_RAZORPAY, purchaseTimeoutSeconds: 4 } } });
  [admin, superadmin, sales] = await Promise.all([createUser(stack, 'ADMIN'), createUser(stack, 'SUPERADMIN'), createUser(stack, 'SALES')]);
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

/** Apply, submit and approve; with `discountPaise`, SALES asks for a discount an admin approves. */
async function approvedApplication(studentToken: string, batchId: string, discountPaise = 0) {
  const applied = await call(studentToken, 'POST', '/api/applications', { batchId, phone: '+919812300001' });
  expect(applied.status).toBe(201);
  const id = applied.body.id as string;
  expect((await call(studentToken, 'POST', `/api/applications/${id}/submit`)).status).toBe(200);
  expect((await call(admin.accessToken, 'POST', `/api/admin/applications/${id}/start-review`)).status).toBe(200);
  if (discountPaise) {
    const asked = await call(sales.accessToken, 'POST', `/api/admin/applications/${id}/discount-requests`, { discountPaise, reason: 'Early-bird scholarship' });
    expect(asked.status).toBe(201);
    expect((await call(admin.accessToken, 'POST', `/api/admin/discount-requests/${asked.body.id}/approve`, {})).status).toBe(200);
  }
  expect((await call(admin.accessToken, 'POST', `/api/admin/applications/${id}/approve`)).status).toBe(200);
  return id;
}

function webhookRequests(orderId: string, copies: number) {
  return stack.razorpaySim.events({ orderId }).flatMap((e) => {
    const { id, ...event } = e;
    const raw = JSON.stringify(event);
    const headers = { 'content-type': 'application/json', 'x-razorpay-signature': signWebhook(raw, TEST_RAZORPAY.webhookSecret), 'x-razorpay-event-id': id };
    return Array.from({ length: copies }, () => new Request('http://test/api/webhooks/razorpay', { method: 'POST', headers, body: raw }));
  });
}

describe('admissions, paid through the payment workflow', () => {
  it('apply → review → discount → pay (B2B) → allocate → enroll; duplicates give one PAID and one invoice; a refund gives a credit note', async () => {
    const { course, batch } = await batchWithCourse(stack.db, 5);
    const student = await createUser(stack, 'USER');
    const other = await createUser(stack, 'USER');
    const id = await approvedApplication(student.accessToken, batch.id, 500_000);

    // A company pays for its employee: B2B, Maharashtra (27) vs the supplier's Karnataka (29): IGST.
    const billing = { name: 'Acme Analytics Private Limited', gstin: '27AAACB2894G1ZN', address: { line1: '4 Marine Drive', city: 'Mumbai', pin: '400020', stateCode: '27' } };
    expect((await call(student.accessToken, 'POST', `/api/applications/${id}/payment`, { ...billing, gstin: '27AAACB2894G1ZX' })).body.errors).toEqual([expect.objectContaining({ path: 'json.gstin' })]);
    const pay = await call(student.accessToken, 'POST', `/api/applications/${id}/payment`, billing);
    expect(pay.status).toBe(201);
    expect(pay.body.checkout.amount).toBe(4_500_000);
    // Asking again while the order is open hands back the same order.
    expect((await call(student.accessToken, 'POST', `/api/applications/${id}/payment`, billing)).body.checkout.order_id).toBe(pay.body.checkout.order_id);
    expect((await call(other.accessToken, 'POST', `/api/applications/${id}/payment`, billing)).status).toBe(404);

    const paid = stack.razorpaySim.pay(pay.body.checkout.order_id, { outcome: 'captured' });
    const verify = json('POST', `/api/applications/${id}/payment/verify`, { razorpay_order_id: pay.body.checkout.order_id, razorpay_payment_id: paid.razorpay_payment_id, razorpay_signature: paid.razorpay_signature }, bearerHeader(student.accessToken));
    const responses = await Promise.all([...webhookRequests(pay.body.checkout.order_id, 8), verify].map((r) => stack.app.request(r)));
    expect(responses.map((r) => r.status).every((s) => s === 200 || s === 202)).toBe(true);
    const handle = stack.temporal.workflow.getHandle(pay.body.workflowId);
    const outcome = await handle.result();
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/payment-application.json', historyToJSON(await handle.fetchHistory()));
    expect(outcome).toEqual({ status: 'COMPLETED', credited: true, invoiceNumber: expect.stringMatching(/^MAS\/\d{4}\/\d{6}$/) });
    // Late copies after the run closed change nothing.
    await Promise.all(webhookRequests(pay.body.checkout.order_id, 3).map((r) => stack.app.request(r)));

    const application = await call(student.accessToken, 'GET', `/api/applications/${id}`);
    expect(application.body).toMatchObject({ status: 'PAID', amountPaidPaise: 4_500_000, amountDuePaise: 4_500_000 });
    const payments = await stack.db.globalPayment.findMany({ where: { subjectId: id }, include: { taxLines: true } });
    expect(payments).toHaveLength(1);
    const gp = payments[0]!;
    expect(gp).toMatchObject({ status: 'CAPTURED', purpose: 'application', applicationId: id, placeOfSupplyCode: '27', cgstPaise: 0, sgstPaise: 0, customerGstin: '27AAACB2894G1ZN', invoiceNumber: outcome.invoiceNumber });
    expect(gp.taxableValuePaise + gp.igstPaise).toBe(4_500_000);
    expect(gp.taxLines).toEqual([expect.objectContaining({ lineNumber: 1, taxableValuePaise: gp.taxableValuePaise, igstPaise: gp.igstPaise, totalPaise: 4_500_000 })]);
    expect(gp.taxLines[0]!.unitPricePaise - gp.taxLines[0]!.taxableValuePaise).toBeGreaterThan(400_000);
    expect(await stack.db.gstAuditLog.count({ where: { globalPaymentId: gp.id, action: 'INVOICE_GENERATED' } })).toBe(1);
    // The GST audit trail over the api: finance reads it by payment; a student does not.
    const audit = await call(superadmin.accessToken, 'GET', `/api/admin/finance/gst-audit-log?globalPaymentId=${gp.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'INVOICE_GENERATED', invoiceNumber: outcome.invoiceNumber, globalPaymentId: gp.id })]);
    expect((await call(student.accessToken, 'GET', `/api/admin/finance/gst-audit-log?globalPaymentId=${gp.id}`)).status).toBe(403);
    expect((await call(superadmin.accessToken, 'GET', '/api/admin/finance/gst-audit-log?action=NOPE')).status).toBe(400);

    // The invoice: a superadmin and the payer download it, nobody else; its e-invoice validates.
    const download = await call(superadmin.accessToken, 'GET', `/api/admin/finance/payments/${gp.id}/invoice/download`);
    expect(download.status).toBe(200);
    const text = await pdfText(download.body.url);
    expect(text).toContain(outcome.invoiceNumber!);
    expect(text).toContain('45,000.00');
    expect(text).toContain('27AAACB2894G1ZN');
    expect((await call(student.accessToken, 'GET', `/api/me/payments/${gp.id}/invoice/download`)).status).toBe(200);
    expect((await call(other.accessToken, 'GET', `/api/me/payments/${gp.id}/invoice/download`)).status).toBe(404);
    expect((await call(admin.accessToken, 'GET', `/api/admin/finance/payments/${gp.id}/invoice/download`)).status).toBe(403);
    const eInvoice = await call(superadmin.accessToken, 'GET', `/api/admin/finance/payments/${gp.id}/e-invoice`);
    expect(validateEInvoice(eInvoice.body), JSON.stringify(validateEInvoice.errors)).toBe(true);
    expect(eInvoice.body.ValDtls).toMatchObject({ TotInvVal: 45_000, CgstVal: 0 });

    // Allocation and enrollment: the student then sees the batch's course.
    expect((await call(admin.accessToken, 'POST', `/api/admin/applications/${id}/allocate`, {})).status).toBe(200);
    expect((await call(admin.accessToken, 'POST', `/api/admin/applications/${id}/enroll`)).status).toBe(200);
    expect(await stack.db.enrollment.findMany({ where: { userId: student.user.id }, select: { courseId: true } })).toEqual([{ courseId: course.id }]);

    // A full refund: one credit note against the invoice, the audit row, the money back at Razorpay.
    const refund = await call(superadmin.accessToken, 'POST', `/api/admin/finance/payments/${gp.id}/refund`, { reason: 'Student withdrew before the start' });
    expect(refund.status).toBe(202);
    const refundHandle = stack.temporal.workflow.getHandle(workflowIds.paymentRefund(gp.id));
    const refunded = await refundHandle.result();
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/payment-refund.json', historyToJSON(await refundHandle.fetchHistory()));
    expect(refunded.creditNoteNumber).toMatch(/^CN\/\d{4}\/\d{6}$/);
    expect((await call(superadmin.accessToken, 'POST', `/api/admin/finance/payments/${gp.id}/refund`, { reason: 'again' })).status).toBe(409);
    const notes = await stack.db.creditNote.findMany({ where: { globalPaymentId: gp.id } });
    expect(notes).toEqual([expect.objectContaining({ invoiceNumber: outcome.invoiceNumber, amountPaise: 4_500_000, igstPaise: gp.igstPaise, razorpayRefundId: refunded.refundId })]);
    expect(await stack.db.gstAuditLog.count({ where: { globalPaymentId: gp.id, action: 'CREDIT_NOTE_ISSUED' } })).toBe(1);
    expect(await stack.deps.razorpay.fetchRefund(refunded.refundId)).toMatchObject({ amount: 4_500_000, payment_id: paid.razorpay_payment_id });
    expect(await pdfText((await call(superadmin.accessToken, 'GET', `/api/admin/finance/credit-notes/${notes[0]!.id}/download`)).body.url)).toContain(outcome.invoiceNumber!);
    const crn = await call(superadmin.accessToken, 'GET', `/api/admin/finance/credit-notes/${notes[0]!.id}/e-invoice`);
    expect(validateEInvoice(crn.body)).toBe(true);

    // The accountant's CSV has both documents.
    const csv = await (await stack.app.request(json('GET', '/api/admin/finance/gst-documents.csv?kind=application&state=27', undefined, bearerHeader(superadmin.accessToken)))).text();
    expect(csv).toContain(`INV,${outcome.invoiceNumber}`);
    expect(csv).toContain(`CRN,${refunded.creditNoteNumber},`);
  });

  it('a student without a GSTIN or address gets a B2C invoice in the supplier’s state: CGST = SGST; concurrent clicks open one payment; an unapproved application cannot be paid', async () => {
    const { batch } = await batchWithCourse(stack.db, 5);
    const student = await createUser(stack, 'USER');
    const draft = await call(student.accessToken, 'POST', '/api/applications', { batchId: batch.id });
    expect((await call(student.accessToken, 'POST', `/api/applications/${draft.body.id}/payment`, {})).status).toBe(409);
    const other = await createUser(stack, 'USER');
    const id = await approvedApplication(other.accessToken, batch.id);
    // Five clicks at once open one payment: the losers of the race get the winner's order.
    const clicks = await Promise.all(Array.from({ length: 5 }, () => call(other.accessToken, 'POST', `/api/applications/${id}/payment`, {})));
    expect(clicks.map((c) => c.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(clicks.map((c) => c.body.checkout.order_id)).size).toBe(1);
    expect(await stack.db.globalPayment.count({ where: { subjectId: id } })).toBe(1);
    const pay = clicks[0]!;
    // No verify and no webhook: the reconcile after the timeout finds the payment.
    stack.razorpaySim.pay(pay.body.checkout.order_id, { outcome: 'captured' });
    expect(await stack.temporal.workflow.getHandle(pay.body.workflowId).result()).toMatchObject({ status: 'COMPLETED', credited: true });
    const gp = await stack.db.globalPayment.findFirstOrThrow({ where: { subjectId: id } });
    expect(gp).toMatchObject({ placeOfSupplyCode: '29', customerGstin: null, igstPaise: 0, amountPaise: 5_000_000 });
    expect(gp.cgstPaise).toBe(gp.sgstPaise);
    expect((await call(superadmin.accessToken, 'GET', `/api/admin/finance/payments/${gp.id}/e-invoice`)).status).toBe(409);
    const listed = await call(superadmin.accessToken, 'GET', '/api/admin/finance/invoices?supplyType=B2C&state=29&kind=application&limit=100');
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(gp.id);
    expect((await call(other.accessToken, 'GET', '/api/me/payments')).body.items).toEqual([expect.objectContaining({ id: gp.id, invoiceNumber: gp.invoiceNumber, status: 'CAPTURED' })]);
  });
});

describe('invoice serials', () => {
  async function capturedPayments(n: number) {
    const ids = Array.from({ length: n }, () => crypto.randomUUID());
    await stack.db.globalPayment.createMany({
      data: ids.map((id) => ({ id, purpose: 'manual', razorpayOrderId: `order_${id.replaceAll('-', '').slice(0, 14)}`, amountPaise: 11_800, taxableValuePaise: 10_000, cgstPaise: 900, sgstPaise: 900, placeOfSupplyCode: '29', status: 'CAPTURED' as const, paidAt: new Date() })),
    });
    return ids;
  }

  it('50 concurrent invoices take serials 1..50 of their financial year with no gap and no duplicate; a rolled-back one leaves none; the next year starts at 1', async () => {
    // FY 2031-32 and 2032-33 belong to this test alone.
    const inFy31 = new Date('2031-07-01T06:00:00Z');
    const ids = await capturedPayments(52);
    const issued = await Promise.all(ids.slice(0, 50).map((id) => issueInvoice(stack.deps, id, inFy31)));
    const serials = (await stack.db.globalPayment.findMany({ where: { id: { in: ids.slice(0, 50) } }, select: { invoiceSerial: true, financialYear: true } })).map((p) => p.invoiceSerial).sort((a, b) => a! - b!);
    expect(serials).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(issued.map((i) => i.invoiceNumber)).size).toBe(50);
    expect(issued.map((i) => i.invoiceNumber)).toContain('MAS/3132/000050');
    // Issuing again returns the same number.
    expect(await issueInvoice(stack.deps, ids[0]!, inFy31)).toEqual(issued[0]);
    await expect(
      stack.db.$transaction(async (tx) => {
        await nextSerial(tx, '2031-32', 'INV');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await issueInvoice(stack.deps, ids[50]!, inFy31)).toEqual({ invoiceNumber: 'MAS/3132/000051' });
    // 31 March 2032, 19:00 UTC is 1 April in India: the new year's series.
    expect(await issueInvoice(stack.deps, ids[51]!, new Date('2032-03-31T19:00:00Z'))).toEqual({ invoiceNumber: 'MAS/3233/000001' });
  });
});
