// Drives a PAP agreement over the REST api to a given wait: a batch with one course, an approved
// application, the agreement started, the MOU details filled in, a signed scan uploaded through
// the presigned PUT, the review approved and pay-after-placement chosen (PENDING_PAP_APPROVAL).
import { expect } from 'vitest';
import { apiCaller } from './auth.js';
import type { TestStack } from './stack.js';

export const PAP_DETAILS = {
  legalName: 'Asha Ramesh Kulkarni',
  dateOfBirth: '2001-04-12',
  address: { line1: '12 MG Road', city: 'Pune', state: 'Maharashtra', pin: '411001' },
  expectedSalaryBand: '6_TO_10_LPA',
};


/**
 * From nothing to PENDING_PAP_APPROVAL (or, with `option: 'UPFRONT'`, to what choosing upfront
 * leads to, `expectStatus`); answers the agreement and application ids. `start` replaces the REST
 * start (e.g. to pass short reminder offsets, or to change the application first).
 */
export async function papAwaitingApproval(
  stack: TestStack,
  tokens: { student: string; admin: string },
  batchId: string,
  opts: { start?: (applicationId: string) => Promise<string>; option?: 'PAP' | 'UPFRONT'; expectStatus?: string } = {},
) {
  const { start, option = 'PAP', expectStatus = 'PENDING_PAP_APPROVAL' } = opts;
  const call = apiCaller(stack);
  const ok = async (p: Promise<{ status: number; body: Record<string, unknown> }>, status = 200) => {
    const r = await p;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };
  const applicationId = (await ok(call(tokens.student, 'POST', '/api/applications', { batchId, phone: '+919812300002' }), 201)).id as string;
  await ok(call(tokens.student, 'POST', `/api/applications/${applicationId}/submit`));
  await ok(call(tokens.admin, 'POST', `/api/admin/applications/${applicationId}/start-review`));
  await ok(call(tokens.admin, 'POST', `/api/admin/applications/${applicationId}/approve`));
  const papId = start ? await start(applicationId) : ((await ok(call(tokens.student, 'POST', `/api/applications/${applicationId}/pap`), 201)).id as string);
  await ok(call(tokens.student, 'POST', `/api/pap/${papId}/mou-details`, PAP_DETAILS));
  const bytes = new TextEncoder().encode('%PDF-1.4\n% signed scan\n');
  const url = (await ok(call(tokens.student, 'POST', `/api/pap/${papId}/signed-mou/upload-url`, { contentType: 'application/pdf', sizeBytes: bytes.length }))) as { key: string; upload: { url: string; headers: Record<string, string> } };
  expect((await fetch(url.upload.url, { method: 'PUT', headers: url.upload.headers, body: bytes })).status).toBe(200);
  await ok(call(tokens.student, 'POST', `/api/pap/${papId}/signed-mou`, { key: url.key }));
  await ok(call(tokens.admin, 'POST', `/api/admin/pap/${papId}/review`, { decision: 'approve' }));
  expect(await ok(call(tokens.student, 'POST', `/api/pap/${papId}/payment-option`, { option }))).toMatchObject({ status: expectStatus });
  return { papId, applicationId };
}

/**
 * From ENROLLED to COMPLETED: the student uploads an offer letter and reports the placement, an
 * admin verifies it as one instalment (due in 30 days), and the student pays it early through
 * checkout and the Razorpay simulator. Answers the paid instalment's payment run outcome.
 */
export async function placeAndCollect(stack: TestStack, tokens: { student: string; admin: string }, papId: string) {
  const call = apiCaller(stack);
  const ok = async (p: Promise<{ status: number; body: Record<string, unknown> }>, status = 200) => {
    const r = await p;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };
  const bytes = new TextEncoder().encode('%PDF-1.4\n% offer letter\n');
  const url = (await ok(call(tokens.student, 'POST', `/api/pap/${papId}/offer-letter/upload-url`, { contentType: 'application/pdf', sizeBytes: bytes.length }))) as { key: string; upload: { url: string; headers: Record<string, string> } };
  expect((await fetch(url.upload.url, { method: 'PUT', headers: url.upload.headers, body: bytes })).status).toBe(200);
  await ok(call(tokens.student, 'POST', `/api/pap/${papId}/placement`, { company: 'Delta Insights', role: 'Business Analyst', ctcPaise: 48_000_000, offerLetterKey: url.key }));
  const verified = await ok(call(tokens.admin, 'POST', `/api/admin/pap/${papId}/placement/verify`, { decision: 'approve', instalments: 1 }));
  expect(verified).toMatchObject({ status: 'PAYMENT_COLLECTION_PENDING', collection: { instalments: [{ seq: 1, status: 'DUE' }] } });
  const pay = (await ok(call(tokens.student, 'POST', `/api/pap/${papId}/instalments/1/payment`, {}), 201)) as { workflowId: string; checkout: { order_id: string } };
  const paid = stack.razorpaySim.pay(pay.checkout.order_id, { outcome: 'captured' });
  await ok(call(tokens.student, 'POST', `/api/pap/${papId}/instalments/1/payment/verify`, { razorpay_order_id: pay.checkout.order_id, razorpay_payment_id: paid.razorpay_payment_id, razorpay_signature: paid.razorpay_signature }));
  return stack.temporal.workflow.getHandle(pay.workflowId).result();
}
