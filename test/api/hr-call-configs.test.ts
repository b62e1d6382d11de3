// HR phone-call configurations: admins create, list, change and delete them; bad input is 400
// (or 422 for an unknown user or prompt); other roles are refused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const BASE = '/api/admin/hr-call-configs';

describe('HR call configs', () => {
  it('admin CRUD with validation', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const recruiter = await createUser(stack, 'EXPERT');
    expect((await call(recruiter.accessToken, 'GET', BASE)).status).toBe(403);
    expect((await call(admin.accessToken, 'POST', BASE, { userId: recruiter.user.id, provider: 'skype' })).status).toBe(400);
    expect((await call(admin.accessToken, 'POST', BASE, { userId: recruiter.user.id, provider: 'aarya', callWindowStart: '19:00', callWindowEnd: '09:00' })).status).toBe(400);
    expect((await call(admin.accessToken, 'POST', BASE, { userId: randomUUID(), provider: 'aarya' })).status).toBe(422);
    expect((await call(admin.accessToken, 'POST', BASE, { userId: recruiter.user.id, provider: 'aarya', aiCallPromptId: randomUUID() })).status).toBe(422);

    const created = await call(admin.accessToken, 'POST', BASE, { userId: recruiter.user.id, provider: 'elevenlabs', callerId: '+918047100000', maxRetries: 3 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ provider: 'elevenlabs', callerId: '+918047100000', maxRetries: 3, language: 'en-IN', callWindowStart: '09:00', timezone: 'Asia/Kolkata', isActive: true });
    const id = created.body.id as string;
    expect((await call(admin.accessToken, 'GET', `${BASE}?userId=${recruiter.user.id}`)).body.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await call(admin.accessToken, 'PATCH', `${BASE}/${id}`, {})).status).toBe(400);
    expect((await call(admin.accessToken, 'PATCH', `${BASE}/${id}`, { callWindowEnd: '08:00' })).status).toBe(400);
    expect((await call(admin.accessToken, 'PATCH', `${BASE}/${id}`, { isActive: false, callerId: null })).body).toMatchObject({ isActive: false, callerId: null });
    expect((await call(admin.accessToken, 'PATCH', `${BASE}/${randomUUID()}`, { isActive: true })).status).toBe(404);
    expect((await call(admin.accessToken, 'DELETE', `${BASE}/${id}`)).status).toBe(204);
    expect((await call(admin.accessToken, 'DELETE', `${BASE}/${id}`)).status).toBe(404);
  });
});
