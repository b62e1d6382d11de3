// eSign of the PAP agreement through Leegality (its simulator): the MOU details make one sign
// request and the view shows the student where to sign; the simulator's signing posts the
// webhook and the run moves to PENDING_MOU_REVIEW with the signed PDF and audit trail copied in.
// A bad MAC is 401 and writes nothing; a duplicate is 200 and changes nothing; an unknown
// document is 200 "ignored"; a rejected MOU is signed again on a new document; an Error webhook leaves the agreement waiting with the reason, and
// the manual upload still works; a Leegality outage leaves the upload, and a new link can be asked for.
// The first agreement then goes all the way: enrolled, placed, its one instalment paid → COMPLETED.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { pdfText } from '../support/pdf.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { createPapActivities } from '../../activities/pap.activities.js';
import { workflowIds } from '../../domain/ids.js';
import { LeegalityError, type LeegalityProvider } from '../../providers/leegality/interface.js';
import { signLeegalityMac } from '../../providers/leegality/webhooks.js';
import { apiCaller, createUser, json } from '../support/auth.js';
import { placeAndCollect } from '../support/pap-flow.js';
import { until } from '../support/poll.js';
import { startTestStack, TEST_LEEGALITY, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  stack = await startTestStack();
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

const DETAILS = {
  legalName: 'Meera Sunil Iyer',
  dateOfBirth: '2000-09-03',
  address: { line1: '4 Residency Road', city: 'Bengaluru', state: 'Karnataka', pin: '560025' },
  expectedSalaryBand: '3_TO_6_LPA',
};

/** A student with an APPROVED application and a PAP agreement whose MOU details are in. */
async function agreementAtUpload() {
  const tag = crypto.randomUUID().slice(0, 8);
  const course = await stack.db.course.create({ data: { slug: `esign-${tag}`, title: 'MAS101: Data Analytics', status: 'PUBLISHED' } });
  const batch = await stack.db.batch.create({ data: { code: `ES-${tag}`, name: 'MAS101 · eSign cohort', status: 'UPCOMING', capacity: 5, enrollmentFee: '50000.00', courseId: course.id } });
  const student = await createUser(stack, 'USER');
  const applied = await call(student.accessToken, 'POST', '/api/applications', { batchId: batch.id, phone: '+919812300003' });
  const appId = applied.body.id as string;
  await call(student.accessToken, 'POST', `/api/applications/${appId}/submit`);
  await call(admin.accessToken, 'POST', `/api/admin/applications/${appId}/start-review`);
  expect((await call(admin.accessToken, 'POST', `/api/admin/applications/${appId}/approve`)).status).toBe(200);
  const id = (await call(student.accessToken, 'POST', `/api/applications/${appId}/pap`)).body.id as string;
  const details = await call(student.accessToken, 'POST', `/api/pap/${id}/mou-details`, DETAILS);
  expect(details.status).toBe(200);
  return { student, id, details };
}

const row = (id: string) => stack.db.mas101PapWorkflow.findUniqueOrThrow({ where: { id } });
const events = (papId: string) => stack.db.webhookEvent.count({ where: { provider: 'leegality', subjectId: papId } });

const postWebhook = (body: unknown) => stack.app.request(json('POST', '/api/webhooks/leegality', body));

describe('PAP eSign through Leegality', () => {
  it('details → signUrl → signed on Leegality → webhook → PENDING_MOU_REVIEW with the signed PDF and audit trail; bad MAC 401, duplicate 200, unknown 200 ignored', async () => {
    const { student, id, details } = await agreementAtUpload();
    const documentId = details.body.esignDocumentId as string;
    expect(details.body).toMatchObject({ status: 'PENDING_MOU_UPLOAD', signUrl: expect.stringContaining(documentId), live: { esign: { documentId, signUrl: expect.any(String), failure: null } } });
    // One document, for the student, referenced by the PAP id; the link is the student's only.
    const docs = stack.leegalitySim.documents().filter((d) => d.irn === id);
    expect(docs.map((d) => d.documentId)).toEqual([documentId]);
    expect(docs[0]!.invitations).toEqual([expect.objectContaining({ name: DETAILS.legalName, email: student.email, phone: '9812300003' })]);
    expect(await row(id)).toMatchObject({ leegalityDocumentId: documentId, leegalityIrn: id, leegalitySignUrl: details.body.signUrl });
    expect((await call(admin.accessToken, 'GET', `/api/pap/${id}`)).body.signUrl).toBeNull();
    expect((await call(student.accessToken, 'GET', `/api/pap/${id}`)).body.signUrl).toBe(details.body.signUrl);

    // A bad MAC: 401, nothing recorded or moved. A malformed body: 400. An unknown document: 200 ignored.
    const before = await row(id);
    const forged = await stack.leegalitySim.deliverWebhook(documentId, { badMac: true });
    expect(forged.map((d) => d.httpStatus)).toEqual([401]);
    expect((await postWebhook({ webhookType: 'Success', documentId })).status).toBe(400);
    const unknown = await postWebhook({ webhookType: 'Success', documentId: 'not-ours-123', documentStatus: 'Completed', irn: null, mac: signLeegalityMac('not-ours-123', TEST_LEEGALITY.privateSalt) });
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ status: 'ignored' });
    expect(await events(id)).toBe(0);
    expect(await row(id)).toEqual(before);
    expect((await call(admin.accessToken, 'GET', `/api/pap/${id}/audit-trail`)).status).toBe(404);

    // Signed on Leegality: the simulator posts the webhook; the run copies the files in and moves.
    const signed = await stack.leegalitySim.sign(documentId);
    expect(signed.map((d) => d.httpStatus)).toEqual([200]);
    const review = await until(() => call(student.accessToken, 'GET', `/api/pap/${id}`), (r) => r.body.status === 'PENDING_MOU_REVIEW');
    expect(review.body).toMatchObject({ signedMouUploaded: true, mouSignedAt: expect.any(String), signUrl: null, live: { status: 'PENDING_MOU_REVIEW' } });
    const after = await row(id);
    expect(after).toMatchObject({ signedDocumentS3Bucket: stack.deps.documents.bucket, signedDocumentS3Key: `pap/${id}/esign/${documentId}/signed.pdf` });
    const text = await pdfText((await call(student.accessToken, 'GET', `/api/pap/${id}/signed-mou`)).body.url);
    expect(text).toContain('This stamp page is produced by a local simulator');
    expect(text).toContain(`Signed by ${DETAILS.legalName}`);
    const audit = await call(admin.accessToken, 'GET', `/api/pap/${id}/audit-trail`);
    expect(audit.status).toBe(200);
    expect(await pdfText(audit.body.url)).toContain(documentId);
    expect((await call(student.accessToken, 'GET', `/api/pap/${id}/audit-trail`)).status).toBe(403);

    // The same webhook twice more: acknowledged, nothing doubled or moved.
    const dup = await stack.leegalitySim.deliverWebhook(documentId, { duplicate: true });
    expect(dup.map((d) => d.httpStatus)).toEqual([200, 200]);
    expect(await events(id)).toBe(1);
    expect(await row(id)).toEqual(after);
    // The review goes on as with an upload: a rejection forgets the document; a new link signs again.
    const rejected = await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/review`, { decision: 'reject', notes: 'Signed by the wrong person', sendBackTo: 'PENDING_MOU_UPLOAD' });
    expect(rejected.body).toMatchObject({ status: 'PENDING_MOU_UPLOAD', esignDocumentId: null, signUrl: null, live: { esign: null, rejection: 'Signed by the wrong person' } });
    const resent = await call(student.accessToken, 'POST', `/api/pap/${id}/esign/resend`);
    expect(resent.body).toMatchObject({ status: 'PENDING_MOU_UPLOAD', esignDocumentId: expect.any(String), signUrl: expect.any(String) });
    const second = resent.body.esignDocumentId as string;
    expect(second).not.toBe(documentId);
    // The old document's webhook is now unknown: acknowledged, nothing moves.
    expect((await stack.leegalitySim.deliverWebhook(documentId, { retries: 0 })).map((d) => d.httpStatus)).toEqual([200]);
    expect((await row(id)).status).toBe('PENDING_MOU_UPLOAD');
    await stack.leegalitySim.sign(second);
    await until(() => row(id), (r) => r.status === 'PENDING_MOU_REVIEW');
    expect((await row(id)).signedDocumentS3Key).toBe(`pap/${id}/esign/${second}/signed.pdf`);
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/review`, { decision: 'approve' })).body.status).toBe('PENDING_PAYMENT_OPTION');

    // On to the end: pay after placement, approved, placed, one instalment paid → COMPLETED.
    expect((await call(student.accessToken, 'POST', `/api/pap/${id}/payment-option`, { option: 'PAP' })).body.status).toBe('PENDING_PAP_APPROVAL');
    expect((await call(admin.accessToken, 'POST', `/api/admin/pap/${id}/approve`)).body.status).toBe('ENROLLED');
    // 15% of Rs. 4.8 lakh.
    expect(await placeAndCollect(stack, { student: student.accessToken, admin: admin.accessToken }, id)).toMatchObject({ status: 'COMPLETED', credited: true, invoiceNumber: expect.any(String) });
    expect(await stack.temporal.workflow.getHandle(workflowIds.pap(id)).result()).toBe('COMPLETED');
    expect(await row(id)).toMatchObject({ status: 'COMPLETED', collectionAmountPaise: 7_200_000 });
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/pap-esign-completed.json', historyToJSON(await stack.temporal.workflow.getHandle(workflowIds.pap(id)).fetchHistory()));
  });

  it('an Error webhook (declined) keeps PENDING_MOU_UPLOAD with the reason; the manual upload still works', async () => {
    const { student, id, details } = await agreementAtUpload();
    const documentId = details.body.esignDocumentId as string;
    const rejected = await stack.leegalitySim.reject(documentId);
    expect(rejected.map((d) => d.httpStatus)).toEqual([200]);
    const failed = await until(() => call(student.accessToken, 'GET', `/api/pap/${id}`), (r) => r.body.live?.esign?.failure !== null);
    expect(failed.body).toMatchObject({ status: 'PENDING_MOU_UPLOAD', live: { status: 'PENDING_MOU_UPLOAD', esign: { documentId, failure: expect.stringMatching(/declined/) }, waitingFor: expect.stringMatching(/upload a signed scan/) } });
    expect((await row(id)).status).toBe('PENDING_MOU_UPLOAD');
    const bytes = new TextEncoder().encode('%PDF-1.4\n% signed scan\n');
    const url = await call(student.accessToken, 'POST', `/api/pap/${id}/signed-mou/upload-url`, { contentType: 'application/pdf', sizeBytes: bytes.length });
    expect((await fetch(url.body.upload.url, { method: 'PUT', headers: url.body.upload.headers, body: bytes })).status).toBe(200);
    const uploaded = await call(student.accessToken, 'POST', `/api/pap/${id}/signed-mou`, { key: url.body.key });
    expect(uploaded.body).toMatchObject({ status: 'PENDING_MOU_REVIEW', signedMouUploaded: true });
    expect((await row(id)).signedDocumentS3Key).toBe(url.body.key);
  });

  it('Leegality unavailable: the details still go through, the upload stays; a new link can be asked for', async () => {
    // Every try of the sign request answers 503 (three attempts).
    stack.leegalitySim.failNext(3, 503);
    const { student, id, details } = await agreementAtUpload();
    expect(details.body).toMatchObject({ status: 'PENDING_MOU_UPLOAD', esignDocumentId: null, signUrl: null, live: { esign: { documentId: null, failure: expect.stringMatching(/eSign request failed/) } } });
    const other = await createUser(stack, 'USER');
    expect((await call(other.accessToken, 'POST', `/api/pap/${id}/esign/resend`)).status).toBe(404);
    const resent = await call(student.accessToken, 'POST', `/api/pap/${id}/esign/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ status: 'PENDING_MOU_UPLOAD', esignDocumentId: expect.any(String), signUrl: expect.any(String), live: { esign: { failure: null } } });
    expect(stack.leegalitySim.documents().filter((d) => d.irn === id)).toHaveLength(1);
    // The link is open: no second one.
    expect((await call(student.accessToken, 'POST', `/api/pap/${id}/esign/resend`)).status).toBe(409);
    // A retried activity returns the stored document and makes no second one.
    const acts = createPapActivities({ ...stack.deps, now: () => new Date(), leegalityProfileId: TEST_LEEGALITY.profileId });
    expect((await acts.createEsignRequest({ papId: id })).documentId).toBe(resent.body.esignDocumentId);
    expect(stack.leegalitySim.documents().filter((d) => d.irn === id)).toHaveLength(1);
  });

  it('a permanent Leegality refusal comes back from the activity as a non-retryable failure', async () => {
    const { id } = await agreementAtUpload();
    await stack.db.mas101PapWorkflow.update({ where: { id }, data: { leegalityDocumentId: null, leegalitySignUrl: null } });
    const refusing: LeegalityProvider = {
      createSignRequest: () => Promise.reject(new LeegalityError(200, [{ code: 'INVALID_PROFILE', message: 'No such workflow profile' }], { retryable: false })),
      documentDetails: () => Promise.reject(new Error('unused')),
      fetchDocument: () => Promise.reject(new Error('unused')),
    };
    const acts = createPapActivities({ ...stack.deps, now: () => new Date(), leegality: refusing, leegalityProfileId: 'no-such-profile' });
    const err = await acts.createEsignRequest({ papId: id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ nonRetryable: true, message: expect.stringMatching(/INVALID_PROFILE/) });
    expect((await row(id)).leegalityDocumentId).toBeNull();
  });
});
