// Request and response shapes of forgot / reset password.
import { z } from '@hono/zod-openapi';
import { Email, NewPassword } from '../auth/auth.schemas.js';

export const ForgotPasswordBody = z.object({ email: Email }).strict().openapi('ForgotPasswordRequest');

export const ForgotPasswordAccepted = z
  .object({ status: z.literal('accepted'), message: z.string() })
  .openapi('ForgotPasswordAccepted', { description: 'The same answer whether or not an account uses the email' });

/** 32 random bytes, base64url: 43 characters. */
export const EmailedToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'Not a token from our emails')
  .openapi({ description: 'The token from the emailed link' });

export const ResetPasswordBody = z.object({ token: EmailedToken, newPassword: NewPassword }).strict().openapi('ResetPasswordRequest');
