// The LMS community slice over the api: profile upsert (read-only gamification, unknown college
// → 422), college search over the seeded directory, idempotent saved courses, the public
// course-interest form, monotone webinar progress, announcement feed scoping, and batch meetings
// (lifecycle 409s, super-mentor rights, student-scoped listing).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack?.close());

const call = (token: string | null, method: string, path: string, body?: unknown) => stack.app.request(json(method, path, body, token ? bearerHeader(token) : {}));
const onMas = (path: string) => stack.app.request(json('GET', path, undefined, { 'x-platform': 'my-analytics-school' }));
const ok = async <T = Record<string, unknown>>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (status === 204 ? null : await res.json()) as T;
};
const tag = () => randomUUID().slice(0, 8);
const student = () => createUser(stack, 'USER');

async function batch(status: 'UPCOMING' | 'ACTIVE' | 'COMPLETED' | 'CANCELLED' = 'ACTIVE') {
  return stack.db.batch.create({ data: { code: `COM-${tag()}`, name: 'Community batch', status } });
}
/** A student of `batchId`: an application allocated to it. */
async function member(batchId: string, status: 'BATCH_ALLOCATED' | 'ENROLLED' | 'SUBMITTED' = 'BATCH_ALLOCATED') {
  const s = await student();
  await stack.db.application.create({ data: { userId: s.user.id, batchId, status, name: s.user.name, email: s.email } });
  return s;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('student profiles and colleges', () => {
  it('upserts the own profile, keeps gamification read-only, and refuses an unknown or inactive college', async () => {
    const s = await student();
    const blank = await ok<{ createdAt: string | null; xpTotal: number; skills: string[] }>(await call(s.accessToken, 'GET', '/api/me/profile'));
    expect(blank).toMatchObject({ createdAt: null, xpTotal: 0, skills: [] });

    const page = await ok<Page<{ id: string; name: string; state: string }>>(await call(s.accessToken, 'GET', '/api/colleges?q=jadavpur'));
    expect(page.items.map((c) => c.name)).toEqual(['Jadavpur University']);
    const college = page.items[0]!;
    const byWord = await ok<Page<{ name: string }>>(await call(s.accessToken, 'GET', `/api/colleges?q=${encodeURIComponent('bomb')}`));
    expect(byWord.items.map((c) => c.name)).toContain('Indian Institute of Technology Bombay');
    const inState = await ok<Page<{ state: string }>>(await call(s.accessToken, 'GET', '/api/colleges?state=kerala&limit=100'));
    expect(inState.items.length).toBeGreaterThanOrEqual(2);
    expect(new Set(inState.items.map((c) => c.state))).toEqual(new Set(['Kerala']));
    // The (name, id) cursor walks the directory in order without repeats.
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const p: Page<{ name: string }> = await ok(await call(s.accessToken, 'GET', `/api/colleges?state=Delhi&limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      names.push(...p.items.map((c) => c.name));
      cursor = p.nextCursor;
    } while (cursor);
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(names).toEqual([...new Set(names)].sort((x, y) => (x < y ? -1 : 1)));

    const saved = await ok<Record<string, unknown>>(
      await call(s.accessToken, 'PUT', '/api/me/profile', { collegeId: college.id, graduationYear: 2026, skills: [' SQL ', 'sql', 'Python'], linkedinUrl: 'https://www.linkedin.com/in/someone' }),
    );
    expect(saved).toMatchObject({ userId: s.user.id, collegeId: college.id, graduationYear: 2026, skills: ['SQL', 'Python'], xpTotal: 0, college: { name: 'Jadavpur University' } });
    // A second PUT changes only what it names.
    const again = await ok<Record<string, unknown>>(await call(s.accessToken, 'PUT', '/api/me/profile', { bio: 'Analyst in the making' }));
    expect(again).toMatchObject({ collegeId: college.id, bio: 'Analyst in the making', graduationYear: 2026 });
    const typed = await ok<Record<string, unknown>>(await call(s.accessToken, 'PUT', '/api/me/profile', { collegeName: 'A college not listed' }));
    expect(typed).toMatchObject({ collegeId: null, collegeName: 'A college not listed', college: null });
    await ok(await call(s.accessToken, 'PUT', '/api/me/profile', { collegeId: college.id }));

    expect((await call(s.accessToken, 'PUT', '/api/me/profile', { xpTotal: 9999 })).status).toBe(400);
    expect((await call(s.accessToken, 'PUT', '/api/me/profile', { linkedinUrl: 'javascript:alert(1)' })).status).toBe(400);
    expect((await call(s.accessToken, 'PUT', '/api/me/profile', { graduationYear: 3000 })).status).toBe(400);
    expect((await call(s.accessToken, 'PUT', '/api/me/profile', { collegeId: randomUUID() })).status).toBe(422);

    const other = await ok<{ id: string }>(await call(admin.accessToken, 'POST', '/api/admin/colleges', { name: `Closing College ${tag()}`, city: 'Pune', state: 'Maharashtra' }), 201);
    await ok(await call(admin.accessToken, 'PATCH', `/api/admin/colleges/${other.id}`, { isActive: false }));
    expect((await call(s.accessToken, 'PUT', '/api/me/profile', { collegeId: other.id })).status).toBe(422);

    const staffView = await ok<{ bio: string }>(await call(admin.accessToken, 'GET', `/api/admin/students/${s.user.id}/profile`));
    expect(staffView.bio).toBe('Analyst in the making');
    expect((await call(s.accessToken, 'GET', `/api/admin/students/${admin.user.id}/profile`)).status).toBe(403);
    expect((await call(s.accessToken, 'GET', `/api/me/profile`)).status).toBe(200);
    expect(await stack.db.studentProfile.count({ where: { userId: s.user.id } })).toBe(1);
  });
});

describe('saved courses and course interest', () => {
  it('saves either catalog’s course once, lists titles, and 404s an unknown id', async () => {
    const s = await student();
    const mas = await stack.db.masCourse.create({ data: { slug: `mas-${tag()}`, title: 'SQL for analysts' } });
    const legacy = await stack.db.course.create({ data: { slug: `leg-${tag()}`, title: 'Excel basics' } });
    const first = await ok<{ id: string }>(await call(s.accessToken, 'POST', '/api/me/saved-courses', { courseId: mas.id }), 201);
    const repeat = await ok<{ id: string }>(await call(s.accessToken, 'POST', '/api/me/saved-courses', { courseId: mas.id }), 200);
    expect(repeat.id).toBe(first.id);
    await ok(await call(s.accessToken, 'POST', '/api/me/saved-courses', { courseId: legacy.id }), 201);
    expect((await call(s.accessToken, 'POST', '/api/me/saved-courses', { courseId: randomUUID() })).status).toBe(404);

    const list = await ok<Page<{ course: { title: string; kind: string } }>>(await call(s.accessToken, 'GET', '/api/me/saved-courses'));
    expect(list.items.map((i) => [i.course.title, i.course.kind])).toEqual([
      ['Excel basics', 'course'],
      ['SQL for analysts', 'mas_course'],
    ]);
    await ok(await call(s.accessToken, 'DELETE', `/api/me/saved-courses/${mas.id}`), 204);
    await ok(await call(s.accessToken, 'DELETE', `/api/me/saved-courses/${mas.id}`), 204);
    expect(await stack.db.savedCourse.count({ where: { userId: s.user.id } })).toBe(1);
  });

  it('takes the public form (email lower-cased, user linked by a valid token) and refuses a bad email', async () => {
    const course = await stack.db.masCourse.create({ data: { slug: `int-${tag()}`, title: 'Power BI' } });
    const anon = await ok<{ id: string }>(await call(null, 'POST', '/api/course-interests', { name: 'Asha', email: ' Asha.K@Example.COM ', phone: '98765 43210', courseId: course.id, utmSource: 'instagram' }), 201);
    const row = await stack.db.courseInterest.findUniqueOrThrow({ where: { id: anon.id } });
    expect(row).toMatchObject({ email: 'asha.k@example.com', phone: '+919876543210', courseName: 'Power BI', userId: null, utmSource: 'instagram' });

    const s = await student();
    const mine = await ok<{ id: string }>(await call(s.accessToken, 'POST', '/api/course-interests', { name: 'Signed in', phone: '+919812345678' }), 201);
    expect((await stack.db.courseInterest.findUniqueOrThrow({ where: { id: mine.id } })).userId).toBe(s.user.id);

    expect((await call(null, 'POST', '/api/course-interests', { name: 'Bad', email: 'not-an-email' })).status).toBe(400);
    expect((await call(null, 'POST', '/api/course-interests', { name: 'No contact' })).status).toBe(400);
    expect((await call(null, 'POST', '/api/course-interests', { name: 'Ghost course', email: 'g@example.com', courseId: randomUUID() })).status).toBe(422);

    const staff = await ok<Page<{ id: string }>>(await call(admin.accessToken, 'GET', `/api/admin/course-interests?courseId=${course.id}`));
    expect(staff.items.map((i) => i.id)).toEqual([anon.id]);
    expect((await call(s.accessToken, 'GET', '/api/admin/course-interests')).status).toBe(403);

    // Per-IP limit (app.request has no socket: the key's address is "unknown").
    const key = 'course-interest:ip:unknown';
    const bucket = await stack.db.rateLimitBucket.findUniqueOrThrow({ where: { key } });
    await stack.db.rateLimitBucket.update({ where: { key }, data: { count: 1000 } });
    const limited = await call(null, 'POST', '/api/course-interests', { name: 'Flood', email: 'flood@example.com' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await stack.db.rateLimitBucket.update({ where: { key }, data: { count: bucket.count } });
  });
});

describe('webinars', () => {
  it('progress only moves forward under out-of-order reports, and completes once at 90%', async () => {
    const w = await ok<{ id: string }>(
      await call(admin.accessToken, 'POST', '/api/admin/webinars', { slug: `sql-${tag()}`, title: 'SQL live', startsAt: new Date(Date.now() + 3_600_000).toISOString(), durationMinutes: 10, platform: 'my-analytics-school' }),
      201,
    );
    const s = await student();
    const report = (watchedSeconds: number, positionSeconds = watchedSeconds) => call(s.accessToken, 'PUT', `/api/webinars/${w.id}/progress`, { watchedSeconds, positionSeconds });
    expect((await report(10)).status).toBe(409); // still SCHEDULED
    const upcoming = await ok<Page<{ id: string; status: string }>>(await onMas('/api/webinars?kind=upcoming'));
    expect(upcoming.items.map((i) => i.id)).toContain(w.id);
    const elsewhere = await ok<Page<{ id: string }>>(await stack.app.request(json('GET', '/api/webinars', undefined, { 'x-platform': 'mr-mentor' })));
    expect(elsewhere.items.map((i) => i.id)).not.toContain(w.id);
    await ok(await call(admin.accessToken, 'POST', `/api/admin/webinars/${w.id}/start`));
    expect((await call(admin.accessToken, 'POST', `/api/admin/webinars/${w.id}/start`)).status).toBe(409);

    await ok(await report(300));
    const late = await ok<{ watchedSeconds: number; lastPositionSeconds: number; progressPercent: number; completed: boolean }>(await report(120));
    expect(late).toMatchObject({ watchedSeconds: 300, lastPositionSeconds: 300, progressPercent: 50, completed: false });

    const done = await ok<{ completed: boolean; completedAt: string; progressPercent: number }>(await report(560));
    expect(done).toMatchObject({ completed: true, progressPercent: 93.33 });
    // Concurrent stragglers and a report past the end: nothing goes back, completedAt stays.
    const results = await Promise.all([report(100), report(200), report(5000, 9000)]);
    for (const r of results) expect(r.status).toBe(200);
    const row = await stack.db.webinarProgress.findUniqueOrThrow({ where: { userId_webinarId: { userId: s.user.id, webinarId: w.id } } });
    expect(row).toMatchObject({ watchedSeconds: 600, lastPositionSeconds: 600, progressPercent: 100, completed: true });
    expect(row.completedAt!.toISOString()).toBe(done.completedAt);

    const mine = await ok<Page<{ webinarId: string; completed: boolean; webinar: { title: string } }>>(await call(s.accessToken, 'GET', '/api/me/webinars'));
    expect(mine.items).toEqual([expect.objectContaining({ webinarId: w.id, completed: true, webinar: expect.objectContaining({ title: 'SQL live' }) })]);

    await ok(await call(admin.accessToken, 'POST', `/api/admin/webinars/${w.id}/complete`, { recordingUrl: 'https://videos.example.com/sql.mp4' }));
    expect((await call(admin.accessToken, 'POST', `/api/admin/webinars/${w.id}/cancel`)).status).toBe(409);
    const recorded = await ok<Page<{ id: string; recordingUrl: string }>>(await onMas('/api/webinars?kind=recorded'));
    expect(recorded.items.find((i) => i.id === w.id)?.recordingUrl).toBe('https://videos.example.com/sql.mp4');
  });

  it('keeps external courses unique per provider and lists only active ones publicly', async () => {
    const body = { provider: 'coursera', externalId: `ext-${tag()}`, title: 'Data viz', url: 'https://www.coursera.org/learn/viz', category: `viz-${tag()}`, price: '1999.00' };
    const created = await ok<{ id: string; price: string }>(await call(admin.accessToken, 'POST', '/api/admin/external-courses', body), 201);
    expect(created.price).toBe('1999.00');
    expect((await call(admin.accessToken, 'POST', '/api/admin/external-courses', body)).status).toBe(409);
    const listed = await ok<Page<{ id: string }>>(await call(null, 'GET', `/api/external-courses?category=${body.category}`));
    expect(listed.items.map((i) => i.id)).toEqual([created.id]);
    await ok(await call(admin.accessToken, 'PATCH', `/api/admin/external-courses/${created.id}`, { isActive: false }));
    expect((await ok<Page<{ id: string }>>(await call(null, 'GET', `/api/external-courses?category=${body.category}`))).items).toEqual([]);
  });
});

describe('announcements', () => {
  it('a student sees global, own-batch and own-course announcements, pinned first; never another batch’s', async () => {
    const [a, b] = await Promise.all([batch(), batch()]);
    const course = await stack.db.course.create({ data: { slug: `ann-${tag()}`, title: 'Stats' } });
    const alice = await member(a.id);
    await stack.db.enrollment.create({ data: { userId: alice.user.id, courseId: course.id } });
    const post = async (body: Record<string, unknown>) => (await ok<{ id: string }>(await call(admin.accessToken, 'POST', '/api/admin/announcements', { publish: true, ...body }), 201)).id;

    const global = await post({ title: 'Global', body: 'Hello all' });
    const forA = await post({ title: 'Batch A', body: 'Hello A', batchId: a.id });
    await post({ title: 'Batch B', body: 'Hello B', batchId: b.id });
    const forCourse = await post({ title: 'Course', body: 'Stats news', courseId: course.id });
    const pinned = await post({ title: 'Pinned A', body: 'Read me', batchId: a.id, isPinned: true });
    await post({ title: 'Expired', body: 'Old', batchId: a.id, expiresAt: new Date(Date.now() - 1000).toISOString() });
    const draft = (await ok<{ id: string }>(await call(admin.accessToken, 'POST', '/api/admin/announcements', { title: 'Draft', body: 'Soon', batchId: a.id }), 201)).id;

    expect((await call(admin.accessToken, 'POST', '/api/admin/announcements', { title: 'x', body: 'y', batchId: randomUUID() })).status).toBe(422);

    // Page size 2 walks the cursor across the pinned boundary.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<{ id: string }> = await ok(await call(alice.accessToken, 'GET', `/api/me/announcements?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const mine = seen.filter((id) => [global, forA, forCourse, pinned].includes(id));
    expect(seen[0]).toBe(pinned);
    expect(mine).toEqual([pinned, forCourse, forA, global]);
    expect(seen).not.toContain(draft);

    const bob = await member(b.id);
    const bobFeed = await ok<Page<{ title: string }>>(await call(bob.accessToken, 'GET', '/api/me/announcements?limit=100'));
    expect(bobFeed.items.map((i) => i.title)).toContain('Batch B');
    expect(bobFeed.items.map((i) => i.title)).not.toContain('Batch A');
    expect(bobFeed.items.map((i) => i.title)).not.toContain('Pinned A');
    expect(bobFeed.items.map((i) => i.title)).not.toContain('Course');

    await ok(await call(admin.accessToken, 'POST', `/api/admin/announcements/${draft}/publish`));
    const after = await ok<Page<{ id: string }>>(await call(alice.accessToken, 'GET', '/api/me/announcements?limit=100'));
    expect(after.items.map((i) => i.id)).toContain(draft);
  });
});

describe('batch meetings', () => {
  it('runs SCHEDULED → LIVE → COMPLETED with 409s for illegal moves, and lists a meeting only to its batch’s students', async () => {
    const [a, other, closed] = await Promise.all([batch(), batch(), batch('COMPLETED')]);
    const soon = Date.now() + 86_400_000;
    const window = { startTime: new Date(soon).toISOString(), endTime: new Date(soon + 3_600_000).toISOString() };
    const m = await ok<{ id: string; status: string; googleCalendarEventId: string | null }>(
      await call(admin.accessToken, 'POST', '/api/batch-meetings', { batchId: a.id, title: 'Doubt session', ...window, meetingLink: 'https://meet.example.com/abc' }),
      201,
    );
    expect(m).toMatchObject({ status: 'SCHEDULED', googleCalendarEventId: null });
    expect((await call(admin.accessToken, 'POST', '/api/batch-meetings', { batchId: closed.id, title: 'Late', ...window })).status).toBe(409);
    expect((await call(admin.accessToken, 'POST', '/api/batch-meetings', { batchId: a.id, title: 'Backwards', startTime: window.endTime, endTime: window.startTime })).status).toBe(422);
    expect((await call(admin.accessToken, 'POST', '/api/batch-meetings', { batchId: a.id, title: 'Marathon', startTime: window.startTime, endTime: new Date(soon + 10 * 3_600_000).toISOString() })).status).toBe(422);

    // An expert manages only the batch they super-mentor.
    const mentor = await createUser(stack, 'EXPERT');
    await stack.db.superMentorAssignment.create({ data: { superMentorId: mentor.user.id, batchId: other.id } });
    expect((await call(mentor.accessToken, 'POST', '/api/batch-meetings', { batchId: a.id, title: 'Not mine', ...window })).status).toBe(403);
    expect((await call(mentor.accessToken, 'POST', `/api/batch-meetings/${m.id}/start`)).status).toBe(404);
    const theirs = await ok<{ id: string }>(await call(mentor.accessToken, 'POST', '/api/batch-meetings', { batchId: other.id, title: 'Mentor hour', ...window }), 201);

    expect((await call(admin.accessToken, 'POST', `/api/batch-meetings/${m.id}/complete`, {})).status).toBe(409);
    await ok(await call(admin.accessToken, 'POST', `/api/batch-meetings/${m.id}/start`));
    expect((await call(admin.accessToken, 'PATCH', `/api/batch-meetings/${m.id}`, { title: 'Renamed' })).status).toBe(409);
    const done = await ok<{ status: string; recordingS3Key: string }>(await call(admin.accessToken, 'POST', `/api/batch-meetings/${m.id}/complete`, { recordingS3Key: 'recordings/batch/abc.mp4' }));
    expect(done).toMatchObject({ status: 'COMPLETED', recordingS3Key: 'recordings/batch/abc.mp4' });
    expect((await call(admin.accessToken, 'POST', `/api/batch-meetings/${m.id}/cancel`)).status).toBe(409);
    await ok(await call(admin.accessToken, 'PUT', `/api/batch-meetings/${m.id}/recording`, { recordingUrl: 'https://videos.example.com/abc.mp4' }));
    const next = await ok<{ id: string }>(await call(admin.accessToken, 'POST', '/api/batch-meetings', { batchId: a.id, title: 'Next week', ...window }), 201);

    const alice = await member(a.id, 'ENROLLED');
    const upcoming = await ok<Page<{ id: string; recordingS3Key?: string }>>(await call(alice.accessToken, 'GET', '/api/me/batch-meetings'));
    expect(upcoming.items.map((i) => i.id)).toEqual([next.id]);
    const past = await ok<Page<{ id: string; recordingUrl: string | null; recordingS3Key?: string }>>(await call(alice.accessToken, 'GET', '/api/me/batch-meetings?when=past'));
    expect(past.items.map((i) => [i.id, i.recordingUrl])).toEqual([[m.id, 'https://videos.example.com/abc.mp4']]);
    expect(past.items[0]).not.toHaveProperty('recordingS3Key');

    // Applied but not allocated, or of another batch: nothing of batch A.
    const applicant = await member(a.id, 'SUBMITTED');
    expect((await ok<Page<unknown>>(await call(applicant.accessToken, 'GET', '/api/me/batch-meetings'))).items).toEqual([]);
    const bob = await member(other.id);
    expect((await ok<Page<{ id: string }>>(await call(bob.accessToken, 'GET', '/api/me/batch-meetings'))).items.map((i) => i.id)).toEqual([theirs.id]);
    expect((await call(mentor.accessToken, 'GET', `/api/batch-meetings?batchId=${a.id}`)).status).toBe(404);
    const staffList = await ok<Page<{ id: string }>>(await call(admin.accessToken, 'GET', `/api/batch-meetings?batchId=${a.id}`));
    expect(staffList.items.map((i) => i.id).sort()).toEqual([m.id, next.id].sort());
  });
});
