// The real `openai`-based LLM client against the LLM simulator over HTTP: schema-valid answers
// that are deterministic per input, usage figures, scripted content, invalid JSON passed
// through, refusals, the SDK's retries on 429 (retry-after-ms), and typed errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLlm, createLlmClient, LlmError, type LlmJsonRequest, type LlmProvider } from '../../providers/llm/index.js';
import { startLlmSimulator, strictSchemaProblem, type LlmSimulator } from '../../providers/llm/simulator.js';

const API_KEY = 'sim-llm-api-key-0123456789';

const profileSchema = z.strictObject({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  skills: z.array(z.string()).max(10),
  yearsOfExperience: z.number().int().min(0).max(50),
  seniority: z.enum(['junior', 'mid', 'senior']),
  remote: z.boolean(),
  education: z.array(z.strictObject({ degree: z.string().min(2).max(40), year: z.number().int().min(1950).max(2030) })).min(1).max(3),
  summary: z.string().min(10).max(200),
});
const PROFILE_JSON_SCHEMA = z.toJSONSchema(profileSchema) as Record<string, unknown>;

const RESUME = ['Asha Verma', 'asha.verma@example.com | +91 98765 43210', 'Data analyst: SQL, Python, Tableau and some statistics.', 'Worked with Power BI at Acme.'].join('\n');

const request = (over: Partial<LlmJsonRequest> = {}): LlmJsonRequest => ({
  system: 'Extract the candidate profile from the resume.',
  user: RESUME,
  schemaName: 'resume_profile',
  schema: PROFILE_JSON_SCHEMA,
  ...over,
});

let sim: LlmSimulator;
let llm: LlmProvider;

beforeAll(async () => {
  sim = await startLlmSimulator({ apiKey: API_KEY });
  llm = createLlm({ mode: 'sim', baseUrl: sim.baseUrl, apiKey: API_KEY, model: 'gpt-4o-mini', timeoutMs: 5_000 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.reset();
});

async function caught(p: Promise<unknown>): Promise<LlmError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LlmError);
  return err as LlmError;
}

describe('default answers', () => {
  it('are valid against the requested schema and read the resume: name, email, phone, skills', async () => {
    const result = await llm.completeJson(request());
    const profile = profileSchema.parse(JSON.parse(result.content!));
    expect(profile).toMatchObject({ name: 'Asha Verma', email: 'asha.verma@example.com', phone: '+919876543210' });
    expect(profile.skills).toEqual(['SQL', 'Python', 'Tableau', 'Power BI', 'Statistics']);
    expect(result.refusal).toBeNull();
    expect(result.model).toBe('gpt-4o-mini');
    expect(result.requestId).toMatch(/^chatcmpl-/);
    expect(result.finishReason).toBe('stop');
  });

  it('read the resume after a job brief, also when the PDF text runs every line together', async () => {
    const user = 'Job: Data Analyst\nSkills wanted: Excel, Java\nCompany name: Acme Corp\n\nResume text:\nRiya Sharma riya@example.com Skills: SQL, Python, Tableau Experience: 3 years';
    const profile = profileSchema.parse(JSON.parse((await llm.completeJson(request({ user }))).content!));
    expect(profile).toMatchObject({ name: 'Riya Sharma', email: 'riya@example.com', phone: null });
    expect(profile.skills).toEqual(['SQL', 'Python', 'Tableau']);
    const labelled = profileSchema.parse(JSON.parse((await llm.completeJson(request({ user: 'Resume:\nCurriculum Vitae\nName: Kiran Rao\nkiran@example.com' }))).content!));
    expect(labelled).toMatchObject({ name: 'Kiran Rao', phone: null });
  });

  it('cover the strict-schema subset: nullable unions, enums, literals, bounds, nested arrays and $defs references', async () => {
    const scoring = z.strictObject({
      score: z.number().int().min(0).max(100),
      confidence: z.number().gt(0).lt(1),
      verdict: z.enum(['shortlist', 'talent_pool']),
      version: z.literal('v1'),
      note: z.string().min(5).max(12).nullable(),
      anything: z.union([z.number(), z.null()]),
      reasons: z.array(z.strictObject({ criterion: z.string(), met: z.boolean(), weights: z.array(z.number().int().min(1).max(3)).min(2).max(2) })).min(1).max(4),
    });
    const schema = z.toJSONSchema(scoring) as Record<string, unknown>;
    for (const user of ['candidate one', 'candidate two', 'candidate three']) {
      const result = await llm.completeJson(request({ schemaName: 'screening_score', schema, user }));
      expect(scoring.safeParse(JSON.parse(result.content!)).error).toBeUndefined();
    }
    // A hand-written schema with a definition referenced twice.
    const withRefs = {
      type: 'object',
      properties: { primary: { $ref: '#/$defs/skill' }, others: { type: 'array', items: { $ref: '#/$defs/skill' }, maxItems: 2 } },
      required: ['primary', 'others'],
      additionalProperties: false,
      $defs: { skill: { type: 'object', properties: { name: { type: 'string', maxLength: 20 }, level: { type: 'integer', minimum: 1, maximum: 5 } }, required: ['name', 'level'], additionalProperties: false } },
    };
    const skill = z.strictObject({ name: z.string().max(20), level: z.number().int().min(1).max(5) });
    const result = await llm.completeJson(request({ schemaName: 'skill_levels', schema: withRefs }));
    expect(z.strictObject({ primary: skill, others: z.array(skill).max(2) }).safeParse(JSON.parse(result.content!)).error).toBeUndefined();
  });

  it('are the same for the same input and differ for another', async () => {
    const a = await llm.completeJson(request());
    const b = await llm.completeJson(request());
    const c = await llm.completeJson(request({ user: `${RESUME}\nAlso Java.` }));
    expect(b.content).toBe(a.content);
    expect(b.requestId).not.toBe(a.requestId);
    expect(c.content).not.toBe(a.content);
    const [first, , third] = sim.requests();
    expect(sim.requests()[1]!.inputHash).toBe(first!.inputHash);
    expect(third!.inputHash).not.toBe(first!.inputHash);
    expect(first).toMatchObject({ schemaName: 'resume_profile', model: 'gpt-4o-mini', status: 200, answer: 'default' });
  });

  it('carry deterministic usage: prompt ≈ chars/4 of the messages and schema, completion ≈ chars/4 of the content', async () => {
    const req = request();
    const result = await llm.completeJson(req);
    const promptChars = req.system.length + req.user.length + JSON.stringify(req.schema).length;
    expect(result.usage.promptTokens).toBe(Math.ceil(promptChars / 4));
    expect(result.usage.completionTokens).toBe(Math.ceil(result.content!.length / 4));
    expect(result.usage.totalTokens).toBe(result.usage.promptTokens + result.usage.completionTokens);
  });

  it('honour a model asked per request, and echo it', async () => {
    const result = await llm.completeJson(request({ model: 'gpt-4.1-mini' }));
    expect(result.model).toBe('gpt-4.1-mini');
    expect(llm.defaultModel).toBe('gpt-4o-mini');
  });

  it('send rate-limit headers on each answer', async () => {
    const res = await fetch(`${sim.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('x-ratelimit-remaining-requests'))).toBeGreaterThan(0);
    expect(res.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+ms$/);
  });
});

describe('scripted answers', () => {
  it('answer scripted content for the matching schema name and message, the given number of times', async () => {
    sim.script({ schemaName: 'resume_profile', match: 'Asha', content: { scripted: true }, times: 2 });
    const other = await llm.completeJson(request({ user: 'Ravi Kumar\nravi@example.com' }));
    expect(JSON.parse(other.content!)).not.toEqual({ scripted: true });
    expect((await llm.completeJson(request())).content).toBe('{"scripted":true}');
    expect((await llm.completeJson(request())).content).toBe('{"scripted":true}');
    expect(JSON.parse((await llm.completeJson(request())).content!)).toHaveProperty('skills');
  });

  it('pass invalid JSON through as raw content (the caller checks it)', async () => {
    sim.script({ raw: '{"name": "Asha", ' });
    const result = await llm.completeJson(request());
    expect(result.content).toBe('{"name": "Asha", ');
    expect(() => JSON.parse(result.content!)).toThrow();
  });

  it('return a refusal with null content', async () => {
    sim.script({ refusal: 'I cannot help with that.' });
    const result = await llm.completeJson(request());
    expect(result).toMatchObject({ content: null, refusal: 'I cannot help with that.' });
    expect(result.usage.completionTokens).toBe(Math.ceil('I cannot help with that.'.length / 4));
  });

  it('take scripts over HTTP, list the request log, and reset', async () => {
    const queued = await fetch(`${sim.origin}/_sim/scripts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scripts: [{ content: { n: 1 } }, { raw: 'x' }] }) });
    expect(queued.status).toBe(201);
    expect((await llm.completeJson(request())).content).toBe('{"n":1}');
    const log = (await (await fetch(`${sim.origin}/_sim/requests`)).json()) as { requests: { answer: string; inputHash: string }[] };
    expect(log.requests).toHaveLength(1);
    expect(log.requests[0]).toMatchObject({ answer: 'content', inputHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await fetch(`${sim.origin}/_sim/`, { method: 'DELETE' })).status).toBe(204);
    expect(sim.requests()).toEqual([]);
    expect(sim.pendingScripts()).toEqual([]);
    const bad = await fetch(`${sim.origin}/_sim/scripts`, { method: 'POST', body: JSON.stringify({ raw: 'x', refusal: 'y' }) });
    expect(bad.status).toBe(400);
  });
});

describe('errors and retries', () => {
  it('a 429 with retry-after-ms: 0 is retried by the client, then answered', async () => {
    sim.script({ status: 429, retryAfterMs: 0 });
    const result = await llm.completeJson(request());
    expect(profileSchema.safeParse(JSON.parse(result.content!)).success).toBe(true);
    expect(sim.requests().map((r) => r.status)).toEqual([429, 200]);
  });

  it('a persistent 429 is a retryable rate_limited LlmError after the SDK gave up (1 + 2 retries)', async () => {
    sim.script({ status: 429, retryAfterMs: 0, times: 3 });
    const err = await caught(llm.completeJson(request()));
    expect(err).toMatchObject({ kind: 'rate_limited', status: 429, retryable: true, code: 'rate_limit_exceeded', retryAfterSeconds: 0, provider: 'llm' });
    expect(sim.requests()).toHaveLength(3);
  });

  it('a 503 answered every time is a retryable server error', async () => {
    sim.script({ status: 503, retryAfterMs: 0, times: 3 });
    const err = await caught(llm.completeJson(request()));
    expect(err).toMatchObject({ kind: 'server', status: 503, retryable: true });
  });

  it('a 400 (a schema that is not strict) is a non-retryable client error, sent once', async () => {
    const err = await caught(llm.completeJson(request({ schema: { type: 'object', properties: { a: { type: 'string' } } } })));
    expect(err).toMatchObject({ kind: 'client', status: 400, retryable: false });
    expect(err.message).toMatch(/additionalProperties/);
    expect(sim.requests().map((r) => r.status)).toEqual([400]);
  });

  it('a wrong key is a non-retryable 401', async () => {
    const bad = createLlmClient({ baseUrl: sim.baseUrl, apiKey: 'not-the-key' });
    const err = await caught(bad.completeJson(request()));
    expect(err).toMatchObject({ kind: 'client', status: 401, code: 'invalid_api_key', retryable: false });
  });

  it('a reply slower than the timeout is a timeout, after the SDK tried again', async () => {
    sim.script({ delayMs: 1_500, times: 2 });
    const fast = createLlmClient({ baseUrl: sim.baseUrl, apiKey: API_KEY, timeoutMs: 200, maxRetries: 1 });
    const err = await caught(fast.completeJson(request()));
    expect(err).toMatchObject({ kind: 'timeout', status: null, retryable: true, code: 'TIMEOUT' });
    expect(sim.requests()).toHaveLength(2);
  });

  it('no server at all is a retryable transport error', async () => {
    const dead = createLlmClient({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: API_KEY, maxRetries: 0, timeoutMs: 2_000 });
    expect(await caught(dead.completeJson(request()))).toMatchObject({ kind: 'transport', retryable: true });
  });

  it('a schema name the API would refuse fails locally', async () => {
    expect(await caught(llm.completeJson(request({ schemaName: 'has spaces' })))).toMatchObject({ kind: 'invalid_request', retryable: false });
  });
});

describe('createLlm', () => {
  it('refuses sim mode without a simulator or pointed at OpenAI, and live mode without https', () => {
    expect(() => createLlm({ mode: 'sim', apiKey: API_KEY })).toThrow(/baseUrl/);
    expect(() => createLlm({ mode: 'sim', baseUrl: 'https://api.openai.com/v1', apiKey: API_KEY })).toThrow(/live OpenAI/);
    expect(() => createLlm({ mode: 'live', baseUrl: sim.baseUrl, apiKey: API_KEY })).toThrow(/https/);
    expect(createLlm({ mode: 'live', apiKey: 'sk-x' }).defaultModel).toBe('gpt-4o-mini');
  });

  it('the strict-schema rule names what is missing', () => {
    expect(strictSchemaProblem(PROFILE_JSON_SCHEMA)).toBeNull();
    expect(strictSchemaProblem({ type: 'object', properties: { a: {} }, required: [], additionalProperties: false })).toMatch(/Missing 'a'/);
  });
});
