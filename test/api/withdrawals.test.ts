// Mentor payouts: the balance never goes negative, a rejection returns the money, and the
// ledger records every movement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createMentor, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

async function mentorWithBalance(paise: number) {
  const m = await createMentor(stack);
  await stack.db.mentorEarnings.create({ data: { userId: m.user.id, balancePaise: paise, totalEarnedPaise: paise } });
  return m;
}
const request = (token: string, amountPaise: number) => stack.app.request(json('POST', '/api/mentors/me/withdrawals', { amountPaise }, bearerHeader(token)));
const balance = async (userId: string) => (await stack.db.mentorEarnings.findUniqueOrThrow({ where: { userId } })).balancePaise;

describe('mentor withdrawals', () => {
  it('request → approve → mark paid; the ledger has the debit', async () => {
    const m = await mentorWithBalance(100_000);
    const admin = await createUser(stack, 'ADMIN');
    const res = await request(m.accessToken, 60_000);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(await balance(m.user.id)).toBe(40_000);
    expect((await stack.app.request(json('POST', `/api/admin/withdrawals/${id}/mark-paid`, { payoutReference: 'UTR123' }, bearerHeader(admin.accessToken)))).status).toBe(409);
    expect((await stack.app.request(json('POST', `/api/admin/withdrawals/${id}/approve`, {}, bearerHeader(admin.accessToken)))).status).toBe(200);
    const paid = await stack.app.request(json('POST', `/api/admin/withdrawals/${id}/mark-paid`, { payoutReference: 'UTR123' }, bearerHeader(admin.accessToken)));
    expect(await paid.json()).toMatchObject({ status: 'PAID', payoutReference: 'UTR123' });
    const mine = (await (await stack.app.request(json('GET', '/api/mentors/me/withdrawals', undefined, bearerHeader(m.accessToken)))).json()) as { balancePaise: number; totalWithdrawnPaise: number };
    expect(mine).toMatchObject({ balancePaise: 40_000, totalWithdrawnPaise: 60_000 });
    expect(await stack.db.mentorTransaction.findMany({ where: { userId: m.user.id } })).toEqual([expect.objectContaining({ type: 'DEBIT', amountPaise: 60_000, balanceAfterPaise: 40_000 })]);
  });

  it('a rejection returns the amount to the balance', async () => {
    const m = await mentorWithBalance(50_000);
    const admin = await createUser(stack, 'ADMIN');
    const { id } = (await (await request(m.accessToken, 50_000)).json()) as { id: string };
    expect(await balance(m.user.id)).toBe(0);
    expect((await stack.app.request(json('POST', `/api/admin/withdrawals/${id}/reject`, { notes: 'bank details missing' }, bearerHeader(admin.accessToken)))).status).toBe(200);
    expect(await balance(m.user.id)).toBe(50_000);
    expect((await stack.app.request(json('POST', `/api/admin/withdrawals/${id}/reject`, {}, bearerHeader(admin.accessToken)))).status).toBe(409);
  });

  it('10 concurrent requests can never overdraw the balance', async () => {
    const m = await mentorWithBalance(30_000);
    const res = await Promise.all(Array.from({ length: 10 }, () => request(m.accessToken, 10_000)));
    expect(res.filter((r) => r.status === 201)).toHaveLength(3);
    expect(res.filter((r) => r.status === 422)).toHaveLength(7);
    expect(await balance(m.user.id)).toBe(0);
  });

  it('refuses more than the balance with 422, and a mentor without earnings likewise', async () => {
    const m = await mentorWithBalance(1_000);
    expect((await request(m.accessToken, 2_000)).status).toBe(422);
    const fresh = await createMentor(stack);
    expect((await request(fresh.accessToken, 100)).status).toBe(422);
  });
});
