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


/** From nothing to PENDING_PAP_APPROVAL; answers the agreement and application ids. `start` replaces the REST start (e.g. to pass short reminder offsets). */
export async function papAwaitingApproval(stack: TestStack, tokens: { student: string; admin: string }, batchId: string, start?: (applicationId: string) => Promise<string>) {
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
  expect(await ok(call(tokens.student, 'POST', `/api/pap/${papId}/payment-option`, { option: 'PAP' }))).toMatchObject({ status: 'PENDING_PAP_APPROVAL' });
  return { papId, applicationId };
}
