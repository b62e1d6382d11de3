import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../pagination.js';

export const ApplyBody = z
  .object({
    bio: z.string().trim().min(20).max(2000),
    expertise: z.array(z.string().trim().min(1).max(60)).min(1).max(15),
    yearsOfExperience: z.number().int().min(0).max(60).optional(),
    linkedinUrl: z.url().max(300).optional(),
    proposedRateTokens: z.number().int().min(1).max(100).optional(),
  })
  .strict()
  .openapi('MentorApplicationRequest');

export const MentorApplicationSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    status: z.enum(['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN']),
    bio: z.string(),
    expertise: z.array(z.string()),
    yearsOfExperience: z.number().int().nullable(),
    proposedRateTokens: z.number().int().nullable(),
    reviewNotes: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('MentorApplication');

export const ReviewBody = z
  .object({
    notes: z.string().trim().max(1000).optional(),
    rateTokens: z.number().int().min(1).max(100).optional().openapi({ description: 'Approve only: the rate to set (defaults to the proposed rate, or 1)' }),
    earningPerSessionPaise: z.number().int().min(0).max(10_000_000).optional().openapi({ description: 'Approve only: what the mentor earns per completed session' }),
  })
  .strict()
  .openapi('MentorApplicationReview');

export const ApplicationListQuery = PageQuery.extend({ status: z.enum(['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN']).optional() });

export const MentorProfileSchema = z
  .object({ userId: z.uuid(), bio: z.string().nullable(), expertise: z.array(z.string()), rateTokens: z.number().int(), earningPerSessionPaise: z.number().int(), isActive: z.boolean() })
  .openapi('MentorProfile');

export const UpdateProfileBody = z
  .object({
    bio: z.string().trim().min(20).max(2000).optional(),
    expertise: z.array(z.string().trim().min(1).max(60)).min(1).max(15).optional(),
    rateTokens: z.number().int().min(1).max(100).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Give at least one field' })
  .openapi('UpdateMentorProfileRequest');
