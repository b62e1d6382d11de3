// Journey 7 through the api: vendor keys (issued once, stored hashed, disabled, revoked,
// rotated) and vendor leads (x-api-key auth, idempotent retries, per-key rate limit, one
// transaction into vendor_leads, usage summaries and raw_leads).
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestVendorLead } from '../../services/vendor/vendor-leads.js';
import { normalizeContact } from '../../services/crm/lead-input.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack.close());

type Issued = { apiKey: string; key: { id: string; keyPrefix: string; status: string; platform: string } };
type Accepted = { vendorLeadId: string; rawLeadId: string; duplicate: boolean };
type Problem = { status: number; code: string; errors?: { path: string }[] };

const mobile = () => `9${randomInt(100_000_000, 999_999_999)}`;
const call = (req: Request) => stack.app.request(req);
const adminPost = (path: string, body: unknown = {}) => call(json('POST', path, body, bearerHeader(admin.accessToken)));

async function issueKey(body: Record<string, unknown> = {}) {
  const res = await adminPost('/api/admin/vendor-keys', { name: 'Test key', vendorName: `Vendor ${randomUUID().slice(0, 6)}`, platform: 'my-analytics-school', ...body });
  expect(res.status).toBe(201);
  return (await res.json()) as Issued;
}

const sendLead = (apiKey: string | undefined, body: unknown, idempotencyKey?: string) =>
  call(json('POST', '/api/vendor/leads', body, { ...(apiKey ? { 'x-api-key': apiKey } : {}), ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) }));

describe('vendor API keys (admin)', () => {
  it('shows the full key once, stores only its hash and prefix, and never lists either secret', async () => {
    const { apiKey, key } = await issueKey({ rateLimitPerMinute: 30, defaultSessionYear: '2026-27' });
    expect(apiKey).toMatch(/^mas_vk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.startsWith(key.keyPrefix)).toBe(true);
    const row = await stack.db.vendorApiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.keyHash).toBe(createHash('sha256').update(apiKey).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(apiKey);
    expect(row).toMatchObject({ status: 'ACTIVE', scopes: ['leads:write'], rateLimitPerMinute: 30, createdById: admin.user.id });

    const list = await call(json('GET', '/api/admin/vendor-keys?limit=100', undefined, bearerHeader(admin.accessToken)));
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).toContain(key.id);
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(row.keyHash);
    expect(text).not.toMatch(/keyHash|apiKey/);
  });

  it('refuses an unknown platform, a default sales head who is not SALES, and a past expiry with 422', async () => {
    const user = await createUser(stack, 'USER');
    for (const [body, path] of [
      [{ platform: 'no-such-platform' }, 'json.platform'],
      [{ defaultSalesHeadId: user.user.id }, 'json.defaultSalesHeadId'],
      [{ expiresAt: '2020-01-01T00:00:00Z' }, 'json.expiresAt'],
    ] as const) {
      const res = await adminPost('/api/admin/vendor-keys', { name: 'Bad', vendorName: 'Bad', ...body });
      expect(res.status).toBe(422);
      expect(((await res.json()) as Problem).errors?.[0]?.path).toBe(path);
    }
    expect((await adminPost('/api/admin/vendor-keys', { name: 'Bad', vendorName: 'Bad', scopes: ['root'] })).status).toBe(400);
  });

  it('moves keys through their lifecycle: disable ⇄ enable, revoke is final (409), rotate replaces the key', async () => {
    const { apiKey, key } = await issueKey();
    const lead = () => ({ name: 'Lifecycle', phone: mobile() });
    expect((await sendLead(apiKey, lead())).status).toBe(202);

    const disabled = await adminPost(`/api/admin/vendor-keys/${key.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(await disabled.json()).toMatchObject({ id: key.id, status: 'DISABLED' });
    const refused = await sendLead(apiKey, lead());
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await adminPost(`/api/admin/vendor-keys/${key.id}/disable`)).status).toBe(409);
    expect((await adminPost(`/api/admin/vendor-keys/${key.id}/enable`)).status).toBe(200);
    expect((await sendLead(apiKey, lead())).status).toBe(202);

    const rotated = await adminPost(`/api/admin/vendor-keys/${key.id}/rotate`);
    expect(rotated.status).toBe(201);
    const next = (await rotated.json()) as Issued;
    expect(next.apiKey).not.toBe(apiKey);
    expect(next.key).toMatchObject({ status: 'ACTIVE', platform: key.platform });
    expect((await sendLead(apiKey, lead())).status).toBe(401);
    expect((await sendLead(next.apiKey, lead())).status).toBe(202);
    const old = await stack.db.vendorApiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(old).toMatchObject({ status: 'REVOKED', revokedReason: `rotated: replaced by ${next.key.keyPrefix}` });
    for (const action of ['enable', 'disable', 'revoke', 'rotate']) {
      const res = await adminPost(`/api/admin/vendor-keys/${key.id}/${action}`);
      expect(res.status, action).toBe(409);
    }

    const revoked = await adminPost(`/api/admin/vendor-keys/${next.key.id}/revoke`, { reason: 'contract ended' });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ status: 'REVOKED', revokedReason: 'contract ended' });
    const res = await sendLead(next.apiKey, lead());
    expect(res.status).toBe(401);
    expect(((await res.json()) as Problem).code).toBe('UNAUTHENTICATED');
    expect((await adminPost(`/api/admin/vendor-keys/${randomUUID()}/disable`)).status).toBe(404);
  });
});

describe('POST /api/vendor/leads', () => {
  it('accepts a lead with 202 and writes vendor_leads, the usage summary and the raw lead together', async () => {
    const head = await createUser(stack, 'SALES');
    const { apiKey, key } = await issueKey({ defaultSalesHeadId: head.user.id, defaultSessionYear: '2026-27' });
    const phone = mobile();
    const body = { name: 'Vendor Lead', phone, email: `VL-${randomUUID().slice(0, 6)}@Vendor.TEST`, city: 'Jaipur', externalLeadId: 'ext-1', extraData: { course: 'Data Science' } };
    const res = await sendLead(apiKey, body);
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as Accepted;
    expect(accepted.duplicate).toBe(false);

    const vendorLead = await stack.db.vendorLead.findUniqueOrThrow({ where: { id: accepted.vendorLeadId } });
    expect(vendorLead).toMatchObject({ vendorApiKeyId: key.id, status: 'PROMOTED', promotedRawLeadId: accepted.rawLeadId, phone: `+91${phone}`, externalLeadId: 'ext-1', rawPayload: body });
    expect(vendorLead.idempotencyKey).toMatch(/^sha256:[0-9a-f]{64}$/);
    const raw = await stack.db.rawLead.findUniqueOrThrow({ where: { id: accepted.rawLeadId } });
    expect(raw).toMatchObject({
      sourceType: 'vendor',
      vendorLeadId: vendorLead.id,
      platform: 'my-analytics-school',
      phone: `+91${phone}`,
      email: body.email.toLowerCase(),
      sessionYear: '2026-27',
      owningSalesHeadId: head.user.id,
      sourceDetail: (await stack.db.vendorApiKey.findUniqueOrThrow({ where: { id: key.id } })).vendorName,
    });
    expect(await stack.db.leadActivityLog.findMany({ where: { rawLeadId: raw.id } })).toMatchObject([{ activityType: 'created', performedBy: null }]);
    const summary = await stack.db.vendorApiKeyAccessSummary.findFirstOrThrow({ where: { vendorApiKeyId: key.id } });
    expect(summary).toMatchObject({ requestCount: 1, successCount: 1, leadsReceivedCount: 1, duplicateCount: 0 });
    expect(summary.day.toISOString().slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    expect((await stack.db.vendorApiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it('merges a second vendor lead for a known phone into the same raw lead and flags it duplicate', async () => {
    const { apiKey, key } = await issueKey();
    const phone = mobile();
    const first = (await (await sendLead(apiKey, { name: 'Dup', phone })).json()) as Accepted;
    const res = await sendLead(apiKey, { name: 'Dup again', phone: `+91 ${phone}`, city: 'Surat' });
    expect(res.status).toBe(202);
    const second = (await res.json()) as Accepted;
    expect(second).toMatchObject({ rawLeadId: first.rawLeadId, duplicate: true });
    expect(second.vendorLeadId).not.toBe(first.vendorLeadId);
    expect(await stack.db.vendorLead.findUniqueOrThrow({ where: { id: second.vendorLeadId } })).toMatchObject({ status: 'DUPLICATE', promotedRawLeadId: first.rawLeadId });
    // The raw lead keeps its origin (the first vendor lead) and gains the city it lacked.
    expect(await stack.db.rawLead.findUniqueOrThrow({ where: { id: first.rawLeadId } })).toMatchObject({ vendorLeadId: first.vendorLeadId, name: 'Dup', city: 'Surat' });
    expect(await stack.db.vendorApiKeyAccessSummary.findFirstOrThrow({ where: { vendorApiKeyId: key.id } })).toMatchObject({ leadsReceivedCount: 2, duplicateCount: 1 });
  });

  it('answers 10 sequential retries with one Idempotency-Key identically, storing one vendor lead and one raw lead', async () => {
    const { apiKey, key } = await issueKey();
    const body = { name: 'Retry', phone: mobile() };
    const idem = randomUUID();
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await sendLead(apiKey, body, idem);
      expect(res.status).toBe(202);
      if (i > 0) expect(res.headers.get('idempotent-replayed')).toBe('true');
      answers.push(await res.text());
    }
    expect(new Set(answers).size).toBe(1);
    expect(await stack.db.vendorLead.count({ where: { vendorApiKeyId: key.id } })).toBe(1);
    expect(await stack.db.rawLead.count({ where: { phone: `+91${body.phone}` } })).toBe(1);
    expect(await stack.db.vendorApiKeyAccessSummary.findFirstOrThrow({ where: { vendorApiKeyId: key.id } })).toMatchObject({ requestCount: 10, leadsReceivedCount: 1 });
  });

  it('answers 10 concurrent retries with one Idempotency-Key identically, over HTTP and at the same instant', async () => {
    const { apiKey, key } = await issueKey();
    const body = { name: 'Concurrent', phone: mobile(), email: `c-${randomUUID().slice(0, 6)}@vendor.test` };
    const idem = randomUUID();
    const responses = await Promise.all(Array.from({ length: 10 }, () => sendLead(apiKey, body, idem)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(202));
    expect(new Set(await Promise.all(responses.map((r) => r.text()))).size).toBe(1);

    // All ten transactions overlapping: the losers block on the unique index, then replay.
    const ctx = await stack.db.vendorApiKey.findUniqueOrThrow({ where: { id: key.id } });
    const body2 = { name: 'Overlap', phone: mobile() };
    const input = {
      key: { id: ctx.id, vendorName: ctx.vendorName, platform: ctx.platform, rateLimitPerMinute: ctx.rateLimitPerMinute, defaultSessionYear: null, defaultSalesHeadId: null },
      idempotencyKey: randomUUID(),
      payload: body2,
      contact: normalizeContact(body2),
      sessionYear: undefined,
      externalLeadId: undefined,
      ip: null,
      now: new Date(),
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => ingestVendorLead(stack.db, input)));
    expect(new Set(results.map((r) => JSON.stringify(r.answer))).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await stack.db.vendorLead.count({ where: { vendorApiKeyId: key.id } })).toBe(2);
    expect(await stack.db.rawLead.count({ where: { phone: { in: [`+91${body.phone}`, `+91${body2.phone}`] } } })).toBe(2);
  });

  it('deduplicates a resent body without an Idempotency-Key by its hash, whatever the key order', async () => {
    const { apiKey, key } = await issueKey();
    const phone = mobile();
    const a = await (await sendLead(apiKey, { name: 'Hash', phone, city: 'Goa' })).text();
    const b = await (await sendLead(apiKey, { city: 'Goa', phone, name: 'Hash' })).text();
    expect(b).toBe(a);
    expect(await stack.db.vendorLead.count({ where: { vendorApiKeyId: key.id } })).toBe(1);
  });

  it('refuses an Idempotency-Key reused with a different body with 409', async () => {
    const { apiKey } = await issueKey();
    const idem = randomUUID();
    expect((await sendLead(apiKey, { name: 'One', phone: mobile() }, idem)).status).toBe(202);
    const res = await sendLead(apiKey, { name: 'Two', phone: mobile() }, idem);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('answers 401 problem+json for a missing, malformed, unknown or expired key', async () => {
    const { apiKey, key } = await issueKey();
    const forged = `${key.keyPrefix}_${'A'.repeat(43)}`;
    const unknownPrefix = apiKey.replace(/^mas_vk_[0-9a-f]{8}/, 'mas_vk_00000000');
    for (const candidate of [undefined, 'not-a-key', forged, unknownPrefix]) {
      const res = await sendLead(candidate, { name: 'Nope', phone: mobile() });
      expect(res.status, String(candidate)).toBe(401);
      expect(((await res.json()) as Problem).code).toBe('UNAUTHENTICATED');
    }
    await stack.db.vendorApiKey.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await sendLead(apiKey, { name: 'Expired', phone: mobile() })).status).toBe(401);
    expect(await stack.db.vendorLead.count({ where: { vendorApiKeyId: key.id } })).toBe(0);
  });

  it('refuses a key without the leads:write scope with 403', async () => {
    const { apiKey } = await issueKey({ scopes: ['leads:read'] });
    expect((await sendLead(apiKey, { name: 'Scope', phone: mobile() })).status).toBe(403);
  });

  it('rate-limits per key: 429 with Retry-After past rateLimitPerMinute, counted in the summary', async () => {
    const { apiKey, key } = await issueKey({ rateLimitPerMinute: 2 });
    const other = await issueKey({ rateLimitPerMinute: 2 });
    expect((await sendLead(apiKey, { name: 'R1', phone: mobile() })).status).toBe(202);
    expect((await sendLead(apiKey, { name: 'R2', phone: mobile() })).status).toBe(202);
    const limited = await sendLead(apiKey, { name: 'R3', phone: mobile() });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await sendLead(other.apiKey, { name: 'R4', phone: mobile() })).status).toBe(202);
    expect(await stack.db.vendorApiKeyAccessSummary.findFirstOrThrow({ where: { vendorApiKeyId: key.id } })).toMatchObject({ rateLimitedCount: 1, leadsReceivedCount: 2 });
  });

  it('answers 400 with field paths for bad bodies and stores nothing', async () => {
    const { apiKey, key } = await issueKey();
    const cases: [unknown, string][] = [
      [{ name: 'No contact' }, 'json.phone'],
      [{ name: 'Bad phone', phone: '+91 12' }, 'json.phone'],
      [{ name: 'Bad email', email: 'nope' }, 'json.email'],
      [{ name: 'Bad year', phone: mobile(), graduationYear: 'twenty' }, 'json.graduationYear'],
      [{ phone: mobile() }, 'json.name'],
    ];
    for (const [body, path] of cases) {
      const res = await sendLead(apiKey, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toContain(path);
    }
    expect(await stack.db.vendorLead.count({ where: { vendorApiKeyId: key.id } })).toBe(0);
  });

  it('is documented in its own "Vendor API" section with the vendorApiKey security scheme', async () => {
    const spec = (await (await call(new Request('http://test/openapi.json'))).json()) as {
      paths: Record<string, Record<string, { tags: string[]; security: unknown[]; 'x-roles': string[] }>>;
      components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
    };
    expect(spec.paths['/api/vendor/leads']!.post).toMatchObject({ tags: ['Vendor API'], security: [{ vendorApiKey: [] }], 'x-roles': ['vendor-key'] });
    expect(spec.components.securitySchemes.vendorApiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-api-key' });
  });
});
