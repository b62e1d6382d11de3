// Applying to a job (public multipart): real PDF and DOCX files are stored in the resumes bucket,
// a resume_received row is created and the candidate's run starts; bad files get 413/415/400,
// closed or foreign jobs 409/404, duplicates 409 (one winner in parallel), floods 429, and a
// failed start leaves nothing behind.
import http from 'node:http';
import { randomInt, randomUUID } from 'node:crypto';
import net from 'node:net';
import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { extractResumeText } from '../../services/hire/resume-text.js';
import { CANDIDATE_PIPELINE_WORKFLOW } from '../../workflows/candidate-pipeline/candidate-pipeline.contract.js';
import { DOCX_TYPE, exe, oversizePdf, PDF_TYPE, plainZip, png, scannedPdf, textDocx, textPdf } from '../support/resume-fixtures.js';
import { startTestStack, TEST_S3, type TestStack } from '../support/stack.js';
import { until } from '../support/poll.js';
import { unreachableObjectStore } from '../support/static-app.js';

let stack: TestStack;
/** RESUME_MAX_BYTES of 32 KiB and small rate limits. */
let tight: TestStack;
const TIGHT_MAX = 32 * 1024;
let pdf: Uint8Array;
beforeAll(async () => {
  [stack, tight] = await Promise.all([
    startTestStack({ worker: false, config: { applyRateLimit: { perIp: 100_000, perEmail: 1_000, windowSeconds: 60 } } }),
    startTestStack({ worker: false, config: { resumeMaxBytes: TIGHT_MAX, applyRateLimit: { perIp: 3, perEmail: 2, windowSeconds: 60 } } }),
  ]);
  pdf = await textPdf(['Asha Rao', 'Data Analyst: SQL, Python, Power BI', 'Pune']);
});
afterAll(async () => {
  await Promise.all([stack?.close(), tight?.close()]);
});

type Problem = { status: number; code: string; detail: string; errors?: { path: string; message: string }[] };
type Applied = { id: string; status: string; jobPostId: string };

async function job(over: { status?: 'draft' | 'active' | 'paused' | 'closed'; postedOn?: string; applicationDeadline?: Date } = {}, s = stack) {
  return s.db.jobPost.create({ data: { title: `Data Analyst ${randomUUID().slice(0, 6)}`, roles: [], status: over.status ?? 'active', postedOn: over.postedOn ?? 'mr-mentor', applicationDeadline: over.applicationDeadline ?? null } });
}

const email = () => `cand-${randomUUID().slice(0, 8)}@apply.test`;

interface Fields {
  resume?: { bytes: Uint8Array; type: string; name: string } | string | null;
  name?: string;
  email?: string;
  phone?: string;
  whatsappConsent?: string;
  coverNote?: string;
}
function form(f: Fields = {}): FormData {
  const fd = new FormData();
  const resume = f.resume === undefined ? { bytes: pdf, type: PDF_TYPE, name: 'Asha Rao CV.pdf' } : f.resume;
  if (typeof resume === 'string') fd.set('resume', resume);
  else if (resume) fd.set('resume', new Blob([resume.bytes], { type: resume.type }), resume.name);
  for (const k of ['name', 'email', 'phone', 'whatsappConsent', 'coverNote'] as const) {
    const v = k === 'name' ? (f.name ?? 'Asha Rao') : k === 'email' ? (f.email ?? email()) : f[k];
    if (v !== undefined) fd.set(k, v);
  }
  return fd;
}

const request = (jobId: string, body: FormData | string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request(`http://test/api/jobs/${jobId}/applications`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

async function apply(jobId: string, f: Fields | FormData = {}, opts: { headers?: Record<string, string>; app?: ReturnType<typeof createApp> } = {}) {
  const res = await (opts.app ?? stack.app).request(request(jobId, f instanceof FormData ? f : form(f), opts.headers));
  return { status: res.status, headers: res.headers, body: (await res.json()) as Applied & Problem };
}

const rowsFor = (addr: string, s = stack) => s.db.jobApplication.findMany({ where: { email: addr } });

/** The resume objects the simulator was asked to PUT/DELETE under a job's folder. */
const resumeCalls = (s: TestStack, jobId: string, method: string) =>
  s.s3Sim
    .requests()
    .filter((r) => r.method === method && r.path.startsWith(`/${TEST_S3.resumesBucket}/resumes/${jobId}/`))
    .map((r) => decodeURIComponent(r.path.slice(`/${TEST_S3.resumesBucket}/`.length)));

describe('POST /api/jobs/{id}/applications', () => {
  it('stores the resume, creates a resume_received row and starts the candidate pipeline', async () => {
    const j = await job();
    const addr = email();
    const res = await apply(j.id, { email: `  ${addr.toUpperCase()} `, name: ' Asha Rao ', phone: '98765 43210', whatsappConsent: 'true', coverNote: 'I would love to join.' });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'jobPostId', 'status']);
    expect(res.body).toMatchObject({ status: 'resume_received', jobPostId: j.id });

    const row = await stack.db.jobApplication.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({
      jobPostId: j.id,
      name: 'Asha Rao',
      email: addr,
      phone: '+919876543210',
      whatsappConsent: true,
      notes: 'I would love to join.',
      status: 'resume_received',
      platform: 'mr-mentor',
      source: 'career_page',
      resumeS3Bucket: TEST_S3.resumesBucket,
      resumeFileName: 'Asha Rao CV.pdf',
    });
    expect(row.resumeS3Key).toMatch(new RegExp(`^resumes/${j.id}/[0-9a-f-]{36}\\.pdf$`));
    const stored = await stack.deps.resumes.getObject(row.resumeS3Key!);
    expect(stored).toEqual({ body: pdf, contentType: PDF_TYPE });

    const run = await stack.temporal.workflow.getHandle(`candidate/${row.id}`).describe();
    expect(run.status.name).toBe('RUNNING');
    expect(run.type).toBe(CANDIDATE_PIPELINE_WORKFLOW);
    expect(run.taskQueue).toBe(stack.taskQueue);
    // The parse step reads the stored object: its text is there.
    const text = await extractResumeText(stored!.body, 'pdf');
    expect(text).toMatchObject({ outcome: 'ok', pageCount: 1 });
    expect(text.text).toContain('Data Analyst: SQL, Python, Power BI');
  });

  it('takes a DOCX, whose stored text extracts', async () => {
    const j = await job();
    const docx = await textDocx(['Ravi Kumar', 'Backend engineer: Go, PostgreSQL, Temporal']);
    const res = await apply(j.id, { resume: { bytes: docx, type: DOCX_TYPE, name: 'ravi.docx' }, whatsappConsent: 'false' });
    expect(res.status).toBe(201);
    const row = await stack.db.jobApplication.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ whatsappConsent: false, phone: null, notes: null, resumeFileName: 'ravi.docx' });
    expect(row.resumeS3Key).toMatch(/\.docx$/);
    const stored = await stack.deps.resumes.getObject(row.resumeS3Key!);
    expect(stored!.contentType).toBe(DOCX_TYPE);
    expect(await extractResumeText(stored!.body, 'docx')).toEqual({ text: 'Ravi Kumar\n\nBackend engineer: Go, PostgreSQL, Temporal', outcome: 'ok', truncated: false });
  });

  it('accepts a scanned PDF; its text extraction ends in no_text_layer for a recruiter', async () => {
    const j = await job();
    const scan = await scannedPdf();
    const res = await apply(j.id, { resume: { bytes: scan, type: PDF_TYPE, name: 'scan.pdf' } });
    expect(res.status).toBe(201);
    const row = await stack.db.jobApplication.findUniqueOrThrow({ where: { id: res.body.id } });
    const stored = await stack.deps.resumes.getObject(row.resumeS3Key!);
    expect((await extractResumeText(stored!.body, 'pdf')).outcome).toBe('no_text_layer');
  });

  it('takes the job on its own platform (x-platform)', async () => {
    const j = await job({ postedOn: 'my-analytics-school' });
    const res = await apply(j.id, {}, { headers: { 'x-platform': 'my-analytics-school' } });
    expect(res.status).toBe(201);
    expect((await stack.db.jobApplication.findUniqueOrThrow({ where: { id: res.body.id } })).platform).toBe('my-analytics-school');
  });
});

describe('refused uploads (nothing stored, no row)', () => {
  it('415 for a resume declared as another type, and for a body that is not multipart', async () => {
    const j = await job();
    const addr = email();
    for (const type of ['image/png', 'text/plain', 'application/zip', 'application/msword']) {
      const res = await apply(j.id, { email: addr, resume: { bytes: pdf, type, name: 'cv.pdf' } });
      expect(res.status, type).toBe(415);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const asJson = await stack.app.request(request(j.id, JSON.stringify({ name: 'x', email: addr }), { 'content-type': 'application/json' }));
    expect(asJson.status).toBe(415);
    expect(await rowsFor(addr)).toHaveLength(0);
    expect(resumeCalls(stack, j.id, 'PUT')).toHaveLength(0);
  });

  it('415 when the bytes do not match the declared type: a renamed PNG, a plain ZIP, an EXE, a PDF called DOCX', async () => {
    const j = await job();
    const addr = email();
    const cases = [
      { bytes: png(), type: PDF_TYPE, name: 'photo.pdf' },
      { bytes: plainZip(), type: DOCX_TYPE, name: 'archive.docx' },
      { bytes: exe(), type: DOCX_TYPE, name: 'setup.docx' },
      { bytes: exe(), type: PDF_TYPE, name: 'setup.pdf' },
      { bytes: pdf, type: DOCX_TYPE, name: 'cv.docx' },
    ];
    for (const resume of cases) {
      const res = await apply(j.id, { email: addr, resume });
      expect(res.status, resume.name).toBe(415);
      expect(res.body.detail).toMatch(/content/);
    }
    expect(await rowsFor(addr)).toHaveLength(0);
    expect(resumeCalls(stack, j.id, 'PUT')).toHaveLength(0);
  });

  it('413 for a resume over RESUME_MAX_BYTES, whether it fits the form allowance or is refused on Content-Length', async () => {
    const j = await job({}, tight);
    const addr = email();
    const justOver = await apply(j.id, { email: addr, resume: { bytes: oversizePdf(TIGHT_MAX + 1), type: PDF_TYPE, name: 'big.pdf' } }, { app: tight.app });
    expect(justOver.status).toBe(413);
    expect(justOver.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', errors: [{ path: 'form.resume' }] });
    // Exactly the limit is fine (over a socket of its own: the tight stack's per-IP limit is small).
    expect((await applyFrom(loopback(), tight, j.id, { email: addr, resume: { bytes: oversizePdf(TIGHT_MAX), type: PDF_TYPE, name: 'ok.pdf' } })).status).toBe(201);

    // A body far past the limit, streamed without a Content-Length: counted and cut.
    const other = email();
    const body = await new Request('http://x', { method: 'POST', body: form({ email: other, resume: { bytes: oversizePdf(400 * 1024), type: PDF_TYPE, name: 'huge.pdf' } }) });
    const streamed = await tight.app.request(request(j.id, body.body!, { 'content-type': body.headers.get('content-type')! }));
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as Problem).detail).toMatch(/RESUME_MAX_BYTES/);
    expect(await rowsFor(other, tight)).toHaveLength(0);
  });

  it('413 on Content-Length keeps the kept-alive socket usable', async () => {
    const j = await job({}, tight);
    const encoded = new Request('http://x', { method: 'POST', body: form({ resume: { bytes: oversizePdf(300 * 1024), type: PDF_TYPE, name: 'huge.pdf' } }) });
    const bytes = Buffer.from(await encoded.arrayBuffer());
    const head = `POST /api/jobs/${j.id}/applications HTTP/1.1\r\nHost: t\r\nContent-Type: ${encoded.headers.get('content-type')}\r\nContent-Length: ${bytes.length}\r\nConnection: keep-alive\r\n\r\n`;
    const socket = net.connect(Number(new URL(tight.apiUrl).port), '127.0.0.1');
    let received = '';
    socket.on('data', (b: Buffer) => (received += b.toString('latin1')));
    try {
      socket.write(Buffer.concat([Buffer.from(head), bytes]));
      const first = await until(async () => received, (r) => /\r\n\r\n[\s\S]*"code"[\s\S]*\}$/.test(r), 5_000, 20);
      expect(first).toMatch(/^HTTP\/1\.1 413/);
      expect(first).not.toMatch(/connection: close/i);
      received = '';
      await new Promise((r) => setTimeout(r, 1_000)); // past @hono/node-server's own 500 ms drain
      socket.write('GET /api/health HTTP/1.1\r\nHost: t\r\nConnection: keep-alive\r\n\r\n');
      expect(await until(async () => received, (r) => /^HTTP\/1\.1 \d{3}/.test(r), 5_000, 20)).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      socket.destroy();
    }
  });

  it('400 for bad fields, each named', async () => {
    const j = await job();
    const cases: [Fields, string][] = [
      [{ name: '' }, 'form.name'],
      [{ name: 'x'.repeat(201) }, 'form.name'],
      [{ email: 'not-an-email' }, 'form.email'],
      [{ phone: '12345' }, 'form.phone'],
      [{ whatsappConsent: 'maybe' }, 'form.whatsappConsent'],
      [{ coverNote: 'x'.repeat(5001) }, 'form.coverNote'],
      [{ resume: null }, 'form.resume'],
      [{ resume: 'just text, not a file' }, 'form.resume'],
      [{ resume: { bytes: new Uint8Array(0), type: PDF_TYPE, name: 'empty.pdf' } }, 'form.resume'],
    ];
    for (const [fields, path] of cases) {
      const res = await apply(j.id, fields);
      expect(res.status, path).toBe(400);
      expect(res.body.errors?.map((e) => e.path), path).toContain(path);
    }
    const badId = await apply('not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.errors?.[0]?.path).toBe('param.id');
    // A 5,000-character cover note and an empty optional phone are fine.
    expect((await apply(j.id, { coverNote: 'y'.repeat(5000), phone: '' })).status).toBe(201);
  });
});

describe('which jobs take applications', () => {
  it('404 for an unknown job, another platform’s job, or an unpublished draft', async () => {
    expect((await apply(randomUUID())).status).toBe(404);
    const foreign = await job({ postedOn: 'my-analytics-school' });
    const res = await apply(foreign.id);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect((await apply((await job({ status: 'draft' })).id)).status).toBe(404);
  });

  it('409 for a paused or closed job, or one past its deadline', async () => {
    for (const status of ['paused', 'closed'] as const) {
      const res = await apply((await job({ status })).id);
      expect(res.status, status).toBe(409);
      expect(res.body.detail).toContain(status);
    }
    expect((await apply((await job({ applicationDeadline: new Date(Date.now() - 60_000) })).id)).status).toBe(409);
  });
});

describe('one application per job and email', () => {
  it('409 on a second application from the same email (any case), while another job still takes it', async () => {
    const j = await job();
    const addr = email();
    expect((await apply(j.id, { email: addr })).status).toBe(201);
    const again = await apply(j.id, { email: addr.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already applied/);
    expect(resumeCalls(stack, j.id, 'PUT')).toHaveLength(1);
    expect((await apply((await job()).id, { email: addr })).status).toBe(201);
    expect(await rowsFor(addr)).toHaveLength(2);
  });

  it('10 parallel applications from one email: exactly one 201, the rest 409, and only the winner’s resume is kept', async () => {
    const j = await job();
    const addr = email();
    const results = await Promise.all(Array.from({ length: 10 }, () => apply(j.id, { email: addr })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    const rows = await rowsFor(addr);
    expect(rows).toHaveLength(1);
    for (const key of resumeCalls(stack, j.id, 'PUT')) {
      const kept = await stack.deps.resumes.head(key);
      if (key === rows[0]!.resumeS3Key) expect(kept).not.toBeNull();
      else expect(kept, key).toBeNull();
    }
    const winner = results.find((r) => r.status === 201)!;
    expect((await stack.temporal.workflow.getHandle(`candidate/${winner.body.id}`).describe()).status.name).toBe('RUNNING');
  });
});

/** Multipart over a real socket from a chosen loopback address, so the per-IP limit sees distinct clients. */
async function applyFrom(localAddress: string, s: TestStack, jobId: string, f: Fields) {
  const encoded = new Request('http://x', { method: 'POST', body: form(f) });
  const body = Buffer.from(await encoded.arrayBuffer());
  const url = new URL(`${s.apiUrl}/api/jobs/${jobId}/applications`);
  return new Promise<{ status: number; retryAfter: string | undefined; body: Problem }>((resolve, reject) => {
    const req = http.request(url, { method: 'POST', localAddress, agent: false, headers: { 'content-type': encoded.headers.get('content-type')!, 'content-length': body.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'], body: JSON.parse(text) as Problem }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const loopback = () => `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;

describe('rate limits', () => {
  it('429 with Retry-After past the per-IP limit', async () => {
    const j = await job({}, tight);
    const ip = loopback();
    for (let i = 0; i < 3; i++) expect((await applyFrom(ip, tight, j.id, { email: email() })).status).toBe(201);
    const blocked = await applyFrom(ip, tight, j.id, { email: email() });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(60);
    // Another client is not affected.
    expect((await applyFrom(loopback(), tight, j.id, { email: email() })).status).toBe(201);
  });

  it('429 past the per-email limit, across jobs and addresses', async () => {
    const addr = email();
    for (let i = 0; i < 2; i++) expect((await applyFrom(loopback(), tight, (await job({}, tight)).id, { email: addr })).status).toBe(201);
    const blocked = await applyFrom(loopback(), tight, (await job({}, tight)).id, { email: addr });
    expect(blocked.status).toBe(429);
    expect(blocked.retryAfter).toBeDefined();
    expect(await rowsFor(addr, tight)).toHaveLength(2);
  });
});

describe('a failure after the upload leaves nothing behind', () => {
  it('503 when the pipeline cannot start: no row, the resume deleted, and a retry then succeeds', async () => {
    const broken = createApp({ ...stack.deps, temporal: new Client({ connection: stack.temporal.connection, namespace: `no-such-namespace-${randomUUID().slice(0, 8)}` }) });
    const j = await job();
    const addr = email();
    const res = await apply(j.id, { email: addr }, { app: broken });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(res.headers.get('retry-after')).toBe('5');
    expect(JSON.stringify(res.body)).not.toMatch(/namespace|grpc|at \w+ \(/i);
    expect(await rowsFor(addr)).toHaveLength(0);
    const [key] = resumeCalls(stack, j.id, 'PUT');
    expect(resumeCalls(stack, j.id, 'DELETE')).toEqual([key]);
    expect(await stack.deps.resumes.head(key!)).toBeNull();
    expect((await apply(j.id, { email: addr })).status).toBe(201);
  });

  it('503 when the resume cannot be stored, and no row', async () => {
    const broken = createApp({ ...stack.deps, resumes: unreachableObjectStore() });
    const j = await job();
    const addr = email();
    const res = await apply(j.id, { email: addr }, { app: broken });
    expect(res.status).toBe(503);
    expect(await rowsFor(addr)).toHaveLength(0);
  });
});

describe('the OpenAPI document', () => {
  it('documents the public multipart body, its limits and its answers', async () => {
    const spec = (await (await stack.app.request('/openapi.json')).json()) as {
      paths: Record<string, { post: { 'x-roles': string[]; requestBody: { content: Record<string, { schema: unknown }> }; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties: Record<string, { type?: string; format?: string; maxLength?: number }>; required: string[] }> };
    };
    const op = spec.paths['/api/jobs/{id}/applications']!.post;
    expect(op['x-roles']).toEqual(['public']);
    expect(Object.keys(op.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['201', '400', '404', '409', '413', '415', '429', '503']));
    const formSchema = spec.components.schemas.JobApplicationForm!;
    expect(formSchema.properties.resume).toMatchObject({ type: 'string', format: 'binary' });
    expect(formSchema.properties.coverNote?.maxLength).toBe(5000);
    expect(formSchema.required).toEqual(expect.arrayContaining(['resume', 'name', 'email']));
  });
});
