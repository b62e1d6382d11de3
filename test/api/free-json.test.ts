// Every free-form JSON field of every request body is bounded in depth and size: found from the
// OpenAPI document (a new unbounded free field fails the first test), then each one is sent
// 3,000 levels deep and over its size, and must answer 400 naming the field, never 500.
// Every JSON body route also gets a 3,000-deep array as the whole body.
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_BOUNDS_EXTENSION, type JsonBounds } from '../../domain/json-bounds.js';
import { SYSTEM_CONFIG } from '../../domain/system-config/keys.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

type Schema = Record<string, unknown>;
interface Spec {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}
interface FreeField {
  route: string;
  /** Dotted path in the body ('extraData'); '*' marks a record's values. */
  field: string;
  bounds: JsonBounds | undefined;
}

const ANNOTATIONS = new Set(['description', 'example', 'examples', 'default', 'title', 'deprecated', 'readOnly', 'writeOnly', JSON_BOUNDS_EXTENSION]);
const isFree = (s: Schema) => Object.keys(s).every((k) => ANNOTATIONS.has(k));

/** Free spots under `schema`, each with the bounds of the nearest bounded schema above it. */
function freeFields(spec: Spec, route: string, schema: Schema): FreeField[] {
  const found: FreeField[] = [];
  const walk = (s: Schema, path: string[], bounds: JsonBounds | undefined, seen: Set<string>) => {
    if (typeof s.$ref === 'string') {
      const name = s.$ref.split('/').pop()!;
      if (!seen.has(name)) walk(spec.components!.schemas![name]!, path, bounds, new Set([...seen, name]));
      return;
    }
    const here = (s[JSON_BOUNDS_EXTENSION] as JsonBounds | undefined) ?? bounds;
    const boundedAt = s[JSON_BOUNDS_EXTENSION] ? path : undefined;
    if (isFree(s) || s.additionalProperties === true) {
      found.push({ route, field: (boundedAt ?? path).join('.'), bounds: here });
      return;
    }
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const x of (s[key] as Schema[] | undefined) ?? []) walk(x, path, here, seen);
    for (const [k, v] of Object.entries((s.properties as Record<string, Schema> | undefined) ?? {})) walk(v, [...path, k], here, seen);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      const before = found.length;
      walk(s.additionalProperties as Schema, [...path, '*'], here, seen);
      // A bounded record is reported as the record itself.
      if (boundedAt) for (const f of found.slice(before)) f.field = boundedAt.join('.');
    }
    if (s.items && typeof s.items === 'object') walk(s.items as Schema, [...path, '[]'], here, seen);
  };
  walk(schema, [], undefined, new Set());
  return found;
}

let stack: TestStack;
let superadmin: Awaited<ReturnType<typeof createUser>>;
let apiKey: string;
let spec: Spec;
/** Program applications: a student, batches to apply to (one per accepted apply) and a draft to edit. */
let student: Awaited<ReturnType<typeof createUser>>;
let openBatchIds: string[] = [];
let applies = 0;
let draftId: string;
/** An agent the PATCH case edits, and its current version (each accepted PATCH bumps it). */
let agentId: string;
let agentVersion = 1;
/** A DRAFT AI classroom whose content the PATCH case edits. */
let classroomId: string;
beforeAll(async () => {
  // The largest bound (a system config value, 512 KiB) must fit under the body limit.
  stack = await startTestStack({ worker: false, config: { bodyLimitBytes: 1024 * 1024 } });
  superadmin = await createUser(stack, 'SUPERADMIN');
  spec = (await (await stack.app.request('/openapi.json')).json()) as Spec;
  const issued = await stack.app.request(json('POST', '/api/admin/vendor-keys', { name: 'Bounds', vendorName: `Vendor ${randomUUID().slice(0, 6)}`, platform: 'my-analytics-school' }, bearerHeader(superadmin.accessToken)));
  expect(issued.status).toBe(201);
  apiKey = ((await issued.json()) as { apiKey: string }).apiKey;
  student = await createUser(stack, 'USER');
  openBatchIds = (await Promise.all(Array.from({ length: 8 }, () => stack.db.batch.create({ data: { code: `FJ-${randomUUID().slice(0, 8)}`, name: 'Bounds batch' } })))).map((b) => b.id);
  draftId = (await stack.db.application.create({ data: { userId: student.user.id, batchId: openBatchIds[0]!, name: 'Bounds', email: student.email } })).id;
  applies = 1;
  const agent = await stack.app.request(json('POST', '/api/admin/agents', { key: `bounds-${randomUUID().slice(0, 8)}`, name: 'Bounds', model: 'gpt-4o-mini', systemPrompt: 'Be brief.' }, bearerHeader(superadmin.accessToken)));
  expect(agent.status).toBe(201);
  agentId = ((await agent.json()) as { id: string }).id;
  classroomId = (await stack.db.aiClassroom.create({ data: { title: 'Bounds classroom' } })).id;
});
afterAll(() => stack?.close());

const mobile = () => `9${randomInt(100_000_000, 999_999_999)}`;
const deepArray = (levels: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};

/** An agent body with `value` at `field`: top level ("settings") or inside the first tool ("tools.[].function.parameters"). */
const agentBody = (field: string, value: unknown) =>
  field.startsWith('tools.') ? { tools: [{ type: 'function', function: { name: 'lookup', parameters: value } }] } : { [field]: value };
/** Where the api reports a field: the first array item is index 0. */
const reported = (field: string) => field.replace('[]', '0');

/** A valid request for each route with a free field, the field's value swapped in. */
const CASES: Record<string, (field: string, value: unknown) => Request> = {
  'POST /api/crm/leads': (field, value) => json('POST', '/api/crm/leads', { name: 'Bounded Lead', phone: mobile(), sourceType: 'website', [field]: value }, bearerHeader(superadmin.accessToken)),
  'POST /api/crm/campaign-leads': (field, value) => json('POST', '/api/crm/campaign-leads', { name: 'Bounded Lead', phone: mobile(), channel: 'facebook', [field]: value }, bearerHeader(superadmin.accessToken)),
  'POST /api/vendor/leads': (field, value) => json('POST', '/api/vendor/leads', { name: 'Bounded Lead', phone: mobile(), [field]: value }, { 'x-api-key': apiKey }),
  'PUT /api/system-config/{key}': (field, value) => json('PUT', '/api/system-config/booking.cancellationPolicy', { [field]: value }, bearerHeader(superadmin.accessToken)),
  // Each apply goes to the next batch, so an accepted one never meets the open-application rule.
  'POST /api/applications': (field, value) => json('POST', '/api/applications', { batchId: openBatchIds[applies++ % openBatchIds.length], [field]: value }, bearerHeader(student.accessToken)),
  'PATCH /api/applications/{id}': (field, value) => json('PATCH', `/api/applications/${draftId}`, { [field]: value }, bearerHeader(student.accessToken)),
  'POST /api/admin/agents': (field, value) =>
    json('POST', '/api/admin/agents', { key: `bounds-${randomUUID().slice(0, 8)}`, name: 'Bounds', model: 'gpt-4o-mini', systemPrompt: 'Be brief.', ...agentBody(field, value) }, bearerHeader(superadmin.accessToken)),
  // Only the accepted (FINE) value moves the agent to its next version; refused ones change nothing.
  'PATCH /api/admin/agents/{id}': (field, value) =>
    json('PATCH', `/api/admin/agents/${agentId}`, { version: value === FINE['PATCH /api/admin/agents/{id}'] ? agentVersion++ : agentVersion, ...agentBody(field, value) }, bearerHeader(superadmin.accessToken)),
  // The accepted one streams an answer from the LLM simulator (read in full by the check).
  'POST /api/ask': (field, value) => json('POST', '/api/ask', { agentId, question: 'Bounded?', [field]: value }, bearerHeader(superadmin.accessToken)),
  'PATCH /api/admin/ai-classrooms/{id}': (field, value) => json('PATCH', `/api/admin/ai-classrooms/${classroomId}`, { [field]: value }, bearerHeader(superadmin.accessToken)),
};
/** A value the field accepts, nested a little: proves the bound is not a blanket refusal. */
const FINE: Record<string, unknown> = {
  'POST /api/crm/leads': { form: 'webinar', answers: [{ q: 'year', a: [2026] }] },
  'POST /api/crm/campaign-leads': { form: 'webinar', answers: [{ q: 'year', a: [2026] }] },
  'POST /api/vendor/leads': { form: 'webinar', answers: [{ q: 'year', a: [2026] }] },
  // The default value: the suite shares one database, and the booking tests rely on the policy.
  'PUT /api/system-config/{key}': SYSTEM_CONFIG['booking.cancellationPolicy'].default,
  // Within both the form's and the (flatter) attribution's bounds.
  'POST /api/applications': { utm_source: 'webinar', tags: ['analytics'] },
  'PATCH /api/applications/{id}': { utm_source: 'webinar', tags: ['analytics'] },
  // A JSON schema: fits a tool's parameters and the settings record alike.
  'POST /api/admin/agents': { type: 'object', properties: { q: { type: 'string' } } },
  'PATCH /api/admin/agents/{id}': { type: 'object', properties: { q: { type: 'string' } } },
  'POST /api/ask': { page: 'course', ids: [1, 2] },
  'PATCH /api/admin/ai-classrooms/{id}': { sections: [{ title: 'Intro', slides: [{ text: 'Hello' }] }] },
};
/** Record fields need a record around the hostile value. */
const wrap = (f: FreeField, v: unknown) => (f.field === 'value' ? v : { k: v });

function requestBodies() {
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).flatMap(([method, op]) => {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      return schema ? [{ route: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, schema }] : [];
    }),
  );
}

describe('free JSON fields in request bodies', () => {
  it('all carry depth and size bounds, and each has a case here', () => {
    const fields = requestBodies().flatMap((b) => freeFields(spec, b.route, b.schema));
    expect(fields.length).toBeGreaterThanOrEqual(3);
    expect(fields.filter((f) => !f.bounds).map((f) => `${f.route} ${f.field}`)).toEqual([]);
    expect(fields.map((f) => f.route).filter((r) => !CASES[r])).toEqual([]);
  });

  it('answer 400 naming the field when 3,000 levels deep, when over the size bound; accept a modest value', async () => {
    const fields = requestBodies().flatMap((b) => freeFields(spec, b.route, b.schema));
    for (const f of fields) {
      const make = CASES[f.route]!;
      const deep = await stack.app.request(make(f.field, wrap(f, deepArray(3_000))));
      expect(deep.status, `${f.route} ${f.field} deep`).toBe(400);
      expect(deep.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const deepProblem = (await deep.json()) as { errors?: { path: string; message: string }[] };
      expect(deepProblem.errors, f.route).toContainEqual({ path: `json.${reported(f.field)}`, message: `Nested deeper than ${f.bounds?.maxDepth} levels` });

      const big = await stack.app.request(make(f.field, wrap(f, 'x'.repeat(f.bounds?.maxBytes ?? 32 * 1024))));
      expect(big.status, `${f.route} ${f.field} big`).toBe(400);
      expect(((await big.json()) as { errors?: { path: string }[] }).errors).toContainEqual({ path: `json.${reported(f.field)}`, message: `Larger than ${f.bounds?.maxBytes} bytes as JSON` });

      const fine = await stack.app.request(make(f.field, FINE[f.route]));
      expect(fine.status, `${f.route} ${f.field} fine: ${await fine.clone().text()}`).toBeLessThan(300);
    }
  });
});

describe('a 3,000-deep array as the whole body', () => {
  it('is refused without a 500 on every JSON body route', async () => {
    const body = JSON.stringify(deepArray(3_000));
    const answers: string[] = [];
    for (const b of requestBodies()) {
      const path = b.path.replace(/\{[^}]+\}/g, randomUUID());
      const res = await stack.app.request(
        new Request(`http://test${path}`, { method: b.method, headers: { 'content-type': 'application/json', 'x-api-key': apiKey, ...bearerHeader(superadmin.accessToken) }, body }),
      );
      answers.push(`${b.route} ${res.status}`);
      expect(res.status, b.route).toBeLessThan(500);
    }
    expect(answers.length).toBeGreaterThan(20);
  });
});
