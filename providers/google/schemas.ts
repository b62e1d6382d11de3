// Google's wire shapes (zod): the token endpoint's answer and OAuth error, a Calendar event, and
// the API error envelope. Extra fields are allowed (Google adds them freely).
import { z } from 'zod';

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().nonnegative(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().default(''),
  token_type: z.string().default('Bearer'),
});

export const oauthErrorSchema = z.object({ error: z.string().min(1), error_description: z.string().optional() });

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.number().int(),
    message: z.string(),
    status: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional(), message: z.string().optional() })).optional(),
  }),
});

export const eventSchema = z.object({
  id: z.string().min(1),
  status: z.string().default('confirmed'),
  htmlLink: z.string().optional(),
  hangoutLink: z.string().optional(),
  conferenceData: z
    .object({ entryPoints: z.array(z.object({ entryPointType: z.string(), uri: z.string() })).optional() })
    .optional(),
});
