// Walks every operation in the OpenAPI registry against every role and against broken
// tokens (none, expired, tampered, alg "none", wrong audience): only the declared roles pass.
import { importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/auth/roles.js';
import { createUser, json } from '../support/auth.js';
import { startTestStack, testJwtKeys, type TestStack } from '../support/stack.js';

interface Operation {
  'x-roles'?: string[];
  security?: unknown[];
}
let stack: TestStack;
let spec: { paths: Record<string, Record<string, Operation>> };
const tokens = new Map<Role, string>();
let victimId: string;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  spec = (await (await stack.app.request('/openapi.json')).json()) as typeof spec;
  for (const role of ROLES) tokens.set(role, (await createUser(stack, role)).accessToken);
  victimId = (await createUser(stack, 'USER')).user.id;
});
afterAll(() => stack.close());

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

async function brokenTokens(sub: string): Promise<Record<string, string>> {
  const key = await importPKCS8((await testJwtKeys()).privateKeyPem, 'EdDSA');
  const now = Math.floor(Date.now() / 1000);
  const base = () => new SignJWT({ role: 'SUPERADMIN', pwd: 0 }).setProtectedHeader({ alg: 'EdDSA' }).setSubject(sub).setIssuer('mas-platform');
  const expired = await base().setAudience('mas-api').setIssuedAt(now - 3600).setExpirationTime(now - 60).sign(key);
  const wrongAudience = await base().setAudience('someone-else').setIssuedAt().setExpirationTime('5m').sign(key);
  const valid = await base().setAudience('mas-api').setIssuedAt().setExpirationTime('5m').sign(key);
  const [h, , sig] = valid.split('.');
  const tampered = `${h}.${b64({ sub, role: 'SUPERADMIN', pwd: 0, iss: 'mas-platform', aud: 'mas-api', iat: now, exp: now + 300, x: 1 })}.${sig}`;
  const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub, role: 'SUPERADMIN', pwd: 0, iss: 'mas-platform', aud: 'mas-api', iat: now, exp: now + 300 })}.`;
  return { expired, wrongAudience, tampered, algNone, garbage: 'not.a.jwt' };
}

function operations() {
  return Object.entries(spec.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
}

function concretePath(path: string) {
  return path.replace('{id}', victimId).replace('{key}', 'tokens.signupBonus').replace(/\{\w+\}/g, '6b3d8f0e-0000-4000-8000-000000000000');
}

describe('role matrix', () => {
  it('every operation declares who may call it', () => {
    const undeclared = operations().filter(({ op }) => !op['x-roles']?.length);
    expect(undeclared.map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it('bearer operations let exactly their declared roles through', async () => {
    const bearerOps = operations().filter(({ op }) => op['x-roles']!.every((r) => (ROLES as readonly string[]).includes(r)));
    expect(bearerOps.length).toBeGreaterThanOrEqual(5);
    const superadminSub = (await stack.db.user.findFirstOrThrow({ where: { role: 'SUPERADMIN' }, select: { id: true } })).id;
    const broken = await brokenTokens(superadminSub);
    const failures: string[] = [];
    for (const { path, method, op } of bearerOps) {
      const url = concretePath(path);
      const body = method === 'GET' ? undefined : {};
      const none = await stack.app.request(json(method, url, body));
      if (none.status !== 401) failures.push(`${method} ${path} without a token → ${none.status}`);
      for (const [kind, token] of Object.entries(broken)) {
        const res = await stack.app.request(json(method, url, body, { authorization: `Bearer ${token}` }));
        if (res.status !== 401) failures.push(`${method} ${path} with a ${kind} token → ${res.status}`);
      }
      for (const role of ROLES) {
        const res = await stack.app.request(json(method, url, body, { authorization: `Bearer ${tokens.get(role)}` }));
        const allowed = op['x-roles']!.includes(role);
        if (allowed && (res.status === 401 || res.status === 403)) failures.push(`${method} ${path} as ${role} → ${res.status}, but it is allowed`);
        if (!allowed && res.status !== 403) failures.push(`${method} ${path} as ${role} → ${res.status}, want 403`);
      }
    }
    expect(failures).toEqual([]);
  });
});
