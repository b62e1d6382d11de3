// Community managers' notes: a manager writes and reads notes about students of the batches they
// manage (another manager's student is 404), files them under their own batch, edits only their
// own (another manager's note in their batch is 403); admins see and change every note; students
// never reach them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { batchWithCourse } from '../support/fixtures.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

describe('CM notes', () => {
  it('managers note their own batches’ students; authors edit; admins see all; BOLA is 404', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const cm = await createUser(stack, 'SALES');
    const cm2 = await createUser(stack, 'SALES');
    const outsider = await createUser(stack, 'SALES');
    const student = await createUser(stack, 'USER');
    const { batch } = await batchWithCourse(stack.db, 5, 'CMN');
    const { batch: other } = await batchWithCourse(stack.db, 5, 'CMO');
    await stack.db.communityManagerAssignment.createMany({ data: [{ batchId: batch.id, communityManagerId: cm.user.id }, { batchId: batch.id, communityManagerId: cm2.user.id }, { batchId: other.id, communityManagerId: outsider.user.id }] });
    await stack.db.application.create({ data: { userId: student.user.id, batchId: batch.id, status: 'ENROLLED', name: 'Student', email: student.email } });

    const path = `/api/students/${student.user.id}/cm-notes`;
    expect((await call(outsider.accessToken, 'POST', path, { content: 'Not mine' })).status).toBe(404);
    expect((await call(outsider.accessToken, 'GET', path)).status).toBe(404);
    expect((await call(student.accessToken, 'GET', path)).status).toBe(403);
    expect((await call(cm.accessToken, 'POST', path, { content: '' })).status).toBe(400);
    expect((await call(cm.accessToken, 'POST', path, { content: 'Filed elsewhere', batchId: other.id })).status).toBe(422);
    expect((await call(cm.accessToken, 'POST', `/api/students/${cm2.user.id}/cm-notes`, { content: 'Not a student' })).status).toBe(404);

    const note = await call(cm.accessToken, 'POST', path, { content: 'Missed two classes; called, family emergency', category: 'attendance', isPinned: true });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ studentId: student.user.id, authorId: cm.user.id, batchId: batch.id, category: 'attendance', isPinned: true });
    const second = await call(cm2.accessToken, 'POST', path, { content: 'Asked about the PAP terms', category: 'payment' });
    expect(second.status).toBe(201);

    // Both managers of the batch read the student's notes; filters work.
    expect((await call(cm2.accessToken, 'GET', path)).body.items.map((n: { id: string }) => n.id)).toEqual([second.body.id, note.body.id]);
    expect((await call(cm2.accessToken, 'GET', `${path}?pinned=true`)).body.items.map((n: { id: string }) => n.id)).toEqual([note.body.id]);
    expect((await call(cm.accessToken, 'GET', `/api/cm-notes?batchId=${batch.id}&category=payment`)).body.items.map((n: { id: string }) => n.id)).toEqual([second.body.id]);
    expect((await call(outsider.accessToken, 'GET', `/api/cm-notes?batchId=${batch.id}`)).body.items).toEqual([]);
    expect((await call(admin.accessToken, 'GET', `/api/cm-notes?authorId=${cm.user.id}`)).body.items.map((n: { id: string }) => n.id)).toEqual([note.body.id]);

    // Only the author (or an admin) changes a note; a co-manager gets 403, an outsider 404.
    expect((await call(cm2.accessToken, 'PATCH', `/api/cm-notes/${note.body.id}`, { isPinned: false })).status).toBe(403);
    expect((await call(outsider.accessToken, 'PATCH', `/api/cm-notes/${note.body.id}`, { isPinned: false })).status).toBe(404);
    expect((await call(cm.accessToken, 'PATCH', `/api/cm-notes/${note.body.id}`, {})).status).toBe(400);
    expect((await call(cm.accessToken, 'PATCH', `/api/cm-notes/${note.body.id}`, { isPinned: false, content: 'Missed two classes; back now' })).body).toMatchObject({ isPinned: false, content: 'Missed two classes; back now' });
    expect((await call(cm2.accessToken, 'DELETE', `/api/cm-notes/${note.body.id}`)).status).toBe(403);
    expect((await call(admin.accessToken, 'DELETE', `/api/cm-notes/${second.body.id}`)).status).toBe(204);
    expect((await call(cm.accessToken, 'DELETE', `/api/cm-notes/${note.body.id}`)).status).toBe(204);
    expect((await call(cm.accessToken, 'DELETE', `/api/cm-notes/${note.body.id}`)).status).toBe(404);

    // An unassigned manager loses access.
    await stack.db.communityManagerAssignment.updateMany({ where: { communityManagerId: cm.user.id }, data: { isActive: false } });
    expect((await call(cm.accessToken, 'GET', path)).status).toBe(404);
  });
});
