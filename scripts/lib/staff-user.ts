// Creates or updates a login for `npm run user:create` (dev only): the user gets the role and a
// freshly generated password; earlier sessions of that user stop working (passwordChangedAt).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type Role } from '../../domain/auth/roles.js';
import { passwordProblems } from '../../domain/auth/password-policy.js';
import { hashPassword } from '../../infra/auth/password.js';
import type { Db } from '../../infra/prisma.js';

export const UserCreateArgs = z
  .object({
    email: z.email().max(254).transform((e) => e.toLowerCase()),
    role: z.enum(ROLES),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type UserCreateArgs = z.infer<typeof UserCreateArgs>;

/** 24 url-safe characters with a digit and a letter, so it always passes the password policy. */
export function generatePassword(email: string): string {
  for (;;) {
    const candidate = randomBytes(18).toString('base64url');
    if (passwordProblems(candidate, { email }).length === 0) return candidate;
  }
}

export async function createOrUpdateUser(db: Db, args: UserCreateArgs): Promise<{ id: string; role: Role; created: boolean; password: string }> {
  const password = generatePassword(args.email);
  const hash = await hashPassword(password);
  const now = new Date();
  const name = args.name ?? args.email.split('@')[0]!;
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: args.email }, select: { id: true } });
    const user = await tx.user.upsert({
      where: { email: args.email },
      create: { email: args.email, name, role: args.role, password: hash, isActive: true },
      update: { role: args.role, password: hash, isActive: true, passwordChangedAt: now, ...(args.name ? { name: args.name } : {}) },
      select: { id: true, role: true },
    });
    return { id: user.id, role: user.role, created: !existing, password };
  });
}
