// The AI platform's pure rules: the KEK keyring (seal, open, rotation, associated data), the
// LLM key settings in the environment, where a key may be sent, and agent tool validation and
// the field-by-field diff of two versions.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as enums from '../../prisma/generated/enums.js';
import { AgentSnapshot, AgentTools, diffSnapshots } from '../../domain/ai/agent-config.js';
import { baseUrlProblem, keyLast4, llmKeyContext, LLM_KEY_PROVIDERS } from '../../domain/ai/llm-keys.js';
import { loadConfig } from '../../infra/env.js';
import { createKekKeyring, DEV_LLM_KEYS_KEK_ID, parseKeks } from '../../infra/kek-keyring.js';
import { createCredentialsCipher } from '../../infra/credentials-cipher.js';

const hex = () => randomBytes(32).toString('hex');
const USER = '6b3d8f0e-0000-4000-8000-000000000001';

describe('KEK keyring', () => {
  it('seals under the active KEK and opens only with the same KEK and row context', () => {
    const [a, b] = [hex(), hex()];
    const old = createKekKeyring({ keks: `a:${a}` });
    const sealed = old.seal('sk-secret-value-1234', llmKeyContext(USER, 'OPENAI'));
    expect(sealed.keyId).toBe('a');
    expect(JSON.stringify(sealed)).not.toContain('sk-secret');
    expect(old.open(sealed, 'a', llmKeyContext(USER, 'OPENAI'))).toBe('sk-secret-value-1234');
    // Moved to another provider's row or another user's: it does not open.
    expect(() => old.open(sealed, 'a', llmKeyContext(USER, 'GROQ'))).toThrow();
    expect(() => old.open(sealed, 'a', llmKeyContext('6b3d8f0e-0000-4000-8000-000000000002', 'OPENAI'))).toThrow();
    // A rotated keyring still opens the old row and seals new ones under the new KEK.
    const rotated = createKekKeyring({ keks: `a:${a},b:${b}`, activeKekId: 'b' });
    expect(rotated.open(sealed, 'a', llmKeyContext(USER, 'OPENAI'))).toBe('sk-secret-value-1234');
    const resealed = rotated.seal('sk-secret-value-1234', llmKeyContext(USER, 'OPENAI'));
    expect(resealed.keyId).toBe('b');
    // Once A is retired, only the re-sealed row opens.
    const retired = createKekKeyring({ keks: `b:${b}` });
    expect(() => retired.open(sealed, 'a', llmKeyContext(USER, 'OPENAI'))).toThrow(/not configured/);
    expect(retired.open(resealed, 'b', llmKeyContext(USER, 'OPENAI'))).toBe('sk-secret-value-1234');
    // Same id, other key bytes: GCM refuses.
    expect(() => createKekKeyring({ keks: `b:${hex()}` }).open(resealed, 'b', llmKeyContext(USER, 'OPENAI'))).toThrow();
  });

  it('defaults to the last KEK listed, or the development KEK when none is configured', () => {
    expect(createKekKeyring({ keks: `x:${hex()},y:${hex()}` }).activeId).toBe('y');
    expect(createKekKeyring({ keks: `x:${hex()},y:${hex()}`, activeKekId: '' }).activeId).toBe('y');
    expect(createKekKeyring().activeId).toBe(DEV_LLM_KEYS_KEK_ID);
  });

  it('refuses a malformed list, naming the setting and the id but never a key', () => {
    const secret = 'ab'.repeat(20);
    const errors = [
      () => parseKeks(`a:${secret}`),
      () => parseKeks(`a:${hex()},a:${hex()}`),
      () => parseKeks(`:${hex()}`),
      () => parseKeks(`a:${hex()}`, 'b'),
      () => parseKeks(' , '),
    ].map((f) => {
      try {
        f();
        return 'no error';
      } catch (err) {
        return (err as Error).message;
      }
    });
    expect(errors[0]).toMatch(/LLM_KEYS_KEKS entry "a" must be 32 bytes/);
    expect(errors[1]).toMatch(/twice/);
    expect(errors[2]).toMatch(/id:key/);
    expect(errors[3]).toMatch(/LLM_KEYS_ACTIVE_KEK "b"/);
    expect(errors[4]).toMatch(/no KEK/);
    for (const e of errors) expect(e).not.toContain(secret);
  });

  it('still reads HR credentials sealed in the v1 single-string format', () => {
    const cipher = createCredentialsCipher(undefined);
    const sealed = cipher.encrypt('hr-password', 'row-1');
    expect(sealed).toMatch(/^v1:/);
    expect(cipher.decrypt(sealed, 'row-1')).toBe('hr-password');
    expect(() => cipher.decrypt(sealed, 'row-2')).toThrow();
  });
});

describe('LLM key settings', () => {
  const base = { DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/x' };
  it('production refuses a missing KEK list; a bad list or active id fails at start', () => {
    expect(loadConfig(base).LLM_KEYS_KEKS).toBeUndefined();
    const prod = {
      ...base,
      NODE_ENV: 'production',
      MEETING_EVENTS_SECRET: 'prod-meeting-secret-0123',
      HR_CREDENTIALS_KEY: hex(),
      JWT_PRIVATE_KEY: 'k',
      JWT_PUBLIC_KEY: 'k',
      LEEGALITY_MODE: 'live',
      LEEGALITY_AUTH_TOKEN: 'real-token-0123',
      LEEGALITY_PRIVATE_SALT: 'real-salt-0123',
      LEEGALITY_PROFILE_ID: 'prof-1',
      EMAIL_MODE: 'smtp',
      SMTP_URL: 'smtp://u:p@mail.example:587',
      S3_MODE: 'live',
      S3_SECRET_ACCESS_KEY: 'real-secret',
      LLM_MODE: 'live',
      LLM_API_KEY: 'sk-real-platform-key',
      RAZORPAY_MODE: 'live',
      SYNC_CREDENTIALS_KEKS: `s1:${hex()}`,
    };
    expect(() => loadConfig(prod)).toThrow(/LLM_KEYS_KEKS .* must be set in production/);
    expect(loadConfig({ ...prod, LLM_KEYS_KEKS: `k1:${hex()}` }).LLM_KEYS_KEKS).toMatch(/^k1:/);
    expect(() => loadConfig({ ...base, LLM_KEYS_KEKS: 'k1:short' })).toThrow(/LLM_KEYS_KEKS entry "k1"/);
    expect(() => loadConfig({ ...base, LLM_KEYS_KEKS: `k1:${hex()}`, LLM_KEYS_ACTIVE_KEK: 'k2' })).toThrow(/LLM_KEYS_ACTIVE_KEK "k2"/);
    expect(() => loadConfig({ ...base, LLM_KEYS_ACTIVE_KEK: 'k2' })).toThrow(/LLM_KEYS_KEKS is not/);
  });

  it('the providers mirror the Prisma enum', () => {
    expect([...LLM_KEY_PROVIDERS].sort()).toEqual(Object.values(enums.AiLlmProvider).sort());
  });

  it('a key goes only to https public hosts in production; http is for the development simulator', () => {
    expect(baseUrlProblem('https://api.openai.com/v1', false)).toBeNull();
    expect(baseUrlProblem('http://api.openai.com/v1', false)).toBe('must be https');
    expect(baseUrlProblem('http://127.0.0.1:4060/v1', true)).toBeNull();
    for (const host of ['localhost', '127.0.0.1', '10.0.0.5', '192.168.1.2', '172.16.0.1', '169.254.169.254', 'metadata.internal', '[::1]']) {
      expect(baseUrlProblem(`https://${host}/v1`, false), host).toBe('must be a public host');
    }
    expect(baseUrlProblem('https://user:pw@api.openai.com/v1', false)).toBe('must not carry credentials');
    expect(baseUrlProblem('https://api.openai.com/v1?x=1', false)).toBe('must not have a query or fragment');
    expect(baseUrlProblem('ftp://api.openai.com', true)).toBe('must be http or https');
    expect(keyLast4('sk-abcdefgh1234')).toBe('1234');
  });
});

describe('agent tools and versions', () => {
  const tool = (name: string, parameters: unknown = { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] }) => ({ type: 'function', function: { name, description: 'Look up', parameters } });
  const paths = (v: unknown) => {
    const r = AgentTools.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts OpenAI function tools and refuses duplicates, non-object parameters, unknown keys and too many', () => {
    expect(paths([tool('search_courses'), tool('get_batch')])).toEqual([]);
    expect(paths([tool('a'), tool('a')])).toEqual(['1.function.name: Tool name "a" is used twice']);
    expect(paths([tool('a', { type: 'string' })])).toEqual(['0.function.parameters: must be a JSON schema with type "object"']);
    expect(paths([{ ...tool('a'), extra: 1 }])[0]).toMatch(/Unrecognized key/);
    expect(paths([tool('has space')])[0]).toMatch(/^0\.function\.name/);
    expect(paths(Array.from({ length: 33 }, (_, i) => tool(`t${i}`))).length).toBeGreaterThan(0);
  });

  it('diffs two versions field by field, ignoring JSON key order', () => {
    const v1 = AgentSnapshot.parse({ key: 'ask-mas', name: 'Ask MAS', description: null, provider: 'OPENAI', model: 'gpt-4o-mini', systemPrompt: 'Be brief.', temperature: 0.2, maxTokens: 500, tools: [tool('a')], settings: { a: 1, b: 2 }, isActive: true });
    const v2 = { ...v1, settings: { b: 2, a: 1 } };
    expect(diffSnapshots(v1, v2)).toEqual([]);
    const v3 = AgentSnapshot.parse({ ...v1, model: 'gpt-4o', temperature: null, tools: [tool('a'), tool('b')] });
    expect(diffSnapshots(v1, v3)).toEqual([
      { field: 'model', from: 'gpt-4o-mini', to: 'gpt-4o' },
      { field: 'temperature', from: 0.2, to: null },
      { field: 'tools', from: [tool('a')], to: [tool('a'), tool('b')] },
    ]);
  });
});
