// AI classrooms: a mentor asks for a classroom on a course module, staff approve (the classroom
// is created in the same transaction, exactly once even under parallel approvals) or reject
// (final), the requester is notified either way; staff edit, publish and archive the classroom;
// enrolled students see it once published and record monotonic progress; BOLA is 404.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
let mentor: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  admin = await createUser(stack, 'ADMIN');
  mentor = await createUser(stack, 'EXPERT');
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const tag = () => randomUUID().slice(0, 8);

async function courseWithModule() {
  const course = await stack.db.course.create({ data: { slug: `aic-${tag()}`, title: 'Data analytics', language: 'en' } });
  const mod = await stack.db.module.create({ data: { courseId: course.id, title: 'SQL joins', position: 1 } });
  return { course, module: mod };
}

async function pendingRequest(topic = 'Joins, visually') {
  const { course, module } = await courseWithModule();
  const res = await call(mentor.accessToken, 'POST', '/api/ai-classrooms/requests', { courseId: course.id, moduleId: module.id, topic, level: 'BEGINNER' });
  expect(res.status).toBe(201);
  return { course, module, request: res.body as { id: string; status: string } };
}

async function publishedClassroom() {
  const { course, request } = await pendingRequest();
  const approved = await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/requests/${request.id}/approve`, {});
  expect(approved.status).toBe(200);
  const id = approved.body.classroom.id as string;
  const content = { sections: [{ title: 'Inner join' }, { title: 'Left join' }, { title: 'Quiz' }] };
  expect((await call(admin.accessToken, 'PATCH', `/api/admin/ai-classrooms/${id}`, { content, status: 'READY' })).status).toBe(200);
  expect((await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/${id}/publish`)).status).toBe(200);
  return { course, id, requestId: request.id };
}

async function enrolledStudent(courseId: string) {
  const s = await createUser(stack, 'USER');
  await stack.db.enrollment.create({ data: { userId: s.user.id, courseId } });
  return s;
}

describe('AI classroom requests', () => {
  it('request → approve: the classroom exists (DRAFT, for the module), the requester is notified, a second approval is 409', async () => {
    const { course, module } = await courseWithModule();
    const other = await courseWithModule();
    const path = '/api/ai-classrooms/requests';
    expect((await call(mentor.accessToken, 'POST', path, { courseId: randomUUID(), moduleId: module.id, topic: 'Ghost' })).status).toBe(422);
    expect((await call(mentor.accessToken, 'POST', path, { courseId: course.id, moduleId: other.module.id, topic: 'Wrong module' })).status).toBe(422);
    expect((await call(mentor.accessToken, 'POST', path, { courseId: course.id, moduleId: module.id, topic: '' })).status).toBe(400);
    const student = await createUser(stack, 'USER');
    expect((await call(student.accessToken, 'POST', path, { courseId: course.id, moduleId: module.id, topic: 'Mine' })).status).toBe(403);

    const created = await call(mentor.accessToken, 'POST', path, { courseId: course.id, moduleId: module.id, topic: 'Window functions', description: 'With running totals', language: 'hi' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'PENDING', courseId: course.id, moduleId: module.id, requestedById: mentor.user.id, aiClassroomId: null, language: 'hi' });
    const id = created.body.id as string;

    const mine = await call(mentor.accessToken, 'GET', '/api/me/ai-classroom-requests?status=PENDING');
    expect(mine.body.items.map((r: { id: string }) => r.id)).toContain(id);
    const byCourse = await call(admin.accessToken, 'GET', `/api/admin/ai-classrooms/requests?courseId=${course.id}`);
    expect(byCourse.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await call(mentor.accessToken, 'GET', '/api/admin/ai-classrooms/requests')).status).toBe(403);
    expect((await call(mentor.accessToken, 'POST', `/api/admin/ai-classrooms/requests/${id}/approve`, {})).status).toBe(403);

    const approved = await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/requests/${id}/approve`, { note: 'Good idea', title: 'Window functions in SQL' });
    expect(approved.status).toBe(200);
    expect(approved.body.request).toMatchObject({ status: 'APPROVED', reviewedById: admin.user.id, reviewNote: 'Good idea' });
    expect(approved.body.classroom).toMatchObject({ status: 'DRAFT', courseId: course.id, moduleId: module.id, title: 'Window functions in SQL', topic: 'Window functions', language: 'hi', content: null });
    expect(approved.body.request.aiClassroomId).toBe(approved.body.classroom.id);
    expect(await stack.db.aiClassroom.count({ where: { courseId: course.id } })).toBe(1);

    const notes = await stack.db.notification.findMany({ where: { userId: mentor.user.id, category: 'AI' } });
    expect(notes.filter((n) => (n.data as { aiClassroomRequestId?: string }).aiClassroomRequestId === id)).toHaveLength(1);
    expect(notes.find((n) => (n.data as { aiClassroomRequestId?: string }).aiClassroomRequestId === id)).toMatchObject({ type: 'SUCCESS', actionUrl: `/ai-classrooms/${approved.body.classroom.id}` });

    const again = await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/requests/${id}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');
    expect((await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/requests/${id}/reject`, { note: 'Changed my mind' })).status).toBe(409);
    expect(await stack.db.aiClassroom.count({ where: { courseId: course.id } })).toBe(1);
    expect((await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/requests/${randomUUID()}/approve`, {})).status).toBe(404);
  });

  it('reject: final, with a note, notified; a rejected request cannot be approved and has no classroom', async () => {
    const { course, request } = await pendingRequest('Pivot tables');
    expect((await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/requests/${request.id}/reject`, {})).status).toBe(400);
    const rejected = await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/requests/${request.id}/reject`, { note: 'Already covered by module 2' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', reviewNote: 'Already covered by module 2', aiClassroomId: null, reviewedById: admin.user.id });
    const approve = await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/requests/${request.id}/approve`, {});
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('ILLEGAL_TRANSITION');
    expect(await stack.db.aiClassroom.count({ where: { courseId: course.id } })).toBe(0);
    const note = await stack.db.notification.findFirst({ where: { userId: mentor.user.id, title: { contains: 'not approved' }, message: { contains: 'Already covered' } } });
    expect(note).toMatchObject({ type: 'WARNING', category: 'AI' });
    expect((await call(admin.accessToken, 'GET', `/api/admin/ai-classrooms/requests?status=REJECTED&courseId=${course.id}`)).body.items).toHaveLength(1);
  });

  it('parallel approvals: exactly one classroom, the others 409', async () => {
    const { course, request } = await pendingRequest('Parallel');
    const admins = [admin, await createUser(stack, 'ADMIN'), await createUser(stack, 'SUPERADMIN')];
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => call(admins[i % admins.length]!.accessToken, 'POST', `/api/admin/ai-classrooms/requests/${request.id}/approve`, {})));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(await stack.db.aiClassroom.count({ where: { courseId: course.id } })).toBe(1);
    const row = await stack.db.aiClassroomRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row.aiClassroomId).toBe(results.find((r) => r.status === 200)!.body.classroom.id);
    expect(await stack.db.notification.count({ where: { userId: mentor.user.id, data: { path: ['aiClassroomRequestId'], equals: request.id } } })).toBe(1);
  });
});

describe('AI classrooms', () => {
  it('staff edit and publish; enrolled students see published ones only; archive hides it; the request completes', async () => {
    const { course, request } = await pendingRequest('Dashboards');
    const approved = await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/requests/${request.id}/approve`, {});
    const id = approved.body.classroom.id as string;
    const student = await enrolledStudent(course.id);
    const outsider = await createUser(stack, 'USER');

    // A draft is invisible to students; publishing needs content.
    expect((await call(student.accessToken, 'GET', `/api/ai-classrooms/${id}`)).status).toBe(404);
    expect((await call(student.accessToken, 'GET', `/api/ai-classrooms?courseId=${course.id}`)).body.items).toEqual([]);
    expect((await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/${id}/publish`)).status).toBe(409);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/ai-classrooms/${id}`, { status: 'READY' })).status).toBe(409);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/ai-classrooms/${id}`, {})).status).toBe(400);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/ai-classrooms/${id}`, { thumbnailUrl: 'javascript:alert(1)' })).status).toBe(400);
    expect((await call(student.accessToken, 'PATCH', `/api/admin/ai-classrooms/${id}`, { title: 'Mine now' })).status).toBe(403);

    const edited = await call(admin.accessToken, 'PATCH', `/api/admin/ai-classrooms/${id}`, { content: { sections: [{ title: 'Charts' }, { title: 'Filters' }] }, durationMinutes: 25, status: 'READY' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'READY', durationMinutes: 25, content: { sections: [{ title: 'Charts' }, { title: 'Filters' }] } });
    const published = await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('PUBLISHED');
    expect(published.body.publishedAt).not.toBeNull();
    expect((await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/${id}/publish`)).status).toBe(409);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/ai-classrooms/${id}`, { title: 'Frozen' })).status).toBe(409);
    expect((await stack.db.aiClassroomRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('COMPLETED');

    const seen = await call(student.accessToken, 'GET', `/api/ai-classrooms/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.content).toEqual({ sections: [{ title: 'Charts' }, { title: 'Filters' }] });
    const list = await call(student.accessToken, 'GET', '/api/ai-classrooms');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(list.body.items[0].content).toBeUndefined();
    expect((await call(outsider.accessToken, 'GET', `/api/ai-classrooms/${id}`)).status).toBe(404);
    expect((await call(outsider.accessToken, 'GET', '/api/ai-classrooms')).body.items).toEqual([]);
    expect((await call(admin.accessToken, 'GET', `/api/ai-classrooms?courseId=${course.id}&status=PUBLISHED`)).body.items).toHaveLength(1);

    const archived = await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/${id}/archive`);
    expect(archived.body.status).toBe('ARCHIVED');
    expect((await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/${id}/archive`)).status).toBe(409);
    expect((await call(student.accessToken, 'GET', `/api/ai-classrooms/${id}`)).status).toBe(404);
    expect((await call(admin.accessToken, 'GET', `/api/ai-classrooms/${id}`)).status).toBe(200);
  });

  it('pages the staff lists with a cursor', async () => {
    const { course, module } = await courseWithModule();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await call(mentor.accessToken, 'POST', '/api/ai-classrooms/requests', { courseId: course.id, moduleId: module.id, topic: `Topic ${i}` })).body.id as string);
    const first = await call(admin.accessToken, 'GET', `/api/admin/ai-classrooms/requests?courseId=${course.id}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await call(admin.accessToken, 'GET', `/api/admin/ai-classrooms/requests?courseId=${course.id}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((r: { id: string }) => r.id)).toEqual(ids.reverse());
    expect((await call(admin.accessToken, 'GET', `/api/admin/ai-classrooms/requests/${ids[0]}`)).body.topic).toBe('Topic 2');
  });
});

describe('AI classroom progress', () => {
  it('a student records monotonic progress; another student sees only their own; outsiders get 404; staff list it', async () => {
    const { course, id } = await publishedClassroom();
    const a = await enrolledStudent(course.id);
    const b = await enrolledStudent(course.id);
    const outsider = await createUser(stack, 'USER');
    const path = `/api/me/ai-classrooms/${id}/progress`;

    const first = await call(a.accessToken, 'PUT', path, { completedSections: 1, currentSection: 1, timeSpentSeconds: 120 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ userId: a.user.id, aiClassroomId: id, status: 'IN_PROGRESS', progressPercent: 33.33, completedSections: 1, currentSection: 1, timeSpentSeconds: 120, completedAt: null });
    expect(first.body.startedAt).not.toBeNull();

    // Lower values never move it back; the resume point moves freely.
    const back = await call(a.accessToken, 'PUT', path, { completedSections: 0, currentSection: 0, timeSpentSeconds: 30, progressPercent: 10, quizScore: 80 });
    expect(back.body).toMatchObject({ progressPercent: 33.33, completedSections: 1, currentSection: 0, timeSpentSeconds: 120, quizScore: 80, startedAt: first.body.startedAt });
    expect((await call(a.accessToken, 'PUT', path, { completedSections: 4 })).status).toBe(422);
    expect((await call(a.accessToken, 'PUT', path, { currentSection: 3 })).status).toBe(422);
    expect((await call(a.accessToken, 'PUT', path, { progressPercent: 101 })).status).toBe(400);
    expect((await call(a.accessToken, 'PUT', path, { userId: b.user.id, progressPercent: 50 })).status).toBe(400);

    // BOLA: B reads their own (not started), never A's; an outsider cannot see the classroom at all.
    const bMine = await call(b.accessToken, 'GET', path);
    expect(bMine.body).toMatchObject({ id: null, userId: b.user.id, status: 'NOT_STARTED', progressPercent: 0 });
    expect((await call(outsider.accessToken, 'GET', path)).status).toBe(404);
    expect((await call(outsider.accessToken, 'PUT', path, { completedSections: 1 })).status).toBe(404);
    expect((await call(outsider.accessToken, 'GET', `/api/me/ai-classrooms/${randomUUID()}/progress`)).status).toBe(404);
    expect((await call(b.accessToken, 'GET', `/api/admin/ai-classrooms/${id}/progress`)).status).toBe(403);
    expect(await stack.db.aiClassroomProgress.count({ where: { userId: outsider.user.id } })).toBe(0);

    // Parallel reports from one student: one row, the largest values win.
    await Promise.all([2, 3, 1].map((n) => call(b.accessToken, 'PUT', path, { completedSections: n, timeSpentSeconds: n * 60 })));
    expect(await stack.db.aiClassroomProgress.count({ where: { userId: b.user.id, aiClassroomId: id } })).toBe(1);
    const bDone = await call(b.accessToken, 'GET', path);
    expect(bDone.body).toMatchObject({ completedSections: 3, timeSpentSeconds: 180, progressPercent: 100, status: 'COMPLETED' });
    expect(bDone.body.completedAt).not.toBeNull();
    const after = await call(b.accessToken, 'PUT', path, { progressPercent: 20, currentSection: 1 });
    expect(after.body).toMatchObject({ status: 'COMPLETED', progressPercent: 100, completedAt: bDone.body.completedAt, currentSection: 1 });
    expect((await call(a.accessToken, 'GET', path)).body).toMatchObject({ userId: a.user.id, completedSections: 1 });

    const staff = await call(admin.accessToken, 'GET', `/api/admin/ai-classrooms/${id}/progress`);
    expect(staff.status).toBe(200);
    expect(staff.body.items.map((p: { user: { id: string } }) => p.user.id).sort()).toEqual([a.user.id, b.user.id].sort());
    const completed = await call(admin.accessToken, 'GET', `/api/admin/ai-classrooms/${id}/progress?status=COMPLETED`);
    expect(completed.body.items.map((p: { userId: string }) => p.userId)).toEqual([b.user.id]);
    expect((await call(admin.accessToken, 'GET', `/api/admin/ai-classrooms/${randomUUID()}/progress`)).status).toBe(404);

    // Archived: students lose access to it and to their progress in it.
    await call(admin.accessToken, 'POST', `/api/admin/ai-classrooms/${id}/archive`);
    expect((await call(a.accessToken, 'PUT', path, { completedSections: 2 })).status).toBe(404);
  });
});
