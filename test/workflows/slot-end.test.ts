// POST /api/slots/:id/end goes to the same meeting-earnings/<slotId> workflow as the
// meeting server's event: whichever comes first, the mentor is credited once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { bearerHeader, createMentor, createStudent, createUser, json } from '../support/auth.js';
import { meetingEndedRequest } from '../support/fixtures.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

async function confirmedSlot() {
  const m = await createMentor(stack);
  const s = await createStudent(stack);
  const start = new Date(Date.now() - 30 * 60_000);
  const slot = await stack.db.slot.create({
    data: { mentorId: m.user.id, studentId: s.user.id, startDateTime: start, endDateTime: new Date(start.getTime() + 3_600_000), status: 'CONFIRMED', mentorEarningPaise: 40_000 },
  });
  return { m, slot };
}

describe('ending a meeting through the api', () => {
  it('the mentor ends it; a meeting-server event for the same slot afterwards credits nothing more', async () => {
    const { m, slot } = await confirmedSlot();
    const res = await stack.app.request(json('POST', `/api/slots/${slot.id}/end`, {}, bearerHeader(m.accessToken)));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ workflowId: `meeting-earnings/${slot.id}`, status: 'accepted' });
    const event = await stack.app.request(meetingEndedRequest(slot.id));
    expect(event.status).toBe(202);
    await stack.temporal.workflow.getHandle(workflowIds.meetingEarnings(slot.id)).result();
    expect(await stack.db.mentorTransaction.count({ where: { userId: m.user.id } })).toBe(1);
    expect(await stack.db.meetingLog.findFirst({ where: { slotId: slot.id, event: 'ENDED' } })).toMatchObject({ source: 'mentor', userId: m.user.id });

    // The meeting log over the api: the mentor reads it; someone else's token gets 404.
    const log = await stack.app.request(json('GET', `/api/slots/${slot.id}/meeting-log`, undefined, bearerHeader(m.accessToken)));
    expect(log.status).toBe(200);
    expect(((await log.json()) as { items: { event: string; source: string }[] }).items).toContainEqual(expect.objectContaining({ event: 'ENDED', source: 'mentor' }));
    const stranger = await createUser(stack, 'USER');
    expect((await stack.app.request(json('GET', `/api/slots/${slot.id}/meeting-log`, undefined, bearerHeader(stranger.accessToken)))).status).toBe(404);
  });

  it('another mentor gets 404; an admin may end it', async () => {
    const { slot } = await confirmedSlot();
    const other = await createMentor(stack);
    expect((await stack.app.request(json('POST', `/api/slots/${slot.id}/end`, {}, bearerHeader(other.accessToken)))).status).toBe(404);
    const admin = await createUser(stack, 'ADMIN');
    expect((await stack.app.request(json('POST', `/api/slots/${slot.id}/end`, {}, bearerHeader(admin.accessToken)))).status).toBe(202);
    await stack.temporal.workflow.getHandle(workflowIds.meetingEarnings(slot.id)).result();
    expect((await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).earningsCredited).toBe(true);
  });
});
