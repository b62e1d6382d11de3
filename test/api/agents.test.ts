// Versioned agent configurations through the api: every write is a new version with its full
// snapshot in agent_configuration_histories, a stale version is a 409 that changes nothing,
// two versions diff field by field, a rollback is itself a new version, and parallel writers
// with the same version leave exactly one winner and no lost history row.
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

type Body = Record<string, unknown> & { id: string; version: number };
const call = async (method: string, path: string, body?: unknown, token = admin.accessToken) => {
  const res = await stack.app.request(json(method, path, body, bearerHeader(token)));
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Body };
};
const tool = (name: string) => ({ type: 'function', function: { name, description: `Does ${name}`, parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } } });
const newAgent = (extra: Record<string, unknown> = {}) =>
  call('POST', '/api/admin/agents', { key: `ask-mas-${randomUUID().slice(0, 8)}`, name: 'Ask MAS', model: 'gpt-4o-mini', systemPrompt: 'Answer questions about MAS courses.', temperature: 0.3, maxTokens: 800, tools: [tool('search_courses')], ...extra });
const history = (id: string) => stack.db.agentConfigurationHistory.findMany({ where: { agentConfigurationId: id }, orderBy: { version: 'asc' } });

describe('agent versions', () => {
  it('create is version 1; each change writes the next version with its snapshot; a stale version is a 409', async () => {
    const created = await newAgent({ changeNote: 'first cut' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, provider: 'OPENAI', temperature: 0.3, tools: [tool('search_courses')], isActive: true, createdById: admin.user.id });
    const id = created.body.id;

    const v2 = await call('PATCH', `/api/admin/agents/${id}`, { version: 1, model: 'gpt-4o', changeNote: 'bigger model' });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, model: 'gpt-4o', temperature: 0.3 });
    const v3 = await call('PATCH', `/api/admin/agents/${id}`, { version: 2, temperature: null, tools: [tool('search_courses'), tool('get_batch')] });
    expect(v3.body).toMatchObject({ version: 3, temperature: null });

    const stale = await call('PATCH', `/api/admin/agents/${id}`, { version: 2, systemPrompt: 'Lost update?' });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/version 3, not 2/);
    expect((await call('GET', `/api/admin/agents/${id}`)).body).toMatchObject({ version: 3, systemPrompt: 'Answer questions about MAS courses.' });

    const rows = await history(id);
    expect(rows.map((r) => [r.version, r.changeNote, r.changedById])).toEqual([
      [1, 'first cut', admin.user.id],
      [2, 'bigger model', admin.user.id],
      [3, null, admin.user.id],
    ]);
    expect(rows[1]!.snapshot).toMatchObject({ model: 'gpt-4o', temperature: 0.3 });

    const versions = await call('GET', `/api/admin/agents/${id}/versions?limit=2`);
    expect(versions.status).toBe(200);
    const page1 = versions.body as unknown as { items: { version: number }[]; nextCursor: string };
    expect(page1.items.map((v) => v.version)).toEqual([3, 2]);
    const page2 = (await call('GET', `/api/admin/agents/${id}/versions?limit=2&cursor=${page1.nextCursor}`)).body as unknown as { items: { version: number; snapshot: unknown }[]; nextCursor: null };
    expect(page2.items.map((v) => v.version)).toEqual([1]);
    expect(page2.nextCursor).toBeNull();
    expect((await call('GET', `/api/admin/agents/${id}/versions/1`)).body).toMatchObject({ version: 1, changeNote: 'first cut', snapshot: { model: 'gpt-4o-mini', temperature: 0.3 } });
    expect((await call('GET', `/api/admin/agents/${id}/versions/9`)).status).toBe(404);
  });

  it('diffs two versions field by field, and a rollback restores the state as a new version', async () => {
    const id = (await newAgent()).body.id;
    await call('PATCH', `/api/admin/agents/${id}`, { version: 1, model: 'gpt-4o', maxTokens: 2000 });
    await call('PATCH', `/api/admin/agents/${id}`, { version: 2, systemPrompt: 'Be terse.', settings: { top_p: 0.9 } });

    const diff = await call('GET', `/api/admin/agents/${id}/diff?from=1&to=3`);
    expect(diff.status).toBe(200);
    expect(diff.body).toEqual({
      from: 1,
      to: 3,
      changes: [
        { field: 'model', from: 'gpt-4o-mini', to: 'gpt-4o' },
        { field: 'systemPrompt', from: 'Answer questions about MAS courses.', to: 'Be terse.' },
        { field: 'maxTokens', from: 800, to: 2000 },
        { field: 'settings', from: null, to: { top_p: 0.9 } },
      ],
    });
    expect((await call('GET', `/api/admin/agents/${id}/diff?from=2&to=2`)).body).toMatchObject({ changes: [] });
    expect((await call('GET', `/api/admin/agents/${id}/diff?from=1&to=7`)).status).toBe(404);

    expect((await call('POST', `/api/admin/agents/${id}/rollback`, { toVersion: 1, version: 2 })).status).toBe(409);
    const rolled = await call('POST', `/api/admin/agents/${id}/rollback`, { toVersion: 1, version: 3 });
    expect(rolled.status).toBe(200);
    expect(rolled.body).toMatchObject({ version: 4, model: 'gpt-4o-mini', systemPrompt: 'Answer questions about MAS courses.', maxTokens: 800, settings: null });
    expect((await call('GET', `/api/admin/agents/${id}/diff?from=1&to=4`)).body).toMatchObject({ changes: [] });
    const rows = await history(id);
    expect(rows.map((r) => [r.version, r.changeNote])).toEqual([
      [1, 'created'],
      [2, null],
      [3, null],
      [4, 'rollback to version 1'],
    ]);
    expect((await call('POST', `/api/admin/agents/${id}/rollback`, { toVersion: 12, version: 4 })).status).toBe(404);
  });

  it('two parallel updates with the same version: one wins, the others get 409, no history row is lost', async () => {
    const id = (await newAgent()).body.id;
    for (let round = 1; round <= 3; round++) {
      const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => call('PATCH', `/api/admin/agents/${id}`, { version: round, systemPrompt: `round ${round} writer ${i}` })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
      const winner = answers.find((a) => a.status === 200)!.body;
      expect(winner.version).toBe(round + 1);
      // The history row of the winning version holds the winner's prompt.
      const row = await stack.db.agentConfigurationHistory.findUniqueOrThrow({ where: { agentConfigurationId_version: { agentConfigurationId: id, version: round + 1 } } });
      expect((row.snapshot as { systemPrompt: string }).systemPrompt).toBe(winner.systemPrompt);
    }
    expect((await history(id)).map((r) => r.version)).toEqual([1, 2, 3, 4]);
  });

  it('a delete needs the current version; the history stays readable', async () => {
    const id = (await newAgent()).body.id;
    await call('PATCH', `/api/admin/agents/${id}`, { version: 1, isActive: false });
    expect((await call('GET', `/api/admin/agents?isActive=false&limit=100`)).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id })]));
    expect((await call('DELETE', `/api/admin/agents/${id}?version=1`)).status).toBe(409);
    expect((await call('DELETE', `/api/admin/agents/${id}?version=2`)).status).toBe(204);
    expect((await call('GET', `/api/admin/agents/${id}`)).status).toBe(404);
    expect((await call('PATCH', `/api/admin/agents/${id}`, { version: 2, name: 'x' })).status).toBe(404);
    expect(((await call('GET', `/api/admin/agents/${id}/versions`)).body as unknown as { items: unknown[] }).items).toHaveLength(2);
    expect((await call('GET', `/api/admin/agents/${randomUUID()}/versions`)).status).toBe(404);
  });
});

describe('agent validation and access', () => {
  it('refuses invalid tools, parameters and keys with 400 naming the field; a taken key is 409', async () => {
    const dup = await newAgent({ tools: [tool('a'), tool('a')] });
    expect(dup.status).toBe(400);
    expect(dup.body.errors).toContainEqual({ path: 'json.tools.1.function.name', message: 'Tool name "a" is used twice' });
    const bad = await newAgent({ tools: [{ type: 'function', function: { name: 'x', parameters: { type: 'array' } } }] });
    expect(bad.body.errors).toContainEqual({ path: 'json.tools.0.function.parameters', message: 'must be a JSON schema with type "object"' });
    expect((await newAgent({ temperature: 3 })).status).toBe(400);
    expect((await newAgent({ key: 'Not A Slug' })).status).toBe(400);
    const id = (await newAgent()).body.id;
    expect((await call('PATCH', `/api/admin/agents/${id}`, { version: 1 })).status).toBe(400);
    const key = `taken-${randomUUID().slice(0, 8)}`;
    expect((await newAgent({ key })).status).toBe(201);
    expect((await newAgent({ key })).status).toBe(409);
  });

  it('only ADMIN and SUPERADMIN reach the agent routes', async () => {
    const id = (await newAgent()).body.id;
    for (const role of ['USER', 'EXPERT', 'SALES'] as const) {
      const u = await createUser(stack, role);
      expect((await call('GET', `/api/admin/agents/${id}`, undefined, u.accessToken)).status).toBe(403);
      expect((await call('PATCH', `/api/admin/agents/${id}`, { version: 1, name: 'x' }, u.accessToken)).status).toBe(403);
    }
    const superadmin = await createUser(stack, 'SUPERADMIN');
    expect((await call('GET', `/api/admin/agents/${id}`, undefined, superadmin.accessToken)).status).toBe(200);
    const spec = (await (await stack.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { 'x-roles'?: string[] }>> };
    const ops = Object.entries(spec.paths).filter(([p]) => p.startsWith('/api/admin/agents')).flatMap(([, o]) => Object.values(o));
    expect(ops).toHaveLength(9);
    for (const op of ops) expect(op['x-roles']).toEqual(['ADMIN', 'SUPERADMIN']);
  });
});
