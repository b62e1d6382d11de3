// The meeting server's signed event: authentication, validation and the error model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMentorWithSlot, meetingEndedRequest, signBody } from '../support/fixtures.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.headers.get('x-request-id')).toBeTruthy();
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+|prisma|PrismaClient|temporal|stack/i);
  return body;
}

describe('POST /api/internal/meetings/:slotId/ended — security', () => {
  it('refuses a missing signature with 401', async () => {
    const { slot } = await createMentorWithSlot(stack.db);
    await expectProblem(await stack.app.request(meetingEndedRequest(slot.id, undefined, { signature: null })), 401);
  });

  it('refuses a signature made with another secret with 401', async () => {
    const { slot } = await createMentorWithSlot(stack.db);
    const body = JSON.stringify({ endedAt: new Date().toISOString() });
    const res = await stack.app.request(meetingEndedRequest(slot.id, body, { signature: signBody(body, 'some-other-secret-xxxxxxxx') }));
    await expectProblem(res, 401);
  });

  it('refuses a signature over a different body with 401', async () => {
    const { slot } = await createMentorWithSlot(stack.db);
    const signed = signBody(JSON.stringify({ endedAt: '2026-01-01T00:00:00Z' }));
    const res = await stack.app.request(meetingEndedRequest(slot.id, { endedAt: new Date().toISOString() }, { signature: signed }));
    await expectProblem(res, 401);
    expect((await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe('CONFIRMED');
  });
});

describe('POST /api/internal/meetings/:slotId/ended — errors', () => {
  it('answers a bad body with 400 listing the fields', async () => {
    const { slot } = await createMentorWithSlot(stack.db);
    const res = await stack.app.request(meetingEndedRequest(slot.id, { endedAt: 'yesterday', surprise: true }));
    const body = await expectProblem(res, 400);
    const paths = (body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toContain('json.endedAt');
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/surprise/) })]));
  });

  it('answers malformed JSON with 400', async () => {
    const { slot } = await createMentorWithSlot(stack.db);
    const body = await expectProblem(await stack.app.request(meetingEndedRequest(slot.id, '{"endedAt": ')), 400);
    expect(body.code).toBe('MALFORMED_JSON');
  });

  it('answers a body that is not JSON with 415', async () => {
    const { slot } = await createMentorWithSlot(stack.db);
    const body = await expectProblem(await stack.app.request(meetingEndedRequest(slot.id, 'endedAt=now', { contentType: 'text/plain' })), 415);
    expect(body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a non-uuid slot id with 400', async () => {
    await expectProblem(await stack.app.request(meetingEndedRequest('not-a-uuid')), 400);
  });

  it('answers an unknown slot with 404', async () => {
    await expectProblem(await stack.app.request(meetingEndedRequest('6b3d8f0e-0000-4000-8000-000000000000')), 404);
  });

  it('answers a slot that cannot end (TENTATIVE, CANCELLED) with 409 and changes nothing', async () => {
    for (const status of ['TENTATIVE', 'CANCELLED'] as const) {
      const { slot } = await createMentorWithSlot(stack.db, { status });
      const body = await expectProblem(await stack.app.request(meetingEndedRequest(slot.id)), 409);
      expect(body.code).toBe('ILLEGAL_TRANSITION');
      expect((await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe(status);
    }
  });

  it('answers an end time in the future with 422', async () => {
    const { slot } = await createMentorWithSlot(stack.db);
    await expectProblem(await stack.app.request(meetingEndedRequest(slot.id, { endedAt: new Date(Date.now() + 3_600_000).toISOString() })), 422);
  });

  it('answers an oversized body with 413', async () => {
    const { slot } = await createMentorWithSlot(stack.db);
    const big = JSON.stringify({ endedAt: new Date().toISOString(), eventId: 'x'.repeat(100_000) });
    await expectProblem(await stack.app.request(meetingEndedRequest(slot.id, big)), 413);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    await expectProblem(await stack.app.request('/api/does-not-exist'), 404);
  });

  it('documents the route in /openapi.json', async () => {
    const res = await stack.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const spec = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/internal/meetings/{slotId}/ended']));
  });
});
