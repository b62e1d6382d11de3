// Resume review requests: upload, request, mentor steps and the views.
import { z } from '@hono/zod-openapi';
import { resumeReviewLifecycle } from '../../../domain/resume-review/status.js';
import { RESUME_REVIEW_MAX_BYTES, RESUME_TYPES, type ResumeType } from '../../../services/resume-reviews/resume-reviews.js';
import { PageQuery } from '../../pagination.js';
import { S3Key, Text } from '../lms-profiles/lms-fields.js';

const STATUSES = resumeReviewLifecycle.states as unknown as ['pending', 'assigned', 'in_review', 'completed', 'cancelled'];

export const UploadBody = z
  .object({ contentType: z.enum(Object.keys(RESUME_TYPES) as [ResumeType, ...ResumeType[]]), sizeBytes: z.number().int().min(1).max(RESUME_REVIEW_MAX_BYTES) })
  .strict()
  .openapi('ResumeReviewUploadRequest');
export const UploadView = z
  .object({ key: z.string(), upload: z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()), expiresAt: z.string() }) })
  .openapi('ResumeReviewUpload');

export const RequestBody = z
  .object({
    resumeS3Key: S3Key.openapi({ description: 'The key from POST /api/resume-reviews/uploads, once uploaded' }),
    resumeFileName: Text(200).optional(),
    targetRole: Text(200).optional(),
    userNotes: Text(2000).optional(),
  })
  .strict()
  .openapi('ResumeReviewCreate');

export const CompleteBody = z
  .object({
    feedback: Text(20_000),
    feedbackData: z
      .object({
        ratings: z.record(z.string().regex(/^[A-Za-z0-9_ -]{1,60}$/), z.number().int().min(1).max(5)).refine((r) => Object.keys(r).length <= 20, { message: 'At most 20 sections' }).optional().openapi({ description: 'Section → rating 1–5' }),
        suggestions: z.array(Text(1000)).max(50).optional(),
        overall: z.number().int().min(1).max(5).optional(),
      })
      .strict()
      .optional()
      .openapi({ description: 'Structured feedback: section ratings, suggestions' }),
    reviewedS3Key: S3Key.optional().openapi({ description: 'The annotated resume, from …/reviewed-uploads, once uploaded' }),
  })
  .strict()
  .openapi('ResumeReviewComplete');

export const ReviewView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    reviewerId: z.uuid().nullable(),
    status: z.enum(STATUSES),
    resumeS3Key: z.string(),
    resumeFileName: z.string().nullable(),
    targetRole: z.string().nullable(),
    userNotes: z.string().nullable(),
    resumeTokensSpent: z.number().int(),
    feedback: z.string().nullable(),
    feedbackData: z.record(z.string(), z.unknown()).nullable(),
    reviewedS3Key: z.string().nullable(),
    assignedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ResumeReviewRequest');
export const Requested = z.object({ review: ReviewView, created: z.boolean().openapi({ description: 'false: a request for this upload was already open; nothing was charged' }) }).openapi('ResumeReviewRequested');
export const DownloadView = z.object({ url: z.string(), expiresAt: z.string() }).openapi('ResumeReviewDownload');

export const MineQuery = PageQuery.extend({ status: z.enum(STATUSES).optional() });
export const AdminQuery = PageQuery.extend({ status: z.enum(STATUSES).optional(), userId: z.uuid().optional(), reviewerId: z.uuid().optional() });
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const GrantParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The student’s user id' }) });
export const GrantBody = z
  .object({
    amount: z.number().int().min(1).max(100),
    reason: z.string().trim().min(3).max(500),
    reference: z
      .string()
      .trim()
      .min(3)
      .max(100)
      .regex(/^[\w.:-]+$/, 'letters, digits and . _ : - only')
      .openapi({ description: 'Your id for this grant (a ticket number, a uuid): a repeat with it credits nothing and answers the first grant', example: 'support-4821' }),
  })
  .strict()
  .openapi('ResumeTokenGrantRequest');
export const GrantView = z
  .object({ userId: z.uuid(), amount: z.number().int(), resumeBalance: z.number().int(), reference: z.string(), reason: z.string().nullable(), grantedAt: z.string(), created: z.boolean() })
  .openapi('ResumeTokenGrant');
