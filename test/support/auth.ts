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

/** A mentor (EXPERT with an active profile) and a student with a wallet. */
export async function createMentor(stack: TestStack, opts: { rateTokens?: number } = {}) {
  const m = await createUser(stack, 'EXPERT');
  await stack.db.mentor.create({ data: { userId: m.user.id, rateTokens: opts.rateTokens ?? 2, earningPerSessionPaise: 40_000, expertise: ['SQL', 'Excel'] } });
  return m;
}

export async function createStudent(stack: TestStack, wallet: { paid?: number; promo?: number } = {}) {
  const s = await createUser(stack, 'USER');
  await stack.db.token.create({ data: { userId: s.user.id, balance: wallet.paid ?? 10 } });
  await stack.db.promotionalToken.create({ data: { userId: s.user.id, balance: wallet.promo ?? 0 } });
  return s;
}

export async function createOpenSlot(stack: TestStack, mentorId: string, opts: { inHours?: number; price?: number } = {}) {
  const start = new Date(Date.now() + (opts.inHours ?? 48) * 3_600_000);
  return stack.db.slot.create({
    data: { mentorId, startDateTime: start, endDateTime: new Date(start.getTime() + 3_600_000), status: 'TENTATIVE', priceTokens: opts.price ?? 2, mentorEarningPaise: 40_000 },
  });
}

/**
 * A caller for workflow tests that read answers loosely: status and parsed JSON body (null when
 * empty). The OpenAPI tests check the shapes.
 */
export function apiCaller(stack: TestStack) {
  return async (token: string, method: string, path: string, body?: unknown) => {
    const res = await stack.app.request(json(method, path, body, bearerHeader(token)));
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are read loosely here; the OpenAPI tests check their shapes
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { [k: string]: any } };
  };
}
