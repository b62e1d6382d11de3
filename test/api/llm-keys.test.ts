// Per-user LLM keys through the api, on the real stack and the LLM simulator: a key is checked
// against the provider before it is saved, sealed (the DB holds no plaintext), never shown again
// (responses carry the last four characters), never logged, usable through resolveUserLlmKey,
// re-sealed under a new KEK by `npm run llm-keys:reseal`, and revocable by an admin. One user
// cannot read or delete another's key.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createLogger } from '../../infra/logger.js';
import { resealLlmKeys } from '../../services/ai/llm-keys-reseal.js';
import { resolveUserLlmKey } from '../../services/ai/llm-keys.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tag = randomBytes(3).toString('hex');
// This file's own KEKs (unique ids), so the reseal runs here never touch other files' rows.
const KEK_A = { id: `a-${tag}`, key: randomBytes(32).toString('hex') };
const KEK_B = { id: `b-${tag}`, key: randomBytes(32).toString('hex') };
const keksA = `${KEK_A.id}:${KEK_A.key}`;
const keksAB = `${keksA},${KEK_B.id}:${KEK_B.key}`;

const logLines: string[] = [];
let stack: TestStack;
beforeAll(async () => {
  const logger = createLogger('trace', 'test', { write: (line: string) => void logLines.push(line) });
  stack = await startTestStack({ worker: false, logger, config: { llmKeys: { keks: keksA, allowHttpBaseUrl: true, checkTimeoutMs: 5_000 } } });
});
afterAll(() => stack?.close());
beforeEach(() => {
  logLines.length = 0;
});

/** A key the simulator accepts from now on. */
function userKey() {
  const key = `sk-user-${randomBytes(18).toString('base64url')}`;
  stack.llmSim.acceptKey(key);
  return key;
}
const call = async (token: string, method: string, p: string, body?: unknown) => {
  const res = await stack.app.request(json(method, p, body, bearerHeader(token)));
  const text = await res.text();
  return { status: res.status, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
};
const save = (token: string, body: Record<string, unknown>) => call(token, 'POST', '/api/me/llm-keys', { provider: 'OPENAI', baseUrl: stack.llmSim.baseUrl, ...body });
const dump = async () => (await stack.db.$queryRawUnsafe<{ row: string }[]>('SELECT t::text AS row FROM public.user_llm_keys t')).map((r) => r.row).join('\n');
const depsWith = (keks: string, activeKekId?: string) => ({ ...stack.deps, config: { ...stack.deps.config, llmKeys: { keks, ...(activeKekId ? { activeKekId } : {}) } } });

describe('saving a key', () => {
  it('checks it against the provider, seals it, and answers only its last four characters', async () => {
    const u = await createUser(stack, 'USER');
    const key = userKey();
    const created = await save(u.accessToken, { apiKey: key, label: 'My OpenAI' });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ userId: u.user.id, provider: 'OPENAI', label: 'My OpenAI', baseUrl: stack.llmSim.baseUrl, keyLast4: key.slice(-4), isActive: true, lastUsedAt: null });
    expect(created.body!.lastValidatedAt).toEqual(expect.any(String));
    expect(created.text).not.toContain(key);
    expect(Object.keys(created.body!).sort()).toEqual(['baseUrl', 'createdAt', 'id', 'isActive', 'keyLast4', 'label', 'lastUsedAt', 'lastValidatedAt', 'provider', 'revokedAt', 'updatedAt', 'userId']);

    const list = await call(u.accessToken, 'GET', '/api/me/llm-keys');
    expect(list.status).toBe(200);
    expect(list.body!.items).toEqual([created.body]);
    const one = await call(u.accessToken, 'GET', `/api/me/llm-keys/${created.body!.id as string}`);
    expect(one.body).toEqual(created.body);
    for (const r of [list, one]) expect(r.text).not.toContain(key);

    // The row: ciphertext under KEK A, and no plaintext anywhere in the table.
    const row = await stack.db.userLlmKey.findUniqueOrThrow({ where: { id: created.body!.id as string } });
    expect(row).toMatchObject({ encryptionKeyId: KEK_A.id, keyLast4: key.slice(-4) });
    expect(row.keyCiphertext.length).toBeGreaterThan(20);
    const table = await dump();
    expect(table).toContain(row.keyCiphertext);
    expect(table).not.toContain(key);
    expect(table).not.toContain(key.slice(0, 12));
  });

  it('replacing the key for a provider keeps one row (200) with the new key sealed afresh', async () => {
    const u = await createUser(stack, 'USER');
    const first = await save(u.accessToken, { apiKey: userKey() });
    const key2 = userKey();
    const second = await save(u.accessToken, { apiKey: key2 });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body).toMatchObject({ id: first.body!.id, keyLast4: key2.slice(-4), label: null });
    expect(await stack.db.userLlmKey.count({ where: { userId: u.user.id } })).toBe(1);
    expect((await resolveUserLlmKey(stack.deps, u.user.id, 'OPENAI'))?.apiKey).toBe(key2);
  });

  it('a key the provider refuses is a 422 that names neither key, and nothing is saved', async () => {
    const u = await createUser(stack, 'USER');
    const wrong = `sk-wrong-${randomBytes(18).toString('base64url')}`;
    const res = await save(u.accessToken, { apiKey: wrong });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'UNPROCESSABLE' });
    expect(res.body!.detail).toMatch(/The provider refused this key \(GET .*\/models answered 401\)/);
    expect(res.text).not.toContain(wrong);
    expect(await stack.db.userLlmKey.count({ where: { userId: u.user.id } })).toBe(0);

    // Unreachable provider, and a base URL that is not allowed: 422 too, nothing saved.
    const down = await save(u.accessToken, { apiKey: userKey(), baseUrl: 'http://127.0.0.1:9/v1' });
    expect(down.status).toBe(422);
    expect(down.body!.detail).toMatch(/could not be reached/);
    const prod = { ...stack.deps, config: { ...stack.deps.config, llmKeys: { keks: keksA } } };
    const { saveUserLlmKey } = await import('../../services/ai/llm-keys.js');
    await expect(saveUserLlmKey(prod, u.user.id, { provider: 'OPENAI', apiKey: userKey(), baseUrl: stack.llmSim.baseUrl })).rejects.toMatchObject({ code: 'UNPROCESSABLE', message: 'The baseUrl must be https' });
    expect(await stack.db.userLlmKey.count({ where: { userId: u.user.id } })).toBe(0);
  });

  it('the key never reaches the logs: not from a save, a refused save or an invalid body', async () => {
    const u = await createUser(stack, 'USER');
    const key = userKey();
    const wrong = `sk-wrong-${randomBytes(18).toString('base64url')}`;
    expect((await save(u.accessToken, { apiKey: key })).status).toBe(201);
    expect((await save(u.accessToken, { apiKey: wrong })).status).toBe(422);
    expect((await save(u.accessToken, { apiKey: `${key} with spaces`, unknown: key })).status).toBe(400);
    stack.deps.logger.info({ apiKey: key, nested: { apiKey: key } }, 'a careless log line');
    const logs = logLines.join('');
    // The capture works: it holds the request lines and the service's own.
    expect(logs).toContain('"route":"/api/me/llm-keys"');
    expect(logs).toContain('llm key saved');
    expect(logs).toContain('llm key check failed');
    expect(logs).toContain('a careless log line');
    for (const secret of [key, wrong, key.slice(-12)]) expect(logs).not.toContain(secret);
  });
});

/** A throw-away HTTP server answering every request with `answer`; it records the headers it saw. */
async function fakeProvider(answer: (res: ServerResponse) => void) {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/v1`, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('a hostile or odd provider', () => {
  it('a 401 that echoes the key does not bring it into the answer or the logs', async () => {
    const u = await createUser(stack, 'USER');
    const key = `sk-echo-${randomBytes(18).toString('base64url')}`;
    const provider = await fakeProvider((res) => {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `Incorrect API key provided: ${key}` } }));
    });
    try {
      const res = await save(u.accessToken, { apiKey: key, baseUrl: provider.url });
      expect(res.status).toBe(422);
      expect(provider.seen[0]!.authorization).toBe(`Bearer ${key}`);
      expect(res.text).not.toContain(key);
      expect(logLines.join('')).not.toContain(key);
    } finally {
      await provider.close();
    }
  });

  it('a redirect is not followed, so the key never reaches the other host', async () => {
    const u = await createUser(stack, 'USER');
    const elsewhere = await fakeProvider((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}'));
    const redirecting = await fakeProvider((res) => res.writeHead(302, { location: `${elsewhere.url}/models` }).end());
    try {
      const res = await save(u.accessToken, { apiKey: userKey(), baseUrl: redirecting.url });
      expect(res.status).toBe(422);
      expect(redirecting.seen).toHaveLength(1);
      expect(elsewhere.seen).toHaveLength(0);
      // A 200 that is not a model list is refused too.
      const odd = await fakeProvider((res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hi</html>'));
      const notApi = await save(u.accessToken, { apiKey: userKey(), baseUrl: odd.url });
      await odd.close();
      expect(notApi.status).toBe(422);
      expect(notApi.body!.detail).toMatch(/not a model list/);
      expect(await stack.db.userLlmKey.count({ where: { userId: u.user.id } })).toBe(0);
    } finally {
      await Promise.all([redirecting.close(), elsewhere.close()]);
    }
  });
});

describe('using and rotating keys', () => {
  it('resolveUserLlmKey opens the key, marks lastUsedAt, and answers null for a provider without one', async () => {
    const u = await createUser(stack, 'USER');
    const key = userKey();
    await save(u.accessToken, { apiKey: key });
    const resolved = await resolveUserLlmKey(stack.deps, u.user.id, 'OPENAI');
    expect(resolved).toMatchObject({ provider: 'OPENAI', baseUrl: stack.llmSim.baseUrl, apiKey: key });
    // The opened key works against the provider.
    const models = await fetch(`${resolved!.baseUrl}/models`, { headers: { authorization: `Bearer ${resolved!.apiKey}` } });
    expect(models.status).toBe(200);
    expect((await stack.db.userLlmKey.findUniqueOrThrow({ where: { id: resolved!.llmKeyId } })).lastUsedAt).toBeInstanceOf(Date);
    expect(await resolveUserLlmKey(stack.deps, u.user.id, 'GROQ')).toBeNull();
  });

  it('the reseal pass moves rows to the active KEK batch by batch, is idempotent, and the old KEK can then go', async () => {
    const u = await createUser(stack, 'USER');
    const keys = { OPENAI: userKey(), GROQ: userKey(), MISTRAL: userKey() };
    for (const [provider, apiKey] of Object.entries(keys)) expect((await save(u.accessToken, { provider, apiKey })).status).toBe(201);
    const before = await stack.db.userLlmKey.findMany({ where: { userId: u.user.id }, orderBy: { id: 'asc' } });
    expect(before.map((r) => r.encryptionKeyId)).toEqual([KEK_A.id, KEK_A.id, KEK_A.id]);

    // Without KEK B nothing opens yet under B alone.
    await expect(resolveUserLlmKey(depsWith(`${KEK_B.id}:${KEK_B.key}`), u.user.id, 'OPENAI')).rejects.toMatchObject({ code: 'INTERNAL' });

    const rotated = depsWith(keksAB, KEK_B.id);
    const first = await resealLlmKeys(rotated, { batchSize: 2, userId: u.user.id });
    expect(first).toMatchObject({ activeKekId: KEK_B.id, scanned: 3, resealed: 3, skipped: 0, failed: [], batches: 2 });
    const after = await stack.db.userLlmKey.findMany({ where: { userId: u.user.id }, orderBy: { id: 'asc' } });
    expect(after.map((r) => r.encryptionKeyId)).toEqual([KEK_B.id, KEK_B.id, KEK_B.id]);
    for (const [i, r] of after.entries()) expect([r.keyCiphertext, r.keyIv]).not.toEqual([before[i]!.keyCiphertext, before[i]!.keyIv]);
    expect(await resealLlmKeys(rotated, { batchSize: 2, userId: u.user.id })).toMatchObject({ scanned: 0, resealed: 0, batches: 0 });

    // KEK A retired: every key still opens, under B alone.
    const onlyB = depsWith(`${KEK_B.id}:${KEK_B.key}`);
    for (const [provider, apiKey] of Object.entries(keys)) expect((await resolveUserLlmKey(onlyB, u.user.id, provider as 'OPENAI'))?.apiKey).toBe(apiKey);
    expect(await dump()).not.toContain(keys.OPENAI);
  });

  it('a row under a KEK that is not configured is reported, not dropped', async () => {
    const u = await createUser(stack, 'USER');
    await save(u.accessToken, { apiKey: userKey() });
    const result = await resealLlmKeys(depsWith(`${KEK_B.id}:${KEK_B.key}`), { userId: u.user.id });
    expect(result).toMatchObject({ scanned: 1, resealed: 0, failed: [{ encryptionKeyId: KEK_A.id, reason: 'kek not configured' }] });
    expect((await stack.db.userLlmKey.findFirstOrThrow({ where: { userId: u.user.id } })).encryptionKeyId).toBe(KEK_A.id);
  });

  it('npm run llm-keys:reseal re-seals under LLM_KEYS_ACTIVE_KEK and prints a summary without keys', async () => {
    const u = await createUser(stack, 'USER');
    const key = userKey();
    await save(u.accessToken, { apiKey: key });
    const run = () =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', path.join(root, 'scripts/llm-keys-reseal.ts'), '--batch-size', '10', '--user', u.user.id],
          { cwd: root, env: { ...process.env, DATABASE_URL: inject('databaseUrl'), LLM_KEYS_KEKS: keksAB, LLM_KEYS_ACTIVE_KEK: KEK_B.id, LOG_LEVEL: 'warn' }, timeout: 60_000 },
          (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ activeKekId: KEK_B.id, resealed: 1, failed: [] });
    expect(first.stdout + first.stderr).not.toContain(key);
    expect(JSON.parse((await run()).stdout)).toMatchObject({ resealed: 0, scanned: 0 });
    expect((await resolveUserLlmKey(depsWith(`${KEK_B.id}:${KEK_B.key}`), u.user.id, 'OPENAI'))?.apiKey).toBe(key);
  });
});

describe('ownership and revocation', () => {
  it('another user’s key is a 404 to read or delete, and stays', async () => {
    const owner = await createUser(stack, 'USER');
    const other = await createUser(stack, 'EXPERT');
    const id = (await save(owner.accessToken, { apiKey: userKey() })).body!.id as string;
    expect((await call(other.accessToken, 'GET', `/api/me/llm-keys/${id}`)).status).toBe(404);
    expect((await call(other.accessToken, 'DELETE', `/api/me/llm-keys/${id}`)).status).toBe(404);
    expect((await call(other.accessToken, 'GET', '/api/me/llm-keys')).body!.items).toEqual([]);
    expect(await stack.db.userLlmKey.count({ where: { id } })).toBe(1);
    // The owner deletes it.
    expect((await call(owner.accessToken, 'DELETE', `/api/me/llm-keys/${id}`)).status).toBe(204);
    expect((await call(owner.accessToken, 'GET', `/api/me/llm-keys/${id}`)).status).toBe(404);
    expect(await resolveUserLlmKey(stack.deps, owner.user.id, 'OPENAI')).toBeNull();
  });

  it('an admin lists and revokes a user’s keys: the sealed key is wiped, the key stops resolving, and a new save re-activates', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const u = await createUser(stack, 'USER');
    await save(u.accessToken, { apiKey: userKey() });
    await save(u.accessToken, { provider: 'GROQ', apiKey: userKey() });
    const listed = await call(admin.accessToken, 'GET', `/api/admin/users/${u.user.id}/llm-keys`);
    expect((listed.body!.items as unknown[]).length).toBe(2);

    const one = await call(admin.accessToken, 'POST', `/api/admin/users/${u.user.id}/llm-keys/revoke`, { provider: 'GROQ' });
    expect(one.status).toBe(200);
    expect(one.body!.revoked).toBe(1);
    expect(await resolveUserLlmKey(stack.deps, u.user.id, 'GROQ')).toBeNull();
    expect(await resolveUserLlmKey(stack.deps, u.user.id, 'OPENAI')).not.toBeNull();

    const all = await call(admin.accessToken, 'POST', `/api/admin/users/${u.user.id}/llm-keys/revoke`, {});
    expect(all.body!.revoked).toBe(1);
    const rows = await stack.db.userLlmKey.findMany({ where: { userId: u.user.id } });
    expect(rows.map((r) => [r.isActive, r.keyCiphertext, r.keyAuthTag, r.revokedById])).toEqual([
      [false, '', null, admin.user.id],
      [false, '', null, admin.user.id],
    ]);
    const view = await call(u.accessToken, 'GET', '/api/me/llm-keys');
    expect((view.body!.items as { isActive: boolean; revokedAt: string | null }[]).every((k) => !k.isActive && k.revokedAt)).toBe(true);

    const key = userKey();
    expect((await save(u.accessToken, { apiKey: key })).body).toMatchObject({ isActive: true, revokedAt: null });
    expect((await resolveUserLlmKey(stack.deps, u.user.id, 'OPENAI'))?.apiKey).toBe(key);
    expect((await call(admin.accessToken, 'POST', '/api/admin/users/6b3d8f0e-0000-4000-8000-00000000abcd/llm-keys/revoke', {})).status).toBe(404);
  });

  it('the role matrix covers every key route with the declared roles', async () => {
    const spec = (await (await stack.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { 'x-roles'?: string[] }>> };
    const everyone = ['USER', 'EXPERT', 'ADMIN', 'SUPERADMIN', 'SALES'];
    expect(spec.paths['/api/me/llm-keys']!.get!['x-roles']).toEqual(everyone);
    expect(spec.paths['/api/me/llm-keys']!.post!['x-roles']).toEqual(everyone);
    expect(spec.paths['/api/me/llm-keys/{id}']!.get!['x-roles']).toEqual(everyone);
    expect(spec.paths['/api/me/llm-keys/{id}']!.delete!['x-roles']).toEqual(everyone);
    expect(spec.paths['/api/admin/users/{id}/llm-keys']!.get!['x-roles']).toEqual(['ADMIN', 'SUPERADMIN']);
    expect(spec.paths['/api/admin/users/{id}/llm-keys/revoke']!.post!['x-roles']).toEqual(['ADMIN', 'SUPERADMIN']);
    const u = await createUser(stack, 'SALES');
    expect((await call(u.accessToken, 'POST', `/api/admin/users/${u.user.id}/llm-keys/revoke`, {})).status).toBe(403);
  });
});
