// Super-mentor meetings over the api: 1:1 and per-batch scheduling (one row per student, one
// transaction), the lifecycle (reschedule, cancel, complete with attendance; 409 after), the
// student's notifications, cursor pages as host and as student, staff listing, and BOLA.
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
const ok = async <T = Record<string, unknown>>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};
const tag = () => randomUUID().slice(0, 8);
interface Meeting {
  id: string;
  superMentorId: string;
  studentId: string;
  status: string;
  scheduledAt: string;
  notes: string | null;
  attended: boolean | null;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

async function batch(status: 'ACTIVE' | 'COMPLETED' = 'ACTIVE') {
  return stack.db.batch.create({ data: { code: `SMM-${tag()}`, name: 'Super-mentor batch', status } });
}
async function member(batchId: string, status: 'BATCH_ALLOCATED' | 'ENROLLED' | 'SUBMITTED' = 'ENROLLED') {
  const s = await createUser(stack, 'USER');
  await stack.db.application.create({ data: { userId: s.user.id, batchId, status, name: s.user.name, email: s.email } });
  return s;
}
async function superMentor(batchId: string) {
  const m = await createUser(stack, 'EXPERT');
  await stack.db.superMentorAssignment.create({ data: { superMentorId: m.user.id, batchId, assignedById: admin.user.id } });
  return m;
}
const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const notes = (userId: string) => stack.db.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' }, select: { title: true, data: true } });

describe('super-mentor meetings', () => {
  it('schedules 1:1, reschedules, cancels and completes, notifying the student', async () => {
    const b = await batch();
    const mentor = await superMentor(b.id);
    const alice = await member(b.id);
    const created = await ok<{ items: Meeting[] }>(await call(mentor.accessToken, 'POST', '/api/super-mentor-meetings', { studentId: alice.user.id, title: 'Career check-in', scheduledAt: at(24), meetingLink: 'https://meet.example.com/x' }), 201);
    expect(created.items).toHaveLength(1);
    const m = created.items[0]!;
    expect(m).toMatchObject({ superMentorId: mentor.user.id, studentId: alice.user.id, status: 'SCHEDULED', attended: null });

    const moved = await ok<Meeting>(await call(mentor.accessToken, 'PATCH', `/api/super-mentor-meetings/${m.id}`, { scheduledAt: at(48), durationMinutes: 45 }));
    expect(moved.scheduledAt).not.toBe(m.scheduledAt);
    // A title-only edit does not notify.
    await ok(await call(mentor.accessToken, 'PATCH', `/api/super-mentor-meetings/${m.id}`, { title: 'Career check-in (2)' }));
    const done = await ok<Meeting>(await call(mentor.accessToken, 'POST', `/api/super-mentor-meetings/${m.id}/complete`, { attended: true, notes: 'Discussed the portfolio' }));
    expect(done).toMatchObject({ status: 'COMPLETED', attended: true, notes: 'Discussed the portfolio' });
    // Final: no edit, no cancel, no second completion.
    expect((await call(mentor.accessToken, 'PATCH', `/api/super-mentor-meetings/${m.id}`, { title: 'Late' })).status).toBe(409);
    expect((await call(mentor.accessToken, 'POST', `/api/super-mentor-meetings/${m.id}/cancel`, {})).status).toBe(409);
    expect((await call(mentor.accessToken, 'POST', `/api/super-mentor-meetings/${m.id}/complete`, { attended: false })).status).toBe(409);

    const second = (await ok<{ items: Meeting[] }>(await call(mentor.accessToken, 'POST', '/api/super-mentor-meetings', { studentId: alice.user.id, title: 'Follow-up', scheduledAt: at(72) }), 201)).items[0]!;
    const cancelled = await ok<Meeting>(await call(mentor.accessToken, 'POST', `/api/super-mentor-meetings/${second.id}/cancel`, { reason: 'Mentor unwell' }));
    expect(cancelled).toMatchObject({ status: 'CANCELLED', notes: 'Mentor unwell' });

    const events = (await notes(alice.user.id)).map((n) => (n.data as { event: string }).event);
    expect(events).toEqual(['scheduled', 'rescheduled', 'scheduled', 'cancelled']);
  });

  it('a batch session writes one row per allocated or enrolled student; only the batch’s super-mentor may', async () => {
    const b = await batch();
    const mentor = await superMentor(b.id);
    const students = [await member(b.id), await member(b.id, 'BATCH_ALLOCATED'), await member(b.id)];
    const applicant = await member(b.id, 'SUBMITTED');
    const res = await ok<{ items: Meeting[] }>(await call(mentor.accessToken, 'POST', '/api/super-mentor-meetings', { batchId: b.id, title: 'Batch AMA', scheduledAt: at(5), durationMinutes: 60 }), 201);
    expect(res.items.map((i) => i.studentId).sort()).toEqual(students.map((s) => s.user.id).sort());
    expect(await notes(applicant.user.id)).toEqual([]);
    for (const s of students) expect((await notes(s.user.id)).map((n) => n.title)).toEqual(['Meeting scheduled: Batch AMA']);

    // Another expert, not this batch's super-mentor; a closed batch; an empty batch.
    const stranger = await createUser(stack, 'EXPERT');
    expect((await call(stranger.accessToken, 'POST', '/api/super-mentor-meetings', { batchId: b.id, title: 'Nope', scheduledAt: at(5) })).status).toBe(403);
    expect((await call(stranger.accessToken, 'POST', '/api/super-mentor-meetings', { studentId: students[0]!.user.id, title: 'Nope', scheduledAt: at(5) })).status).toBe(403);
    const closed = await batch('COMPLETED');
    const closedMentor = await superMentor(closed.id);
    await member(closed.id);
    expect((await call(closedMentor.accessToken, 'POST', '/api/super-mentor-meetings', { batchId: closed.id, title: 'Late', scheduledAt: at(5) })).status).toBe(403);
    const empty = await batch();
    const emptyMentor = await superMentor(empty.id);
    expect((await call(emptyMentor.accessToken, 'POST', '/api/super-mentor-meetings', { batchId: empty.id, title: 'Nobody', scheduledAt: at(5) })).status).toBe(422);
    // batches.superMentorId also makes one.
    const legacy = await batch();
    const legacyMentor = await createUser(stack, 'EXPERT');
    await stack.db.batch.update({ where: { id: legacy.id }, data: { superMentorId: legacyMentor.user.id } });
    const ls = await member(legacy.id);
    await ok(await call(legacyMentor.accessToken, 'POST', '/api/super-mentor-meetings', { studentId: ls.user.id, title: 'Hello', scheduledAt: at(5) }), 201);
    // A plain user may not schedule at all.
    expect((await call(ls.accessToken, 'POST', '/api/super-mentor-meetings', { studentId: students[0]!.user.id, title: 'x', scheduledAt: at(5) })).status).toBe(403);
  });

  it('complete and cancel racing on one meeting: exactly one wins, the other is 409', async () => {
    const b = await batch();
    const mentor = await superMentor(b.id);
    const s = await member(b.id);
    const m = (await ok<{ items: Meeting[] }>(await call(mentor.accessToken, 'POST', '/api/super-mentor-meetings', { studentId: s.user.id, title: 'Race', scheduledAt: at(2) }), 201)).items[0]!;
    const [a, c] = await Promise.all([
      call(mentor.accessToken, 'POST', `/api/super-mentor-meetings/${m.id}/complete`, { attended: true }),
      call(admin.accessToken, 'POST', `/api/super-mentor-meetings/${m.id}/cancel`, {}),
    ]);
    expect([a.status, c.status].sort()).toEqual([200, 409]);
    const final = await stack.db.superMentorMeeting.findUniqueOrThrow({ where: { id: m.id } });
    expect(final.status).toBe(a.status === 200 ? 'COMPLETED' : 'CANCELLED');
  });

  it('rejects bad input with problem+json', async () => {
    const b = await batch();
    const mentor = await superMentor(b.id);
    const s = await member(b.id);
    for (const body of [
      {},
      { title: 'No target', scheduledAt: at(1) },
      { studentId: s.user.id, batchId: b.id, title: 'Both', scheduledAt: at(1) },
      { studentId: s.user.id, title: 'x'.repeat(201), scheduledAt: at(1) },
      { studentId: s.user.id, title: 'Long', scheduledAt: at(1), durationMinutes: 10_000 },
      { studentId: s.user.id, title: 'Link', scheduledAt: at(1), meetingLink: 'javascript:alert(1)' },
      { studentId: 'not-a-uuid', title: 'Bad id', scheduledAt: at(1) },
      { studentId: s.user.id, title: 'Extra', scheduledAt: at(1), superMentorId: admin.user.id },
    ]) {
      const res = await call(mentor.accessToken, 'POST', '/api/super-mentor-meetings', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const m = (await ok<{ items: Meeting[] }>(await call(mentor.accessToken, 'POST', '/api/super-mentor-meetings', { studentId: s.user.id, title: 'ok', scheduledAt: at(1) }), 201)).items[0]!;
    expect((await call(mentor.accessToken, 'PATCH', `/api/super-mentor-meetings/${m.id}`, {})).status).toBe(400);
    expect((await call(mentor.accessToken, 'POST', `/api/super-mentor-meetings/${m.id}/complete`, {})).status).toBe(400);
    expect((await call(mentor.accessToken, 'GET', '/api/me/super-mentor-meetings?as=boss')).status).toBe(400);
  });

  it('lists with cursor pages as host and as student; staff see all; nobody else sees a row (BOLA)', async () => {
    const b = await batch();
    const mentor = await superMentor(b.id);
    const alice = await member(b.id);
    const bob = await member(b.id);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await ok<{ items: Meeting[] }>(await call(mentor.accessToken, 'POST', '/api/super-mentor-meetings', { studentId: i % 2 ? bob.user.id : alice.user.id, title: `M${i}`, scheduledAt: at(10 + i) }), 201);
      ids.push(r.items[0]!.id);
    }
    // Host view, upcoming (soonest first), two per page.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/me/super-mentor-meetings?as=mentor&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: Page<Meeting> = await ok<Page<Meeting>>(await call(mentor.accessToken, 'GET', q));
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    // Students see their own only.
    const aliceSees = await ok<Page<Meeting>>(await call(alice.accessToken, 'GET', '/api/me/super-mentor-meetings'));
    expect(aliceSees.items.map((i) => i.id)).toEqual([ids[0], ids[2], ids[4]]);
    expect((await ok<Page<Meeting>>(await call(alice.accessToken, 'GET', '/api/me/super-mentor-meetings?as=mentor'))).items).toEqual([]);
    await ok(await call(alice.accessToken, 'GET', `/api/super-mentor-meetings/${ids[0]}`));
    expect((await call(alice.accessToken, 'GET', `/api/super-mentor-meetings/${ids[1]}`)).status).toBe(404);
    // Past after completion.
    await ok(await call(mentor.accessToken, 'POST', `/api/super-mentor-meetings/${ids[0]}/complete`, { attended: false }));
    expect((await ok<Page<Meeting>>(await call(alice.accessToken, 'GET', '/api/me/super-mentor-meetings?when=past'))).items.map((i) => i.id)).toEqual([ids[0]]);

    // Another super-mentor cannot read or act on these; a student cannot act; staff list and act.
    const other = await superMentor((await batch()).id);
    expect((await call(other.accessToken, 'GET', `/api/super-mentor-meetings/${ids[1]}`)).status).toBe(404);
    expect((await call(other.accessToken, 'PATCH', `/api/super-mentor-meetings/${ids[1]}`, { title: 'Mine now' })).status).toBe(404);
    expect((await call(other.accessToken, 'POST', `/api/super-mentor-meetings/${ids[1]}/cancel`, {})).status).toBe(404);
    expect((await call(other.accessToken, 'POST', `/api/super-mentor-meetings/${ids[1]}/complete`, { attended: true })).status).toBe(404);
    expect((await call(bob.accessToken, 'POST', `/api/super-mentor-meetings/${ids[1]}/cancel`, {})).status).toBe(403);
    expect((await call(mentor.accessToken, 'GET', '/api/super-mentor-meetings')).status).toBe(403);
    expect((await call(alice.accessToken, 'GET', '/api/super-mentor-meetings')).status).toBe(403);
    const staff = await ok<Page<Meeting>>(await call(admin.accessToken, 'GET', `/api/super-mentor-meetings?superMentorId=${mentor.user.id}&limit=100`));
    expect(staff.items.map((i) => i.id).sort()).toEqual([...ids].sort());
    const bobs = await ok<Page<Meeting>>(await call(admin.accessToken, 'GET', `/api/super-mentor-meetings?studentId=${bob.user.id}&status=SCHEDULED`));
    expect(bobs.items.map((i) => i.id).sort()).toEqual([ids[1], ids[3]].sort());
    await ok(await call(admin.accessToken, 'POST', `/api/super-mentor-meetings/${ids[1]}/cancel`, {}));
  });
});
