// Lead tags: a shared vocabulary per platform (unique names), tagging a lead you may see (others
// 404, another platform's tag 422), idempotent tagging, the leads list filtered by tag, and admin
// rename and delete (every lead loses a deleted tag).
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const mobile = () => `9${randomInt(100_000_000, 999_999_999)}`;

describe('CRM lead tags', () => {
  it('create, tag (idempotent), filter, untag; visibility and platform rules; admin rename and delete', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const rep = await createUser(stack, 'SALES');
    const stranger = await createUser(stack, 'SALES');
    const name = `Hot-${randomUUID().slice(0, 6)}`;
    const hot = await call(rep.accessToken, 'POST', '/api/crm/tags', { name, color: '#F59E0B' });
    expect(hot.status).toBe(201);
    expect((await call(rep.accessToken, 'POST', '/api/crm/tags', { name })).status).toBe(409);
    expect((await call(rep.accessToken, 'POST', '/api/crm/tags', { name: 'x', color: 'red' })).status).toBe(400);
    const cold = (await call(rep.accessToken, 'POST', '/api/crm/tags', { name: `${name}-cold` })).body;
    expect((await call(rep.accessToken, 'GET', `/api/crm/tags?q=${name}`)).body.items.map((t: { name: string }) => t.name)).toEqual([name, `${name}-cold`]);

    const mine = (await call(admin.accessToken, 'POST', '/api/crm/leads', { name: 'Tagged lead', phone: mobile(), sourceType: 'manual' })).body.lead;
    const other = (await call(admin.accessToken, 'POST', '/api/crm/leads', { name: 'Untagged lead', phone: mobile(), sourceType: 'manual' })).body.lead;
    await call(admin.accessToken, 'POST', `/api/crm/leads/${mine.id}/assign`, { assignedTo: rep.user.id });

    // Tagging goes through visibility; a tag of another platform does not fit.
    expect((await call(stranger.accessToken, 'POST', `/api/crm/leads/${mine.id}/tags`, { tagIds: [hot.body.id] })).status).toBe(404);
    expect((await call(stranger.accessToken, 'GET', `/api/crm/leads/${mine.id}/tags`)).status).toBe(404);
    const leadPlatform = (await stack.db.rawLead.findUniqueOrThrow({ where: { id: mine.id }, select: { platform: true } })).platform;
    const foreign = (await stack.db.leadTag.create({ data: { name: `${name}-other`, platform: leadPlatform === 'mr-mentor' ? 'my-analytics-school' : 'mr-mentor' } })).id;
    expect((await call(rep.accessToken, 'POST', `/api/crm/leads/${mine.id}/tags`, { tagIds: [foreign] })).status).toBe(422);
    const tagged = await call(rep.accessToken, 'POST', `/api/crm/leads/${mine.id}/tags`, { tagIds: [hot.body.id, cold.id] });
    expect(tagged.body.items.map((t: { name: string; taggedById: string }) => [t.name, t.taggedById])).toEqual([
      [name, rep.user.id],
      [`${name}-cold`, rep.user.id],
    ]);
    const again = await Promise.all([1, 2].map(() => call(rep.accessToken, 'POST', `/api/crm/leads/${mine.id}/tags`, { tagIds: [hot.body.id] })));
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    expect(await stack.db.rawLeadTag.count({ where: { rawLeadId: mine.id } })).toBe(2);

    // The leads list filters by tag, within what the caller sees.
    const byTag = await call(admin.accessToken, 'GET', `/api/crm/leads?tagId=${hot.body.id}`);
    expect(byTag.body.items.map((l: { id: string }) => l.id)).toEqual([mine.id]);
    expect((await call(stranger.accessToken, 'GET', `/api/crm/leads?tagId=${hot.body.id}`)).body.items).toEqual([]);
    expect(byTag.body.items.map((l: { id: string }) => l.id)).not.toContain(other.id);

    // Untag; admins rename and delete (the lead loses it); a rep cannot.
    expect((await call(rep.accessToken, 'DELETE', `/api/crm/leads/${mine.id}/tags/${cold.id}`)).status).toBe(204);
    expect((await call(rep.accessToken, 'PATCH', `/api/crm/tags/${hot.body.id}`, { name: 'Renamed' })).status).toBe(403);
    expect((await call(admin.accessToken, 'PATCH', `/api/crm/tags/${hot.body.id}`, { name: `${name}-renamed`, color: null })).body).toMatchObject({ name: `${name}-renamed`, color: null });
    expect((await call(admin.accessToken, 'DELETE', `/api/crm/tags/${hot.body.id}`)).status).toBe(204);
    expect((await call(admin.accessToken, 'DELETE', `/api/crm/tags/${hot.body.id}`)).status).toBe(404);
    expect((await call(rep.accessToken, 'GET', `/api/crm/leads/${mine.id}/tags`)).body.items).toEqual([]);
  });
});
