// Mentor onboarding: apply, approve (profile + EXPERT in one step) or reject, edit profile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const application = { bio: 'Eight years of analytics in retail banking.', expertise: ['SQL', 'Tableau'], proposedRateTokens: 3 };

describe('mentor onboarding', () => {
  it('apply → approve creates the profile and makes the user an EXPERT who can offer slots', async () => {
    const u = await createUser(stack, 'USER');
    const admin = await createUser(stack, 'ADMIN');
    const applied = await stack.app.request(json('POST', '/api/mentor-applications', application, bearerHeader(u.accessToken)));
    expect(applied.status).toBe(201);
    const { id } = (await applied.json()) as { id: string };
    expect((await stack.app.request(json('POST', '/api/mentor-applications', application, bearerHeader(u.accessToken)))).status).toBe(409);

    const approved = await stack.app.request(json('POST', `/api/admin/mentor-applications/${id}/approve`, { earningPerSessionPaise: 60_000 }, bearerHeader(admin.accessToken)));
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'APPROVED' });
    expect(await stack.db.user.findUniqueOrThrow({ where: { id: u.user.id } })).toMatchObject({ role: 'EXPERT' });
    expect(await stack.db.mentor.findUniqueOrThrow({ where: { userId: u.user.id } })).toMatchObject({ rateTokens: 3, earningPerSessionPaise: 60_000, expertise: ['SQL', 'Tableau'] });

    // Reviewing twice is an illegal transition.
    expect((await stack.app.request(json('POST', `/api/admin/mentor-applications/${id}/reject`, {}, bearerHeader(admin.accessToken)))).status).toBe(409);

    // The same access token now acts as an EXPERT (the role is read from the database).
    const start = new Date(Date.now() + 86_400_000);
    const slot = await stack.app.request(json('POST', '/api/slots', { startDateTime: start.toISOString(), endDateTime: new Date(start.getTime() + 3_600_000).toISOString() }, bearerHeader(u.accessToken)));
    expect(slot.status).toBe(201);
    const edited = await stack.app.request(json('PATCH', '/api/mentors/me', { rateTokens: 4 }, bearerHeader(u.accessToken)));
    expect(await edited.json()).toMatchObject({ rateTokens: 4 });
  });

  it('reject leaves the user a USER; the list filters by status', async () => {
    const u = await createUser(stack, 'USER');
    const admin = await createUser(stack, 'ADMIN');
    const { id } = (await (await stack.app.request(json('POST', '/api/mentor-applications', application, bearerHeader(u.accessToken)))).json()) as { id: string };
    expect((await stack.app.request(json('POST', `/api/admin/mentor-applications/${id}/reject`, { notes: 'Not yet' }, bearerHeader(admin.accessToken)))).status).toBe(200);
    expect((await stack.db.user.findUniqueOrThrow({ where: { id: u.user.id } })).role).toBe('USER');
    const list = (await (await stack.app.request(json('GET', '/api/admin/mentor-applications?status=REJECTED&limit=100', undefined, bearerHeader(admin.accessToken)))).json()) as { items: { id: string; status: string }[] };
    expect(list.items.find((a) => a.id === id)).toMatchObject({ status: 'REJECTED' });
    expect(list.items.every((a) => a.status === 'REJECTED')).toBe(true);
  });

  it('refuses a thin application with 400', async () => {
    const u = await createUser(stack, 'USER');
    const res = await stack.app.request(json('POST', '/api/mentor-applications', { bio: 'short', expertise: [] }, bearerHeader(u.accessToken)));
    expect(res.status).toBe(400);
  });
});
