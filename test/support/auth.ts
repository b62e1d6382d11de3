// Helpers for authenticated api tests: users of any role with real sessions.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../domain/auth/roles.js';
import { hashPassword } from '../../infra/auth/password.js';
import type { TestStack } from './stack.js';

export const TEST_PASSWORD = 'correct-horse-42-battery';
let passwordHash: Promise<string> | undefined;

export async function createUser(stack: TestStack, role: Role = 'USER', extra: { isActive?: boolean } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@auth.test`;
  const user = await stack.db.user.create({ data: { email, name: `${role} user`, role, password: await passwordHash, isActive: extra.isActive ?? true } });
  const accessToken = await stack.deps.jwt.sign({ sub: user.id, role, pwd: 0 });
  return { user, email, accessToken };
}

export function json(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Request(`http://test${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export const bearerHeader = (token: string) => ({ authorization: `Bearer ${token}` });
