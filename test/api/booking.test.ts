// Booking (Journey 2) and cancellation, under contention, on the real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createMentor, createOpenSlot, createStudent, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const book = (slotId: string, token: string) => stack.app.request(json('POST', `/api/slots/${slotId}/book`, undefined, bearerHeader(token)));
const wallet = async (userId: string) => ({
  paid: (await stack.db.token.findUniqueOrThrow({ where: { userId } })).balance,
  promo: (await stack.db.promotionalToken.findUniqueOrThrow({ where: { userId } })).balance,
});

describe('booking', () => {
  it('confirms the slot, spends promotional tokens first, and writes the ledger', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack, { paid: 5, promo: 1 });
    const slot = await createOpenSlot(stack, m.user.id, { price: 3 });
    const res = await book(slot.id, s.accessToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slot: { status: 'CONFIRMED', studentId: s.user.id }, spent: { paid: 2, promotional: 1 }, wallet: { balance: 3, promotionalBalance: 0 } });
    expect(await wallet(s.user.id)).toEqual({ paid: 3, promo: 0 });
    const usage = await stack.db.tokenUsage.findMany({ where: { userId: s.user.id } });
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ type: 'BOOKING', amount: -3, paidAmount: 2, promoAmount: 1, balanceAfter: 3 });
  });

  it('answers 402 when the wallet cannot cover the price, and changes nothing', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack, { paid: 1, promo: 0 });
    const slot = await createOpenSlot(stack, m.user.id, { price: 2 });
    const res = await book(slot.id, s.accessToken);
    expect(res.status).toBe(402);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe('TENTATIVE');
    expect(await wallet(s.user.id)).toEqual({ paid: 1, promo: 0 });
  });

  it('50 parallel bookings of one slot: exactly one succeeds, the rest get 409 or 402', async () => {
    const m = await createMentor(stack);
    const slot = await createOpenSlot(stack, m.user.id, { price: 2 });
    const students = await Promise.all(Array.from({ length: 50 }, (_, i) => createStudent(stack, { paid: i % 5 === 0 ? 1 : 10 })));
    const res = await Promise.all(students.map((s) => book(slot.id, s.accessToken)));
    const codes = res.map((r) => r.status);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.every((c) => c === 200 || c === 409 || c === 402)).toBe(true);
    expect(await stack.db.tokenUsage.count({ where: { slotId: slot.id } })).toBe(1);
    const winner = students[codes.indexOf(200)]!;
    expect((await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).studentId).toBe(winner.user.id);
  });

  it('100 parallel spends from one wallet never take it below zero, and the ledger adds up', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack, { paid: 7, promo: 3 });
    const slots = await Promise.all(Array.from({ length: 100 }, (_, i) => createOpenSlot(stack, m.user.id, { price: 1, inHours: 100 + i })));
    const res = await Promise.all(slots.map((slot) => book(slot.id, s.accessToken)));
    expect(res.filter((r) => r.status === 200)).toHaveLength(10);
    expect(res.filter((r) => r.status === 402)).toHaveLength(90);
    expect(await wallet(s.user.id)).toEqual({ paid: 0, promo: 0 });
    const usage = await stack.db.tokenUsage.findMany({ where: { userId: s.user.id } });
    expect(usage.reduce((sum, u) => sum + u.amount, 0)).toBe(-10);
    expect(usage.reduce((sum, u) => sum + u.paidAmount, 0)).toBe(7);
  });

  it('refuses booking your own slot, a taken slot and an unknown slot', async () => {
    const m = await createMentor(stack);
    await stack.db.token.create({ data: { userId: m.user.id, balance: 10 } });
    await stack.db.promotionalToken.create({ data: { userId: m.user.id } });
    const slot = await createOpenSlot(stack, m.user.id);
    expect((await book(slot.id, m.accessToken)).status).toBe(409);
    expect((await book('6b3d8f0e-0000-4000-8000-000000000000', m.accessToken)).status).toBe(404);
  });
});

describe('cancellation', () => {
  it('a mentor cancellation refunds in full, to where the tokens came from', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack, { paid: 5, promo: 1 });
    const slot = await createOpenSlot(stack, m.user.id, { price: 3, inHours: 2 });
    await book(slot.id, s.accessToken);
    const res = await stack.app.request(json('POST', `/api/slots/${slot.id}/cancel`, { reason: 'sick' }, bearerHeader(m.accessToken)));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slot: { status: 'CANCELLED' }, refunded: { paid: 2, promotional: 1 } });
    expect(await wallet(s.user.id)).toEqual({ paid: 5, promo: 1 });
  });

  it('a late student cancellation is a request; the approval refunds by the policy, once', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack, { paid: 4, promo: 0 });
    const slot = await createOpenSlot(stack, m.user.id, { price: 4, inHours: 2 });
    await book(slot.id, s.accessToken);
    const cancels = await Promise.all([0, 1, 2].map(() => stack.app.request(json('POST', `/api/slots/${slot.id}/cancel`, {}, bearerHeader(s.accessToken)))));
    expect(cancels.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const r of cancels) expect(await r.json()).toMatchObject({ slot: { status: 'CANCELLATION_REQUESTED' }, refunded: { paid: 0, promotional: 0 } });
    const approvals = await Promise.all([0, 1].map(() => stack.app.request(json('POST', `/api/slots/${slot.id}/cancellation/approve`, {}, bearerHeader(m.accessToken)))));
    expect(approvals.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await wallet(s.user.id)).toEqual({ paid: 2, promo: 0 });
    expect(await stack.db.tokenUsage.count({ where: { slotId: slot.id, type: 'REFUND' } })).toBe(1);
  });

  it('an early student cancellation refunds in full', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack, { paid: 4, promo: 0 });
    const slot = await createOpenSlot(stack, m.user.id, { price: 4, inHours: 72 });
    await book(slot.id, s.accessToken);
    const res = await stack.app.request(json('POST', `/api/slots/${slot.id}/cancel`, {}, bearerHeader(s.accessToken)));
    expect(await res.json()).toMatchObject({ refunded: { paid: 4 } });
  });

  it('a stranger cannot cancel someone else’s booking', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack);
    const stranger = await createStudent(stack);
    const slot = await createOpenSlot(stack, m.user.id);
    await book(slot.id, s.accessToken);
    expect((await stack.app.request(json('POST', `/api/slots/${slot.id}/cancel`, {}, bearerHeader(stranger.accessToken)))).status).toBe(404);
  });
});
