// The public mentor directory: filters by expertise, rating, price and text with cursor pages;
// a profile with the students' ratings (never the mentor's own ratings of students); profile
// views deduped per viewer per day (also when sent in parallel), never one's own, and the
// mentor's counts.
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
/** A public GET: no token. */
const get = async (path: string) => {
  const res = await stack.app.request(path);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read loosely, as apiCaller does; the OpenAPI tests check the shapes
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('mentor directory', () => {
  it('lists and filters mentors, shows a profile with ratings, counts views once per viewer per day', async () => {
    const tag = randomUUID().slice(0, 6);
    const expert = `sql-${tag}`;
    const mentor = async (name: string, rateTokens: number, expertise: string[]) => {
      const u = await createUser(stack, 'EXPERT');
      await stack.db.user.update({ where: { id: u.user.id }, data: { name } });
      await stack.db.mentor.create({ data: { userId: u.user.id, rateTokens, expertise, bio: `${name} teaches ${expertise.join(', ')}` } });
      return u;
    };
    const asha = await mentor(`Asha ${tag}`, 2, [expert.toUpperCase(), 'python']);
    const ravi = await mentor(`Ravi ${tag}`, 5, [expert]);
    const off = await mentor(`Off ${tag}`, 1, [expert]);
    await stack.db.mentor.update({ where: { userId: off.user.id }, data: { isActive: false } });
    const student = await createUser(stack, 'USER');
    const rate = async (mentorId: string, rating: number, side: 'STUDENT' | 'MENTOR' = 'STUDENT') => {
      const slot = await stack.db.slot.create({ data: { mentorId, studentId: student.user.id, startDateTime: new Date(Date.now() - 7200_000), endDateTime: new Date(Date.now() - 3600_000), status: 'COMPLETED' } });
      await stack.db.slotFeedback.create({ data: { slotId: slot.id, side, givenById: side === 'STUDENT' ? student.user.id : mentorId, aboutUserId: side === 'STUDENT' ? mentorId : student.user.id, rating, comment: `rated ${rating}` } });
    };
    await rate(asha.user.id, 5);
    await rate(asha.user.id, 4);
    await rate(ravi.user.id, 3);
    await rate(ravi.user.id, 1, 'MENTOR'); // the mentor rating the student: not the mentor's rating

    const all = await get(`/api/mentors?expertise=${expert}&limit=1`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((m: { name: string }) => m.name)).toEqual([`Ravi ${tag}`]);
    const next = await get(`/api/mentors?expertise=${expert}&limit=1&cursor=${all.body.nextCursor}`);
    expect(next.body.items.map((m: { name: string; rating: number; ratingCount: number }) => [m.name, m.rating, m.ratingCount])).toEqual([[`Asha ${tag}`, 4.5, 2]]);
    expect(next.body.nextCursor).toBeNull();
    expect((await get(`/api/mentors?expertise=${expert}&minRating=4`)).body.items.map((m: { name: string }) => m.name)).toEqual([`Asha ${tag}`]);
    expect((await get(`/api/mentors?expertise=${expert}&maxRateTokens=3`)).body.items.map((m: { name: string }) => m.name)).toEqual([`Asha ${tag}`]);
    expect((await get(`/api/mentors?q=Ravi%20${tag}`)).body.items.map((m: { name: string }) => m.name)).toEqual([`Ravi ${tag}`]);
    expect((await get('/api/mentors?q=%25')).status).toBe(400);
    expect((await get('/api/mentors?minRating=9')).status).toBe(400);
    expect((await get('/api/mentors?cursor=nonsense')).status).toBe(400);

    const profile = await get(`/api/mentors/${ravi.user.id}/profile`);
    expect(profile.body).toMatchObject({ name: `Ravi ${tag}`, rating: 3, ratingCount: 1, completedSessions: 2, ratingHistogram: { '1': 0, '3': 1 }, recentReviews: [{ rating: 3, comment: 'rated 3' }] });
    expect(JSON.stringify(profile.body)).not.toContain(student.user.id);
    expect((await get(`/api/mentors/${off.user.id}/profile`)).status).toBe(404);
    expect((await get(`/api/mentors/${student.user.id}/profile`)).status).toBe(404);

    // Views: once per viewer per day, in parallel too; not one's own; counts for the mentor.
    const viewer = await createUser(stack, 'USER');
    const views = await Promise.all([1, 2, 3].map(() => call(viewer.accessToken, 'POST', `/api/mentors/${asha.user.id}/views`, { source: 'directory' })));
    expect(views.map((v) => v.body.recorded).sort()).toEqual([false, false, true]);
    expect((await call(student.accessToken, 'POST', `/api/mentors/${asha.user.id}/views`, {})).body.recorded).toBe(true);
    expect((await call(asha.accessToken, 'POST', `/api/mentors/${asha.user.id}/views`, {})).body.recorded).toBe(false);
    expect((await call(viewer.accessToken, 'POST', `/api/mentors/${off.user.id}/views`, {})).status).toBe(404);
    const counts = await call(asha.accessToken, 'GET', '/api/mentors/me/profile-views');
    expect(counts.body).toMatchObject({ total: 2, last7Days: 2, last30Days: 2, daily: [{ day: new Date().toISOString().slice(0, 10), views: 2 }] });
    expect((await call(viewer.accessToken, 'GET', '/api/mentors/me/profile-views')).status).toBe(403);
  });
});
