// Meeting recordings through the REST api on the real stack: the browser's bytes go to the S3
// simulator by presigned PUT, complete runs meeting-recording/<id> on Temporal, which HEADs the
// object; the slot's mentor, its student and staff see it (others get 404); delete removes
// the object through meeting-recording-deletion/<id>.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingStatus } from '../../domain/slot/status.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { createMentorWithSlot } from '../support/fixtures.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const MAX_BYTES = 256 * 1024;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ config: { recordings: { maxBytes: MAX_BYTES, uploadGraceSeconds: 2, downloadUrlTtlSeconds: 60 } } });
});
afterAll(() => stack.close());

interface Recording {
  id: string;
  slotId: string;
  status: string;
  sizeBytes: number | null;
  contentType: string | null;
  failureReason: string | null;
  uploadedAt: string | null;
  download: { url: string; expiresAt: string } | null;
}
interface Created {
  recording: Recording;
  upload: { url: string; method: 'PUT'; headers: Record<string, string>; expiresAt: string };
}

const token = (user: { id: string; role: string }) => stack.deps.jwt.sign({ sub: user.id, role: user.role as 'USER', pwd: 0 });
const call = async (method: string, path: string, who: { id: string; role: string }, body?: unknown) => stack.app.request(json(method, path, body, bearerHeader(await token(who))));
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) % 256);

async function meeting(status: MeetingStatus = 'CONFIRMED') {
  return createMentorWithSlot(stack.db, { status });
}

async function startUpload(m: Awaited<ReturnType<typeof meeting>>, body: { contentType: string; sizeBytes: number }) {
  const res = await call('POST', `/api/slots/${m.slot.id}/recordings`, m.mentor, body);
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

/** What a browser does with the upload answer (it sets Content-Length itself). */
function uploadBytes(upload: Created['upload'], body: Uint8Array, contentType = upload.headers['content-type']!) {
  return fetch(upload.url, { method: upload.method, body, headers: { 'content-type': contentType } });
}

async function complete(m: { mentor: { id: string; role: string } }, id: string) {
  const res = await call('POST', `/api/recordings/${id}/complete`, m.mentor);
  expect(res.status).toBe(202);
  return (await res.json()) as { recording: Recording; workflowId: string };
}

describe('meeting recordings', () => {
  it('upload → complete → UPLOADED with a download URL that returns the same bytes', async () => {
    const m = await meeting();
    const file = bytes(50_000);
    const { recording, upload } = await startUpload(m, { contentType: 'video/webm;codecs=vp9,opus', sizeBytes: file.length });
    expect(recording).toMatchObject({ slotId: m.slot.id, status: 'RECORDING', sizeBytes: null, download: null });
    expect(upload.headers).toEqual({ 'content-type': 'video/webm;codecs=vp9,opus', 'content-length': String(file.length) });
    const row = await stack.db.meetingRecording.findUniqueOrThrow({ where: { id: recording.id } });
    expect(row).toMatchObject({ objectKey: `recordings/${m.slot.id}/${recording.id}.webm`, bucket: stack.deps.s3.bucket, uploadedById: m.mentor.id });

    expect((await uploadBytes(upload, file)).status).toBe(200);
    const done = await complete(m, recording.id);
    expect(done).toMatchObject({ workflowId: `meeting-recording/${recording.id}`, recording: { status: 'PROCESSING' } });
    const handle = stack.temporal.workflow.getHandle(done.workflowId);
    expect(await handle.result()).toEqual({ recordingId: recording.id, status: 'UPLOADED', failureReason: null });
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/meeting-recording.json', historyToJSON(await handle.fetchHistory()));

    // Completing again is a replay: the same run, the same answer.
    const again = await complete(m, recording.id);
    expect(again).toMatchObject({ workflowId: done.workflowId, recording: { status: 'UPLOADED' } });

    for (const viewer of [m.mentor, m.student]) {
      const got = (await (await call('GET', `/api/recordings/${recording.id}`, viewer)).json()) as Recording;
      expect(got).toMatchObject({ status: 'UPLOADED', sizeBytes: file.length, contentType: 'video/webm;codecs=vp9,opus', failureReason: null });
      expect(got.uploadedAt).not.toBeNull();
      const download = await fetch(got.download!.url);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="meeting-recording-[0-9a-f]{8}\.webm"/);
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(file);
    }
    const list = (await (await call('GET', `/api/slots/${m.slot.id}/recordings`, m.student)).json()) as { items: Recording[] };
    expect(list.items.map((r) => [r.id, r.status, r.download !== null])).toEqual([[recording.id, 'UPLOADED', true]]);
  });

  it('complete without an upload → FAILED with a reason once the grace period passes', async () => {
    const m = await meeting('COMPLETED');
    const { recording } = await startUpload(m, { contentType: 'audio/mpeg', sizeBytes: 1000 });
    const done = await complete(m, recording.id);
    const handle = stack.temporal.workflow.getHandle(done.workflowId);
    const result = await handle.result();
    // This history has the look-again timers in it.
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/meeting-recording-missing.json', historyToJSON(await handle.fetchHistory()));
    expect(result).toMatchObject({ status: 'FAILED', failureReason: expect.stringMatching(/did not arrive within 2 seconds/) });
    const got = (await (await call('GET', `/api/recordings/${recording.id}`, m.mentor)).json()) as Recording;
    expect(got).toMatchObject({ status: 'FAILED', sizeBytes: null, download: null, failureReason: expect.stringMatching(/did not arrive/) });
  });

  it('the upload URL accepts only the declared type and size', async () => {
    const m = await meeting();
    const { upload, recording } = await startUpload(m, { contentType: 'video/mp4', sizeBytes: 100 });
    expect((await uploadBytes(upload, bytes(100), 'text/html')).status).toBe(403);
    expect((await uploadBytes(upload, bytes(101))).status).toBe(403);
    expect(await stack.deps.s3.head(`recordings/${m.slot.id}/${recording.id}.mp4`)).toBeNull();
  });

  it('refuses other media types, sizes over the limit, and slots that are not meetings', async () => {
    const m = await meeting();
    expect((await call('POST', `/api/slots/${m.slot.id}/recordings`, m.mentor, { contentType: 'text/html', sizeBytes: 10 })).status).toBe(400);
    expect((await call('POST', `/api/slots/${m.slot.id}/recordings`, m.mentor, { contentType: 'video/webm', sizeBytes: MAX_BYTES + 1 })).status).toBe(422);
    for (const status of ['TENTATIVE', 'CANCELLED'] as const) {
      const other = await meeting(status);
      const res = await call('POST', `/api/slots/${other.slot.id}/recordings`, other.mentor, { contentType: 'video/webm', sizeBytes: 10 });
      expect(res.status).toBe(409);
    }
  });

  it('only the slot’s mentor, its student and staff see recordings; others get 404', async () => {
    const m = await meeting();
    const { recording } = await startUpload(m, { contentType: 'video/webm', sizeBytes: 10 });
    const stranger = await meeting();
    const admin = (await createUser(stack, 'ADMIN')).user;
    for (const outsider of [stranger.mentor, stranger.student]) {
      expect((await call('GET', `/api/recordings/${recording.id}`, outsider)).status).toBe(404);
      expect((await call('GET', `/api/slots/${m.slot.id}/recordings`, outsider)).status).toBe(404);
    }
    expect((await call('POST', `/api/recordings/${recording.id}/complete`, stranger.mentor)).status).toBe(404);
    expect((await call('DELETE', `/api/recordings/${recording.id}`, stranger.mentor)).status).toBe(404);
    expect((await call('POST', `/api/slots/${m.slot.id}/recordings`, stranger.mentor, { contentType: 'video/webm', sizeBytes: 10 })).status).toBe(404);
    // The student may watch but not manage.
    expect((await call('DELETE', `/api/recordings/${recording.id}`, m.student)).status).toBe(403);
    expect((await call('GET', `/api/recordings/${recording.id}`, admin)).status).toBe(200);
    expect((await call('GET', `/api/slots/${m.slot.id}/recordings`, admin)).status).toBe(200);
  });

  it('delete → DELETED, the object is removed, and repeating it is safe', async () => {
    const m = await meeting();
    const file = bytes(2048);
    const { recording, upload } = await startUpload(m, { contentType: 'audio/webm', sizeBytes: file.length });
    expect((await uploadBytes(upload, file)).status).toBe(200);
    await stack.temporal.workflow.getHandle((await complete(m, recording.id)).workflowId).result();
    const key = `recordings/${m.slot.id}/${recording.id}.weba`;
    expect(await stack.deps.s3.head(key)).toMatchObject({ sizeBytes: 2048 });
    const before = ((await (await call('GET', `/api/recordings/${recording.id}`, m.student)).json()) as Recording).download!.url;

    const admin = (await createUser(stack, 'ADMIN')).user;
    const res = await call('DELETE', `/api/recordings/${recording.id}`, admin);
    expect(res.status).toBe(202);
    const deleted = (await res.json()) as { recording: Recording; workflowId: string };
    expect(deleted).toMatchObject({ workflowId: `meeting-recording-deletion/${recording.id}`, recording: { status: 'DELETED', download: null } });
    const handle = stack.temporal.workflow.getHandle(deleted.workflowId);
    expect(await handle.result()).toEqual({ recordingId: recording.id, objectKey: key });
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/meeting-recording-deletion.json', historyToJSON(await handle.fetchHistory()));
    expect(await stack.deps.s3.head(key)).toBeNull();
    expect((await fetch(before)).status).toBe(404);

    const again = await call('DELETE', `/api/recordings/${recording.id}`, m.mentor);
    expect(again.status).toBe(202);
    expect(((await again.json()) as { recording: Recording }).recording.status).toBe('DELETED');
  });

  it('illegal transitions answer 409 through the lifecycle', async () => {
    const m = await meeting();
    const { recording } = await startUpload(m, { contentType: 'video/webm', sizeBytes: 10 });
    const early = await call('DELETE', `/api/recordings/${recording.id}`, m.mentor);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', detail: 'A recording cannot go from RECORDING to DELETED' });

    await complete(m, recording.id);
    expect((await call('DELETE', `/api/recordings/${recording.id}`, m.mentor)).status).toBe(409);
    await stack.temporal.workflow.getHandle(`meeting-recording/${recording.id}`).result();
    expect((await call('DELETE', `/api/recordings/${recording.id}`, m.mentor)).status).toBe(202);
    const late = await call('POST', `/api/recordings/${recording.id}/complete`, m.mentor);
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', detail: 'A recording cannot go from DELETED to PROCESSING' });
  });
});
