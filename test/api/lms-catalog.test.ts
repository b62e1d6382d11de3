// The LMS catalog over the api: batch lifecycle and capacity under seats taken, soft references
// checked, staff assignments keeping the batch pointer in step, MasCourse modules validated, one
// catalog over both course models, and course assignment to a batch reaching its ENROLLED
// students (and nobody else).
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

interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

const call = (token: string | null, method: string, path: string, body?: unknown) => stack.app.request(json(method, path, body, token ? bearerHeader(token) : {}));
const as = (method: string, path: string, body?: unknown) => call(admin.accessToken, method, path, body);
const ok = async <T = Record<string, unknown>>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (res.status === 204 ? {} : await res.json()) as T;
};
const refused = async (res: Response, status: number, code?: string): Promise<Problem> => {
  expect(res.status, await res.clone().text()).toBe(status);
  const p = (await res.json()) as Problem;
  if (code) expect(p.code).toBe(code);
  return p;
};
const uniq = () => randomUUID().slice(0, 8);

async function legacyCourse(published = true) {
  const course = await ok<{ id: string; slug: string }>(await as('POST', '/api/admin/courses', { slug: `sql-${uniq()}`, title: 'SQL for analysts', level: 'BEGINNER', price: '4999.5', tags: ['sql'] }), 201);
  const mod = await ok<{ id: string }>(await as('POST', `/api/admin/courses/${course.id}/modules`, { title: 'Basics', isPublished: true }), 201);
  await ok(await as('POST', `/api/admin/modules/${mod.id}/classes`, { title: 'SELECT', type: 'RECORDED', durationMinutes: 30, videoUrl: 'https://video.test/select', isPublished: true }), 201);
  await ok(await as('POST', `/api/admin/modules/${mod.id}/classes`, { title: 'Draft class' }), 201);
  await ok(await as('POST', `/api/admin/modules/${mod.id}/assignments`, { title: 'Write a query', maxScore: 10, isPublished: true }), 201);
  if (published) await ok(await as('POST', `/api/admin/courses/${course.id}/status`, { status: 'PUBLISHED' }));
  return course;
}

describe('batches', () => {
  it('moves UPCOMING → ACTIVE → COMPLETED and refuses an illegal move with 409', async () => {
    const b = await ok<{ id: string; status: string; enrollmentFee: string; seatsLeft: number | null }>(await as('POST', '/api/admin/batches', { code: `B-${uniq()}`, name: 'Cohort', enrollmentFee: 2500.5, capacity: 10 }), 201);
    expect(b).toMatchObject({ status: 'UPCOMING', enrollmentFee: '2500.50', seatsLeft: 10 });
    const open = await ok<{ items: { id: string; seatsLeft: number }[] }>(await call(null, 'GET', '/api/batches?limit=100'));
    expect(open.items.find((x) => x.id === b.id)?.seatsLeft).toBe(10);
    await refused(await as('POST', `/api/admin/batches/${b.id}/status`, { status: 'COMPLETED' }), 409, 'ILLEGAL_TRANSITION');
    expect((await ok<{ status: string }>(await as('POST', `/api/admin/batches/${b.id}/status`, { status: 'ACTIVE' }))).status).toBe('ACTIVE');
    expect((await ok<{ status: string }>(await as('POST', `/api/admin/batches/${b.id}/status`, { status: 'COMPLETED' }))).status).toBe('COMPLETED');
    await refused(await as('POST', `/api/admin/batches/${b.id}/status`, { status: 'ACTIVE' }), 409, 'ILLEGAL_TRANSITION');
  });

  it('keeps capacity at or above the seats taken, codes unique, dates ordered and fees exact', async () => {
    const code = `C-${uniq()}`;
    const b = await ok<{ id: string }>(await as('POST', '/api/admin/batches', { code, name: 'Small cohort', capacity: 3 }), 201);
    const student = await createUser(stack);
    const other = await createUser(stack);
    await stack.db.application.createMany({
      data: [
        { userId: student.user.id, batchId: b.id, status: 'BATCH_ALLOCATED', name: 'A', email: student.email },
        { userId: other.user.id, batchId: b.id, status: 'ENROLLED', name: 'B', email: other.email },
      ],
    });
    const p = await refused(await as('PATCH', `/api/admin/batches/${b.id}`, { capacity: 1 }), 409, 'CONFLICT');
    expect(p.errors?.[0]?.path).toBe('json.capacity');
    const two = await ok<{ capacity: number; seatsTaken: number; seatsLeft: number }>(await as('PATCH', `/api/admin/batches/${b.id}`, { capacity: 2 }));
    expect(two).toMatchObject({ capacity: 2, seatsTaken: 2, seatsLeft: 0 });
    await refused(await as('POST', '/api/admin/batches', { code, name: 'Again' }), 409, 'CONFLICT');
    const dates = await refused(await as('PATCH', `/api/admin/batches/${b.id}`, { startDate: '2027-02-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' }), 422, 'UNPROCESSABLE');
    expect(dates.errors?.map((e) => e.path)).toEqual(['json.endDate']);
    await refused(await as('PATCH', `/api/admin/batches/${b.id}`, { enrollmentFee: '10.999' }), 400);
    // The full batch is not offered to students.
    const open = await ok<{ items: { id: string }[] }>(await call(null, 'GET', '/api/batches?limit=100'));
    expect(open.items.map((x) => x.id)).not.toContain(b.id);
  });

  it('checks soft references (422 naming the field) and shows a dangling one as null, flagged', async () => {
    const sales = await createUser(stack, 'SALES');
    const expert = await createUser(stack, 'EXPERT');
    const p = await refused(await as('POST', '/api/admin/batches', { code: `R-${uniq()}`, name: 'Refs', courseId: randomUUID(), superMentorId: sales.user.id, cmId: expert.user.id }), 422, 'UNPROCESSABLE');
    expect(p.errors?.map((e) => e.path).sort()).toEqual(['json.cmId', 'json.courseId', 'json.superMentorId']);

    const course = await legacyCourse(false);
    const b = await ok<{ id: string; superMentor: { id: string } | null; communityManager: { id: string } | null }>(
      await as('POST', '/api/admin/batches', { code: `R-${uniq()}`, name: 'Refs', courseId: course.id, superMentorId: expert.user.id, cmId: sales.user.id }),
      201,
    );
    expect(b.superMentor?.id).toBe(expert.user.id);
    expect(b.communityManager?.id).toBe(sales.user.id);
    // The pointers are mirrored as active assignments; unassigning the CM clears cmId.
    const cms = await ok<{ userId: string; isActive: boolean }[]>(await as('GET', `/api/admin/batches/${b.id}/community-managers`));
    expect(cms).toMatchObject([{ userId: sales.user.id, isActive: true }]);
    const gone = await ok<{ isActive: boolean }>(await as('DELETE', `/api/admin/batches/${b.id}/community-managers/${sales.user.id}`));
    expect(gone.isActive).toBe(false);
    expect((await ok<{ cmId: string | null }>(await as('GET', `/api/admin/batches/${b.id}`))).cmId).toBeNull();
    await refused(await as('POST', `/api/admin/batches/${b.id}/super-mentors`, { userId: sales.user.id }), 422, 'UNPROCESSABLE');

    await stack.db.course.delete({ where: { id: course.id } });
    const after = await ok<{ courseId: string; course: unknown; danglingRefs: string[] }>(await as('GET', `/api/admin/batches/${b.id}`));
    expect(after).toMatchObject({ courseId: course.id, course: null, danglingRefs: ['courseId'] });
  });
});

describe('courses and the catalog', () => {
  it('rejects malformed MasCourse modules', async () => {
    const slug = `mas-${uniq()}`;
    const bad = await refused(await as('POST', '/api/admin/mas-courses', { slug, title: 'Bad', modules: [{ title: 'M1', lessons: [{ title: 'L1', type: 'hologram' }] }] }), 400);
    expect(bad.errors?.[0]?.path).toContain('modules');
    await refused(await as('POST', '/api/admin/mas-courses', { slug, title: 'Bad', modules: [{ title: 'M1' }] }), 400);
    await refused(await as('POST', '/api/admin/mas-courses', { slug, title: 'Bad', modules: Array.from({ length: 51 }, () => ({ title: 'M', lessons: [] })) }), 400);
  });

  it('lists a published legacy course and a published MasCourse in one shape, and hides drafts and content', async () => {
    const tag = `t${uniq()}`;
    const legacy = await legacyCourse();
    await ok(await as('PATCH', `/api/admin/courses/${legacy.id}`, { tags: [tag] }));
    const mas = await ok<{ id: string; slug: string; lessonCount: number }>(
      await as('POST', '/api/admin/mas-courses', {
        slug: `mas-${uniq()}`,
        title: 'Power BI',
        level: 'INTERMEDIATE',
        price: '7999',
        tags: [tag],
        features: ['Live projects'],
        modules: [
          { title: 'Intro', lessons: [{ title: 'Welcome', type: 'video', durationMinutes: 5, isPreview: true, contentUrl: 'https://cdn.test/secret.mp4' }, { title: 'Read me', type: 'reading' }] },
          { title: 'DAX', lessons: [{ title: 'Measures', type: 'video', durationMinutes: 40 }] },
        ],
      }),
      201,
    );
    expect(mas.lessonCount).toBe(3);
    await ok(await as('POST', '/api/admin/mas-courses', { slug: `mas-${uniq()}`, title: 'Draft', tags: [tag] }), 201);
    await refused(await as('POST', '/api/admin/mas-courses', { slug: legacy.slug, title: 'Same slug' }), 409, 'CONFLICT');
    await ok(await as('POST', `/api/admin/mas-courses/${mas.id}/status`, { status: 'PUBLISHED' }));

    const page = await ok<{ items: Record<string, unknown>[] }>(await call(null, 'GET', `/api/courses?tag=${tag}`));
    expect(page.items.map((i) => [i.model, i.id])).toEqual([
      ['mas', mas.id],
      ['legacy', legacy.id],
    ]);
    expect(Object.keys(page.items[0]!).sort()).toEqual(Object.keys(page.items[1]!).sort());
    expect(page.items[1]).toMatchObject({ price: '4999.50', level: 'BEGINNER', moduleCount: 1, lessonCount: 1 });
    expect(page.items[0]).toMatchObject({ price: '7999.00', level: 'INTERMEDIATE', moduleCount: 2, lessonCount: 3 });
    const firstPage = await ok<{ items: { id: string }[]; nextCursor: string }>(await call(null, 'GET', `/api/courses?tag=${tag}&limit=1`));
    const second = await ok<{ items: { id: string }[]; nextCursor: string | null }>(await call(null, 'GET', `/api/courses?tag=${tag}&limit=1&cursor=${firstPage.nextCursor}`));
    expect([firstPage.items[0]!.id, second.items[0]!.id, second.nextCursor]).toEqual([mas.id, legacy.id, null]);

    const detail = await ok<{ model: string; outline: { lessons: Record<string, unknown>[] }[] }>(await call(null, 'GET', `/api/courses/${mas.slug}`));
    expect(detail.outline[0]!.lessons[0]).toEqual({ title: 'Welcome', type: 'video', durationMinutes: 5, isPreview: true });
    const legacyDetail = await ok<{ model: string; outline: { lessons: { title: string }[] }[] }>(await call(null, 'GET', `/api/courses/${legacy.slug}`));
    expect(legacyDetail.model).toBe('legacy');
    expect(legacyDetail.outline[0]!.lessons.map((l) => l.title)).toEqual(['SELECT']);
    expect(JSON.stringify(legacyDetail)).not.toContain('video.test');
  });
});

describe('course outline', () => {
  it('reorders modules in one go and refuses a list that is not exactly the children', async () => {
    const course = await legacyCourse(false);
    const second = await ok<{ id: string; position: number }>(await as('POST', `/api/admin/courses/${course.id}/modules`, { title: 'Joins' }), 201);
    expect(second.position).toBe(1);
    const before = await ok<{ modules: { id: string; title: string }[] }>(await as('GET', `/api/admin/courses/${course.id}`));
    const ids = before.modules.map((m) => m.id).reverse();
    await refused(await as('POST', `/api/admin/courses/${course.id}/modules/order`, { ids: [ids[0]] }), 422, 'UNPROCESSABLE');
    await ok(await as('POST', `/api/admin/courses/${course.id}/modules/order`, { ids }));
    const after = await ok<{ modules: { title: string }[] }>(await as('GET', `/api/admin/courses/${course.id}`));
    expect(after.modules.map((m) => m.title)).toEqual(['Joins', 'Basics']);
  });
});

describe('course assignment and enrollments', () => {
  it('assigning a course to a batch enrolls its ENROLLED students, who see it; others get 404; unassigning ends access', async () => {
    const course = await legacyCourse();
    const batch = await ok<{ id: string }>(await as('POST', '/api/admin/batches', { code: `E-${uniq()}`, name: 'Enrolled cohort' }), 201);
    const [enrolled, allocated, outsider] = await Promise.all([createUser(stack), createUser(stack), createUser(stack)]);
    await stack.db.application.createMany({
      data: [
        { userId: enrolled.user.id, batchId: batch.id, status: 'ENROLLED', name: 'E', email: enrolled.email },
        { userId: allocated.user.id, batchId: batch.id, status: 'BATCH_ALLOCATED', name: 'A', email: allocated.email },
      ],
    });
    const out = await ok<{ changed: boolean; enrollmentsChanged: number }>(await as('POST', '/api/admin/course-assignments', { courseId: course.id, batchId: batch.id, reason: 'cohort syllabus' }));
    expect(out).toMatchObject({ changed: true, enrollmentsChanged: 1 });
    expect((await ok<{ changed: boolean }>(await as('POST', '/api/admin/course-assignments', { courseId: course.id, batchId: batch.id }))).changed).toBe(false);

    const mine = await ok<{ items: { courseId: string; status: string; progressPercent: number; course: { title: string } }[] }>(await call(enrolled.accessToken, 'GET', '/api/me/courses'));
    expect(mine.items).toMatchObject([{ courseId: course.id, status: 'NOT_STARTED', progressPercent: 0, course: { title: 'SQL for analysts' } }]);
    const tree = await ok<{ course: { modules: { classes: { title: string }[]; assignments: { title: string }[] }[] } }>(await call(enrolled.accessToken, 'GET', `/api/me/courses/${course.id}`));
    expect(tree.course.modules[0]!.classes.map((k) => k.title)).toEqual(['SELECT']);
    expect(tree.course.modules[0]!.assignments.map((a) => a.title)).toEqual(['Write a query']);
    await refused(await call(outsider.accessToken, 'GET', `/api/me/courses/${course.id}`), 404);
    await refused(await call(allocated.accessToken, 'GET', `/api/me/courses/${course.id}`), 404);

    const history = await ok<{ items: { userId: string | null; action: string }[] }>(await as('GET', `/api/admin/course-assignments?batchId=${batch.id}`));
    expect(history.items.map((h) => h.userId).sort()).toEqual([enrolled.user.id, null].sort());
    const staffView = await ok<{ items: { userId: string }[] }>(await as('GET', `/api/admin/courses/${course.id}/enrollments`));
    expect(staffView.items.map((e) => e.userId)).toEqual([enrolled.user.id]);

    // A direct assignment survives the batch unassign; the batch-only student loses access.
    await ok(await as('POST', '/api/admin/course-assignments', { courseId: course.id, userId: outsider.user.id }));
    await stack.db.application.create({ data: { userId: outsider.user.id, batchId: batch.id, status: 'ENROLLED', name: 'O', email: outsider.email } });
    const un = await ok<{ enrollmentsChanged: number }>(await as('POST', '/api/admin/course-assignments/unassign', { courseId: course.id, batchId: batch.id }));
    expect(un.enrollmentsChanged).toBe(1);
    await refused(await call(enrolled.accessToken, 'GET', `/api/me/courses/${course.id}`), 404);
    await ok(await call(outsider.accessToken, 'GET', `/api/me/courses/${course.id}`));
  });
});
