// Request and response shapes of the auth and profile routes.
import { z } from '@hono/zod-openapi';
import { passwordProblems, PASSWORD_MAX } from '../../../domain/auth/password-policy.js';
import { ROLES } from '../../../domain/auth/roles.js';

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase())
  .openapi({ example: 'arjun@example.com' });

export const NewPassword = z
  .string()
  .max(PASSWORD_MAX)
  .superRefine((pw, ctx) => {
    for (const p of passwordProblems(pw)) ctx.addIssue({ code: 'custom', message: `Password ${p}` });
  })
  .openapi({ format: 'password', description: 'At least 10 characters with letters and digits; not a common password' });

export const SignupBody = z
  .object({
    email: Email,
    password: NewPassword,
    name: z.string().trim().min(1).max(100),
    phone: z.string().trim().regex(/^\+[1-9]\d{7,14}$/, 'Use E.164, e.g. +919812345678').optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    for (const p of passwordProblems(b.password, { email: b.email })) {
      if (p.includes('email')) ctx.addIssue({ code: 'custom', path: ['password'], message: `Password ${p}` });
    }
  })
  .openapi('SignupRequest');

export const LoginBody = z.object({ email: Email, password: z.string().min(1).max(PASSWORD_MAX).openapi({ format: 'password' }) }).strict().openapi('LoginRequest');

export const RefreshBody = z.object({ refreshToken: z.string().min(20).max(200) }).strict().openapi('RefreshRequest');

export const PasswordChangeBody = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX).openapi({ format: 'password' }), newPassword: NewPassword })
  .strict()
  .openapi('PasswordChangeRequest');

export const PublicUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    role: z.enum(ROLES),
    stage: z.enum(['SIGNUP', 'ONBOARDING', 'ACTIVE']),
    platform: z.string().nullable(),
    isActive: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('User');

export const Session = z
  .object({
    user: PublicUser,
    accessToken: z.string(),
    refreshToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().openapi({ description: 'Access token lifetime in seconds' }),
  })
  .openapi('Session');

export const Me = PublicUser.extend({
  wallet: z.object({ balance: z.number().int(), promotionalBalance: z.number().int(), resumeBalance: z.number().int() }),
}).openapi('Me');
