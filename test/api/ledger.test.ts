// Ledger reads: my token ledger, my purchases and a mentor's transactions, in cursor pages and
// only ever the caller's own rows (staff read anyone's); the pack catalogue comes from system
// config tokens.packs, and purchases quote from the same catalogue.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_PACKS } from '../../domain/tokens/packs.js';
import { apiCaller, createStudent, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const ids = (items: { id: string }[]) => items.map((r) => r.id);
const at = (ms: number) => new Date(Date.now() - ms);

describe('ledger reads', () => {
  it('my token ledger: newest first, cursor pages, type filter; only my rows; staff read anyone’s', async () => {
    const me = await createStudent(stack);
    const other = await createStudent(stack);
    const rows = [];
    for (const [i, type] of (['PROMO_GRANT', 'PURCHASE', 'BOOKING'] as const).entries()) {
      rows.push(await stack.db.tokenUsage.create({ data: { userId: me.user.id, type, amount: type === 'BOOKING' ? -2 : 5, balanceAfter: 5 + i, idempotencyKey: `ledger-test:${randomUUID()}`, createdAt: at(10_000 - i * 1000) } }));
    }
    await stack.db.tokenUsage.create({ data: { userId: other.user.id, type: 'PURCHASE', amount: 5, balanceAfter: 5, idempotencyKey: `ledger-test:${randomUUID()}` } });

    const first = await call(me.accessToken, 'GET', '/api/tokens/ledger?limit=2');
    expect(first.status).toBe(200);
    expect(ids(first.body.items)).toEqual([rows[2]!.id, rows[1]!.id]);
    expect(first.body.items[0]).toMatchObject({ type: 'BOOKING', amount: -2, balanceAfter: 7 });
    const second = await call(me.accessToken, 'GET', `/api/tokens/ledger?limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second.body.items)).toEqual([rows[0]!.id]);
    expect(second.body.nextCursor).toBeNull();
    expect(ids((await call(me.accessToken, 'GET', '/api/tokens/ledger?type=PURCHASE')).body.items)).toEqual([rows[1]!.id]);
    expect(ids((await call(other.accessToken, 'GET', '/api/tokens/ledger')).body.items)).not.toContain(rows[0]!.id);

    const admin = await createUser(stack, 'ADMIN');
    expect(ids((await call(admin.accessToken, 'GET', `/api/admin/users/${me.user.id}/token-ledger`)).body.items)).toEqual([rows[2]!.id, rows[1]!.id, rows[0]!.id]);
    expect((await call(me.accessToken, 'GET', `/api/admin/users/${other.user.id}/token-ledger`)).status).toBe(403);
    expect((await call(me.accessToken, 'GET', '/api/tokens/ledger?type=GIFT')).status).toBe(400);
    expect((await call(me.accessToken, 'GET', '/api/tokens/ledger?cursor=garbage')).status).toBe(400);
    expect((await call(me.accessToken, 'GET', '/api/tokens/ledger?limit=1000')).status).toBe(400);
    expect((await call((await createUser(stack, 'SALES')).accessToken, 'GET', '/api/tokens/ledger')).status).toBe(403);
  });

  it('my purchases: only mine, by status', async () => {
    const me = await createStudent(stack);
    const other = await createStudent(stack);
    const mk = (userId: string, status: 'PENDING' | 'COMPLETED', ago: number) =>
      stack.db.tokenPurchase.create({ data: { userId, tokens: 5, amountPaise: 49_900, packId: 'starter', receipt: `tp_test_${randomUUID().slice(0, 20)}`, status, createdAt: at(ago) } });
    const older = await mk(me.user.id, 'COMPLETED', 5000);
    const newer = await mk(me.user.id, 'PENDING', 1000);
    const theirs = await mk(other.user.id, 'COMPLETED', 3000);
    const mine = await call(me.accessToken, 'GET', '/api/tokens/purchases');
    expect(mine.status).toBe(200);
    expect(ids(mine.body.items)).toEqual([newer.id, older.id]);
    expect(ids(mine.body.items)).not.toContain(theirs.id);
    expect(ids((await call(me.accessToken, 'GET', '/api/tokens/purchases?status=COMPLETED')).body.items)).toEqual([older.id]);
    expect((await call(me.accessToken, 'GET', '/api/tokens/purchases?status=REFUNDED')).status).toBe(400);
    // The single read stays owner-only too.
    expect((await call(me.accessToken, 'GET', `/api/tokens/purchases/${theirs.id}`)).status).toBe(404);
  });

  it('a mentor’s transactions: only their own; staff read any mentor’s; students 403', async () => {
    const mentor = await createUser(stack, 'EXPERT');
    const otherMentor = await createUser(stack, 'EXPERT');
    const credit = await stack.db.mentorTransaction.create({ data: { userId: mentor.user.id, type: 'CREDIT', amountPaise: 40_000, balanceAfterPaise: 40_000, description: 'Session earning', idempotencyKey: `ledger-test:${randomUUID()}`, createdAt: at(2000) } });
    const debit = await stack.db.mentorTransaction.create({ data: { userId: mentor.user.id, type: 'DEBIT', amountPaise: -30_000, balanceAfterPaise: 10_000, description: 'Payout', idempotencyKey: `ledger-test:${randomUUID()}`, createdAt: at(1000) } });
    const mine = await call(mentor.accessToken, 'GET', '/api/mentors/me/transactions?limit=1');
    expect(ids(mine.body.items)).toEqual([debit.id]);
    expect(ids((await call(mentor.accessToken, 'GET', `/api/mentors/me/transactions?cursor=${mine.body.nextCursor}`)).body.items)).toEqual([credit.id]);
    expect(ids((await call(mentor.accessToken, 'GET', '/api/mentors/me/transactions?type=CREDIT')).body.items)).toEqual([credit.id]);
    expect((await call(otherMentor.accessToken, 'GET', '/api/mentors/me/transactions')).body.items).toEqual([]);
    const admin = await createUser(stack, 'SUPERADMIN');
    expect(ids((await call(admin.accessToken, 'GET', `/api/admin/mentors/${mentor.user.id}/transactions`)).body.items)).toEqual([debit.id, credit.id]);
    expect((await call(otherMentor.accessToken, 'GET', `/api/admin/mentors/${mentor.user.id}/transactions`)).status).toBe(403);
    const student = await createStudent(stack);
    expect((await call(student.accessToken, 'GET', '/api/mentors/me/transactions')).status).toBe(403);
    expect((await call(mentor.accessToken, 'GET', '/api/mentors/me/transactions?type=BONUS')).status).toBe(400);
  });

  it('the pack catalogue comes from system config, and purchases quote from it', async () => {
    const res = await stack.app.request('/api/tokens/packs');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const body = (await res.json()) as { items: { id: string; tokens: number; amountPaise: number }[]; customPricePerTokenPaise: number };
    // With no row the defaults apply (another file may hold a superset; the defaults are always in it).
    for (const [id, p] of Object.entries(DEFAULT_TOKEN_PACKS)) expect(body.items).toContainEqual(expect.objectContaining({ id, tokens: p.tokens, amountPaise: p.amountPaise }));

    const packId = `mega-${randomUUID().slice(0, 6)}`;
    await stack.db.systemConfig.upsert({
      where: { key: 'tokens.packs' },
      create: { key: 'tokens.packs', value: { ...DEFAULT_TOKEN_PACKS, [packId]: { tokens: 100, amountPaise: 499_900, label: 'Mega' } } },
      update: { value: { ...DEFAULT_TOKEN_PACKS, [packId]: { tokens: 100, amountPaise: 499_900, label: 'Mega' } } },
    });
    try {
      const now = (await (await stack.app.request('/api/tokens/packs')).json()) as { items: { id: string; label: string | null; paisePerToken: number }[] };
      expect(now.items[0]).toMatchObject({ id: packId, label: 'Mega', paisePerToken: 4999 });
      const buyer = await createStudent(stack);
      const bought = await call(buyer.accessToken, 'POST', '/api/tokens/purchases', { packId });
      expect(bought.status).toBe(201);
      expect(bought.body.purchase).toMatchObject({ packId, tokens: 100, amountPaise: 499_900 });
      const unknown = await call(buyer.accessToken, 'POST', '/api/tokens/purchases', { packId: 'nope' });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors[0].path).toBe('json.packId');
      expect((await call(buyer.accessToken, 'POST', '/api/tokens/purchases', { packId: 'Not A Pack!' })).status).toBe(400);
    } finally {
      await stack.db.systemConfig.deleteMany({ where: { key: 'tokens.packs' } });
    }
  });
});
