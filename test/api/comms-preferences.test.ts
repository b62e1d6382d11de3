// Marketing preferences over the api: a user reads and sets their own (quiet hours for every
// channel, marketing per channel), bad input is 400 problem+json, a channel without an address is
// 422; staff list and set any address; nobody else reaches the staff routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());
const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

describe('comms preferences', () => {
  it('a user sets quiet hours and turns marketing off per channel; staff see and undo it', async () => {
    const u = await createUser(stack, 'USER');
    const mine = await call(u.accessToken, 'GET', '/api/me/comms-preferences');
    expect(mine.status).toBe(200);
    expect((mine.body as { items: { channel: string }[] }).items.map((i) => i.channel)).toEqual(['EMAIL']);
    // No phone on the account: WhatsApp cannot be set.
    expect((await call(u.accessToken, 'PUT', '/api/me/comms-preferences', { marketing: { whatsapp: false } })).status).toBe(422);

    await stack.db.user.update({ where: { id: u.user.id }, data: { phone: '+919812345678' } });
    const set = await call(u.accessToken, 'PUT', '/api/me/comms-preferences', { quietHours: { start: '22:30', end: '07:00', timezone: 'Asia/Kolkata' }, marketing: { email: false } });
    expect(set.status).toBe(200);
    const items = (set.body as { items: { channel: string; address: string; unsubscribed: boolean; unsubscribeSource: string | null; quietHours: unknown }[] }).items;
    expect(items.map((i) => [i.channel, i.unsubscribed])).toEqual([['EMAIL', true], ['WHATSAPP', false], ['SMS', false]]);
    expect(items.every((i) => JSON.stringify(i.quietHours) === JSON.stringify({ start: '22:30', end: '07:00', timezone: 'Asia/Kolkata' }))).toBe(true);
    expect(items[0]).toMatchObject({ address: u.email.toLowerCase(), unsubscribeSource: 'user' });

    for (const bad of [{}, { quietHours: { start: '25:00', end: '07:00', timezone: 'Asia/Kolkata' } }, { quietHours: { start: '22:00', end: '22:00', timezone: 'Asia/Kolkata' } }, { quietHours: { start: '22:00', end: '07:00', timezone: 'Mars/Olympus' } }, { marketing: { fax: false } }]) {
      const r = await call(u.accessToken, 'PUT', '/api/me/comms-preferences', bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body).toMatchObject({ status: 400, title: expect.any(String) });
    }

    const admin = await createUser(stack, 'ADMIN');
    expect((await call(u.accessToken, 'GET', '/api/admin/comms-preferences')).status).toBe(403);
    const listed = await call(admin.accessToken, 'GET', `/api/admin/comms-preferences?channel=EMAIL&address=${encodeURIComponent(u.email)}`);
    expect((listed.body as { items: { unsubscribed: boolean }[] }).items).toEqual([expect.objectContaining({ unsubscribed: true })]);
    const undo = await call(admin.accessToken, 'PUT', '/api/admin/comms-preferences', { channel: 'EMAIL', address: u.email.toUpperCase(), unsubscribed: false });
    expect(undo.body).toMatchObject({ unsubscribed: false, unsubscribeSource: 'admin' });
    // Clearing quiet hours puts the platform default back.
    const cleared = await call(u.accessToken, 'PUT', '/api/me/comms-preferences', { quietHours: null });
    expect((cleared.body as { items: { quietHours: unknown }[] }).items.map((i) => i.quietHours)).toEqual([null, null, null]);
    expect((await call(admin.accessToken, 'GET', '/api/admin/comms-preferences?unsubscribed=maybe')).status).toBe(400);
  });

  it('two first sightings of one address at once make one row', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const address = `race-${Date.now()}@example.com`;
    const results = await Promise.all(Array.from({ length: 8 }, () => call(admin.accessToken, 'PUT', '/api/admin/comms-preferences', { channel: 'EMAIL', address, unsubscribed: true })));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(await stack.db.commsPreference.count({ where: { channel: 'EMAIL', address } })).toBe(1);
  });
});
