// Per-user WhatsApp configs through the api, on the real stack and the WhatsApp simulator: the
// number id + token pair is checked with GET /{phone_number_id} before it is saved, the token is
// sealed (the DB holds no plaintext), never shown again (responses carry its last four
// characters), never logged; the verify token is stored as SHA-256; DELETE deactivates; an admin
// lists and revokes; senderFor sends from the user's own number; the reseal pass moves the tokens.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../infra/logger.js';
import { resealWhatsAppConfigs } from '../../services/notifications/whatsapp-configs-reseal.js';
import { senderFor } from '../../services/notifications/whatsapp-configs.js';
import { sendLoggedWhatsApp } from '../../services/notifications/whatsapp-send.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const tag = randomBytes(3).toString('hex');
const KEK_A = { id: `wa-a-${tag}`, key: randomBytes(32).toString('hex') };
const KEK_B = { id: `wa-b-${tag}`, key: randomBytes(32).toString('hex') };
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

let seq = 0;
/** A business number the simulator knows, with its own token. */
function number() {
  const phoneNumberId = `2${Date.now() % 1e9}${String(seq++).padStart(3, '0')}${Math.floor(Math.random() * 1000)}`;
  const token = `EAAG-${randomBytes(24).toString('base64url')}`;
  stack.whatsappSim.addNumber({ phoneNumberId, token, displayPhoneNumber: '91 98765 00001' });
  return { phoneNumberId, token };
}
const call = async (token: string, method: string, p: string, body?: unknown) => {
  const res = await stack.app.request(json(method, p, body, bearerHeader(token)));
  const text = await res.text();
  return { status: res.status, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
};
const put = (token: string, body: Record<string, unknown>) => call(token, 'PUT', '/api/me/whatsapp-config', { businessAccountId: '300000000000001', ...body });
const dump = async () => (await stack.db.$queryRawUnsafe<{ row: string }[]>('SELECT t::text AS row FROM public.whatsapp_configs t')).map((r) => r.row).join('\n');

describe('saving a config', () => {
  it('checks the pair with WhatsApp, seals the token, hashes the verify token, and answers only the last four characters', async () => {
    const u = await createUser(stack, 'SALES');
    const n = number();
    const created = await put(u.accessToken, { phoneNumberId: n.phoneNumberId, accessToken: n.token, webhookVerifyToken: 'my-verify-token-1', defaultTemplateName: 'mas_welcome' });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ userId: u.user.id, phoneNumberId: n.phoneNumberId, isActive: true, tokenLast4: n.token.slice(-4), hasWebhookVerifyToken: true, displayPhoneNumber: '91 98765 00001', defaultTemplateName: 'mas_welcome' });
    expect(created.text).not.toContain(n.token);
    expect(created.text).not.toContain('my-verify-token-1');

    const got = await call(u.accessToken, 'GET', '/api/me/whatsapp-config');
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: created.body!.id, tokenLast4: n.token.slice(-4) });
    expect(got.text).not.toContain(n.token);

    const row = await stack.db.whatsAppConfig.findUniqueOrThrow({ where: { userId: u.user.id } });
    expect(row.encryptionKeyId).toBe(KEK_A.id);
    expect(row.webhookVerifyTokenHash).toBe(createHash('sha256').update('my-verify-token-1').digest('hex'));
    const table = await dump();
    expect(table).toContain(row.accessTokenCiphertext);
    expect(table).not.toContain(n.token);
    expect(table).not.toContain(n.token.slice(5, 20));
    expect(table).not.toContain('my-verify-token-1');
    expect(logLines.join('\n')).not.toContain(n.token);

    // A second PUT replaces it (200).
    const m = number();
    const replaced = await put(u.accessToken, { phoneNumberId: m.phoneNumberId, accessToken: m.token });
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.body).toMatchObject({ id: created.body!.id, phoneNumberId: m.phoneNumberId, hasWebhookVerifyToken: false });
  });

  it('refuses a token WhatsApp does not accept: 422, nothing saved, the token nowhere', async () => {
    const u = await createUser(stack, 'SALES');
    const n = number();
    const bad = `EAAG-wrong-${randomBytes(16).toString('base64url')}`;
    const res = await put(u.accessToken, { phoneNumberId: n.phoneNumberId, accessToken: bad });
    expect(res.status, res.text).toBe(422);
    expect(res.text).not.toContain(bad);
    expect(logLines.join('\n')).not.toContain(bad);
    expect(await stack.db.whatsAppConfig.count({ where: { userId: u.user.id } })).toBe(0);
    // An unknown number id with a token of another number: refused too.
    const other = await put(u.accessToken, { phoneNumberId: '999999999999', accessToken: n.token });
    expect(other.status).toBe(422);
    expect(other.text).not.toContain(n.token);
  });

  it('refuses a number id another user configured (409), a USER caller (403), and a bad body (400)', async () => {
    const a = await createUser(stack, 'SALES');
    const b = await createUser(stack, 'ADMIN');
    const n = number();
    expect((await put(a.accessToken, { phoneNumberId: n.phoneNumberId, accessToken: n.token })).status).toBe(201);
    expect((await put(b.accessToken, { phoneNumberId: n.phoneNumberId, accessToken: n.token })).status).toBe(409);
    const user = await createUser(stack, 'USER');
    expect((await put(user.accessToken, { phoneNumberId: n.phoneNumberId, accessToken: n.token })).status).toBe(403);
    expect((await put(a.accessToken, { phoneNumberId: 'abc', accessToken: n.token })).status).toBe(400);
    expect((await put(a.accessToken, { phoneNumberId: n.phoneNumberId, accessToken: n.token, extra: 1 })).status).toBe(400);
  });
});

describe('using, deactivating and revoking', () => {
  it('senderFor sends from the user’s own number while the config is active, and from the platform number after DELETE', async () => {
    const u = await createUser(stack, 'SALES');
    const n = number();
    expect((await put(u.accessToken, { phoneNumberId: n.phoneNumberId, accessToken: n.token })).status).toBe(201);
    const own = await senderFor(stack.deps, u.user.id);
    expect(own).toMatchObject({ phoneNumberId: n.phoneNumberId, fromPhone: '+919876500001' });
    const to = `+9198${String(Date.now()).slice(-8)}`;
    const { messageId } = await own.whatsapp.sendTemplate({ to, template: 'mas_welcome' });
    expect(stack.whatsappSim.messages({ to }).find((m) => m.id === messageId)?.phoneNumberId).toBe(n.phoneNumberId);

    expect((await call(u.accessToken, 'DELETE', '/api/me/whatsapp-config')).status).toBe(204);
    expect((await call(u.accessToken, 'GET', '/api/me/whatsapp-config')).body).toMatchObject({ isActive: false });
    expect(await senderFor(stack.deps, u.user.id)).toMatchObject({ phoneNumberId: null, configId: null, whatsapp: stack.deps.whatsapp });
    const none = await createUser(stack, 'SALES');
    expect((await call(none.accessToken, 'DELETE', '/api/me/whatsapp-config')).status).toBe(404);
    expect((await call(none.accessToken, 'GET', '/api/me/whatsapp-config')).status).toBe(404);
  });

  it('a logged send on a user’s behalf goes out from their number and records it; without a config, from the platform number', async () => {
    const u = await createUser(stack, 'SALES');
    const n = number();
    await put(u.accessToken, { phoneNumberId: n.phoneNumberId, accessToken: n.token });
    const to = `+9197${String(Date.now()).slice(-8)}`;
    const sent = await sendLoggedWhatsApp({ ...stack.deps, now: () => new Date() }, { userId: u.user.id, fromPhone: '+910000000000', to, template: 'mas_welcome', params: ['Ravi'] });
    expect(sent.outcome).toBe('sent');
    expect(await stack.db.whatsAppMessage.findUniqueOrThrow({ where: { id: sent.messageId } })).toMatchObject({ userId: u.user.id, fromPhone: '+919876500001', status: 'sent', direction: 'outbound' });
    expect(stack.whatsappSim.messages({ to }).map((m) => m.phoneNumberId)).toEqual([n.phoneNumberId]);

    const plain = await createUser(stack, 'SALES');
    const to2 = `+9196${String(Date.now()).slice(-8)}`;
    const other = await sendLoggedWhatsApp({ ...stack.deps, now: () => new Date() }, { userId: plain.user.id, fromPhone: '+910000000000', to: to2, template: 'mas_welcome', params: ['Ravi'] });
    expect(await stack.db.whatsAppMessage.findUniqueOrThrow({ where: { id: other.messageId } })).toMatchObject({ fromPhone: '+910000000000' });
    expect(stack.whatsappSim.messages({ to: to2 }).map((m) => m.phoneNumberId)).not.toContain(n.phoneNumberId);
  });

  it('an admin lists configs without tokens and revokes one: the sealed token is wiped', async () => {
    const u = await createUser(stack, 'SALES');
    const admin = await createUser(stack, 'ADMIN');
    const n = number();
    const saved = await put(u.accessToken, { phoneNumberId: n.phoneNumberId, accessToken: n.token });
    const list = await call(admin.accessToken, 'GET', `/api/admin/whatsapp-configs?userId=${u.user.id}`);
    expect(list.status).toBe(200);
    expect(list.body!.items).toEqual([expect.objectContaining({ id: saved.body!.id, tokenLast4: null, isActive: true })]);
    expect(list.text).not.toContain(n.token);
    expect((await call(u.accessToken, 'GET', '/api/admin/whatsapp-configs')).status).toBe(403);

    const revoked = await call(admin.accessToken, 'POST', `/api/admin/whatsapp-configs/${saved.body!.id as string}/revoke`);
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body).toMatchObject({ isActive: false, tokenLast4: null });
    expect(await stack.db.whatsAppConfig.findUniqueOrThrow({ where: { userId: u.user.id } })).toMatchObject({ accessTokenCiphertext: '', isActive: false });
    expect(await senderFor(stack.deps, u.user.id)).toMatchObject({ configId: null });
    expect((await call(admin.accessToken, 'POST', `/api/admin/whatsapp-configs/${crypto.randomUUID()}/revoke`)).status).toBe(404);
  });

  it('the reseal pass moves tokens to the active KEK, idempotently, and they still open', async () => {
    const u = await createUser(stack, 'SALES');
    const n = number();
    await put(u.accessToken, { phoneNumberId: n.phoneNumberId, accessToken: n.token });
    const rotated = { ...stack.deps, config: { ...stack.deps.config, llmKeys: { keks: keksAB, activeKekId: KEK_B.id } } };
    expect(await resealWhatsAppConfigs(rotated, { userId: u.user.id })).toMatchObject({ activeKekId: KEK_B.id, scanned: 1, resealed: 1, failed: [] });
    expect(await resealWhatsAppConfigs(rotated, { userId: u.user.id })).toMatchObject({ scanned: 0, resealed: 0 });
    expect((await stack.db.whatsAppConfig.findUniqueOrThrow({ where: { userId: u.user.id } })).encryptionKeyId).toBe(KEK_B.id);
    const onlyB = { ...stack.deps, config: { ...stack.deps.config, llmKeys: { keks: `${KEK_B.id}:${KEK_B.key}` } } };
    expect(await senderFor(onlyB, u.user.id)).toMatchObject({ phoneNumberId: n.phoneNumberId });
  });
});
