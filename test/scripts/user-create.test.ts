// `npm run user:create` against the run's database: it creates (or updates) a user with the
// role, prints a password that works for POST /api/auth/login, validates the role, and refuses
// to run with NODE_ENV=production.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function userCreate(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'scripts/user-create.ts'), ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: inject('databaseUrl'), ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const passwordOf = (stdout: string) => /^password: (\S+)$/m.exec(stdout)?.[1];

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false, config: { loginRateLimit: { perIp: 1000, perEmail: 1000, windowSeconds: 60 } } });
});
afterAll(() => stack?.close());

const login = (email: string, password: string) => stack.app.request(json('POST', '/api/auth/login', { email, password }));

describe('npm run user:create', () => {
  it('creates a SUPERADMIN whose printed password logs in; a second run updates it and the old password stops working', async () => {
    const email = `Staff-${randomUUID().slice(0, 8)}@mas.test`;
    const first = await userCreate(['--email', email, '--role', 'SUPERADMIN']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^created /m);
    const pw1 = passwordOf(first.stdout)!;
    expect(pw1).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    const res = await login(email, pw1);
    expect(res.status).toBe(200);
    const session = (await res.json()) as { user: { role: string; email: string }; accessToken: string };
    expect(session.user).toMatchObject({ role: 'SUPERADMIN', email: email.toLowerCase() });
    // A SUPERADMIN-only route accepts the token.
    expect((await stack.app.request(new Request('http://test/api/system-config', { headers: { authorization: `Bearer ${session.accessToken}` } }))).status).toBe(200);

    const second = await userCreate(['--email', email, '--role', 'ADMIN', '--name', 'Staff Person']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^updated /m);
    const pw2 = passwordOf(second.stdout)!;
    expect(pw2).not.toBe(pw1);
    expect((await login(email, pw1)).status).toBe(401);
    const again = await login(email, pw2);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { user: { role: string; name: string } }).user).toMatchObject({ role: 'ADMIN', name: 'Staff Person' });
    expect(await stack.db.user.count({ where: { email: email.toLowerCase() } })).toBe(1);
  }, 120_000);

  it('refuses an unknown role and a bad email, and writes nothing', async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@mas.test`;
    const badRole = await userCreate(['--email', email, '--role', 'GOD']);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/--role/);
    const badEmail = await userCreate(['--email', 'not-an-email', '--role', 'ADMIN']);
    expect(badEmail.code).not.toBe(0);
    expect(badEmail.stderr).toMatch(/--email/);
    expect(await stack.db.user.count({ where: { email } })).toBe(0);
  });

  it('refuses to run with NODE_ENV=production', async () => {
    const email = `prod-${randomUUID().slice(0, 8)}@mas.test`;
    const r = await userCreate(['--email', email, '--role', 'SUPERADMIN'], { NODE_ENV: 'production' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/refused: NODE_ENV=production/);
    expect(r.stdout).not.toMatch(/password/);
    expect(await stack.db.user.count({ where: { email } })).toBe(0);
  });
});
