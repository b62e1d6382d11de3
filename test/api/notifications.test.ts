// The notifications centre: a user lists, counts and marks only their own notifications
// (another user's is 404), filters and cursor pages hold, expired ones are hidden, and
// concurrent "mark all" / "mark one" calls count every row exactly once without moving a readAt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../services/notifications/centre.js';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const ids = (body: Record<string, unknown>) => (body.items as { id: string }[]).map((n) => n.id);

describe('notifications centre', () => {
  it('lists only your own, newest first, with filters and stable cursor pages', async () => {
    const me = await createUser(stack, 'USER');
    const other = await createUser(stack, 'USER');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await notify(stack.db, { userId: me.user.id, title: `n${i}`, message: 'm', category: i % 2 ? 'PAYMENT' : 'SYSTEM', priority: i === 4 ? 'URGENT' : 'MEDIUM' })).id);
    }
    const theirs = await notify(stack.db, { userId: other.user.id, title: 'theirs', message: 'secret' });
    await notify(stack.db, { userId: me.user.id, title: 'gone', message: 'expired', expiresAt: new Date(Date.now() - 1000) });

    const first = await call(me.accessToken, 'GET', '/api/me/notifications?limit=2');
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual([made[4], made[3]]);
    // A notification written between pages does not shift the next page.
    await notify(stack.db, { userId: me.user.id, title: 'late', message: 'arrives between pages' });
    const second = await call(me.accessToken, 'GET', `/api/me/notifications?limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second.body)).toEqual([made[2], made[1]]);
    const third = await call(me.accessToken, 'GET', `/api/me/notifications?limit=2&cursor=${second.body.nextCursor}`);
    expect(ids(third.body)).toEqual([made[0]]);
    expect(third.body.nextCursor).toBeNull();

    expect(ids((await call(me.accessToken, 'GET', '/api/me/notifications?category=PAYMENT')).body)).toEqual([made[3], made[1]]);
    expect(ids((await call(me.accessToken, 'GET', '/api/me/notifications?priority=URGENT')).body)).toEqual([made[4]]);
    const all = ids((await call(me.accessToken, 'GET', '/api/me/notifications?limit=100')).body);
    expect(all).not.toContain(theirs.id);
    expect(all).toHaveLength(6); // five, plus the late one; not the expired one

    for (const bad of ['category=NOPE', 'priority=HIGHEST', 'unread=yes', 'limit=0', 'cursor=not-a-cursor']) {
      const res = await call(me.accessToken, 'GET', `/api/me/notifications?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.type ?? res.body.title).toBeTruthy();
    }
  });

  it('marks one read (idempotent), counts unread by category; another user’s notification is 404', async () => {
    const me = await createUser(stack, 'EXPERT');
    const other = await createUser(stack, 'USER');
    const a = await notify(stack.db, { userId: me.user.id, title: 'a', message: 'm', category: 'MENTORSHIP' });
    await notify(stack.db, { userId: me.user.id, title: 'b', message: 'm', category: 'TOKENS' });
    await notify(stack.db, { userId: me.user.id, title: 'c', message: 'm', category: 'TOKENS' });
    const theirs = await notify(stack.db, { userId: other.user.id, title: 'theirs', message: 'm' });

    expect((await call(me.accessToken, 'GET', '/api/me/notifications/unread-count')).body).toEqual({ unread: 3, byCategory: { MENTORSHIP: 1, TOKENS: 2 } });

    const read = await call(me.accessToken, 'POST', `/api/me/notifications/${a.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: a.id, read: true });
    const again = await call(me.accessToken, 'POST', `/api/me/notifications/${a.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);

    // BOLA: the other user's row is not found (and stays unread), as is a made-up id.
    expect((await call(me.accessToken, 'POST', `/api/me/notifications/${theirs.id}/read`)).status).toBe(404);
    expect((await stack.db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect((await call(me.accessToken, 'POST', '/api/me/notifications/6b3d8f0e-0000-4000-8000-000000000000/read')).status).toBe(404);
    expect((await call(me.accessToken, 'POST', '/api/me/notifications/not-a-uuid/read')).status).toBe(400);

    expect((await call(me.accessToken, 'GET', '/api/me/notifications/unread-count')).body).toEqual({ unread: 2, byCategory: { TOKENS: 2 } });
    expect(ids((await call(me.accessToken, 'GET', '/api/me/notifications?unread=false')).body)).toEqual([a.id]);
    expect(ids((await call(me.accessToken, 'GET', '/api/me/notifications?unread=true')).body)).not.toContain(a.id);

    // Mark all of one category; the other user's stay unread.
    const marked = await call(me.accessToken, 'POST', '/api/me/notifications/read-all', { category: 'TOKENS' });
    expect(marked.body).toEqual({ marked: 2 });
    expect((await call(me.accessToken, 'GET', '/api/me/notifications/unread-count')).body).toEqual({ unread: 0, byCategory: {} });
    expect((await call(other.accessToken, 'GET', '/api/me/notifications/unread-count')).body.unread).toBe(1);
    expect((await call(me.accessToken, 'POST', '/api/me/notifications/read-all', { before: 'yesterday' })).status).toBe(400);
    expect((await call(me.accessToken, 'POST', '/api/me/notifications/read-all', { extra: 1 })).status).toBe(400);
  });

  it('concurrent mark-all and mark-one calls count each notification once and keep its first readAt', async () => {
    const me = await createUser(stack, 'SALES');
    const rows = await Promise.all(Array.from({ length: 40 }, (_, i) => notify(stack.db, { userId: me.user.id, title: `r${i}`, message: 'm' })));
    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => call(me.accessToken, 'POST', '/api/me/notifications/read-all', {})),
      ...rows.slice(0, 10).map((r) => call(me.accessToken, 'POST', `/api/me/notifications/${r.id}/read`)),
    ]);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const markedByAll = results.slice(0, 6).reduce((n, r) => n + (r.body.marked as number), 0);
    const stamps = await stack.db.notification.findMany({ where: { userId: me.user.id }, select: { id: true, readAt: true } });
    expect(stamps.every((s) => s.readAt !== null)).toBe(true);
    // Every row was marked exactly once: by one of the mark-alls, or by its single mark.
    const singleWins = results.slice(6).filter((r, i) => new Date(r.body.readAt as string).getTime() === stamps.find((s) => s.id === rows[i]!.id)!.readAt!.getTime()).length;
    expect(markedByAll).toBeLessThanOrEqual(40);
    expect(markedByAll).toBeGreaterThanOrEqual(30);
    expect(singleWins).toBe(10); // each single mark answers the stored (first) readAt
    const before = new Map(stamps.map((s) => [s.id, s.readAt!.getTime()]));
    await call(me.accessToken, 'POST', '/api/me/notifications/read-all', {});
    const after = await stack.db.notification.findMany({ where: { userId: me.user.id }, select: { id: true, readAt: true } });
    expect(after.every((s) => s.readAt!.getTime() === before.get(s.id))).toBe(true);
    expect((await call(me.accessToken, 'GET', '/api/me/notifications/unread-count')).body.unread).toBe(0);
  });

  it('a producer writes through the centre: a staff move of an issue notifies its reporter', async () => {
    const reporter = await createUser(stack, 'USER');
    const admin = await createUser(stack, 'ADMIN');
    const filed = await call(reporter.accessToken, 'POST', '/api/issues', { title: 'The join link does not open', description: 'It says expired', category: 'SESSION' });
    expect(filed.status).toBe(201);
    const moved = await call(admin.accessToken, 'POST', `/api/issues/${filed.body.id}/status`, { status: 'IN_PROGRESS', note: 'Looking into it' });
    expect(moved.status).toBe(200);
    const mine = await call(reporter.accessToken, 'GET', '/api/me/notifications?unread=true');
    expect(mine.body.items).toEqual([expect.objectContaining({ category: 'SYSTEM', message: 'Looking into it', actionUrl: `/issues/${filed.body.id}`, read: false })]);
  });
});
