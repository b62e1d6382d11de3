// POST /api/jobs/{id}/applications: the public, multipart apply endpoint. The body streams under
// its own limit (RESUME_MAX_BYTES plus room for the form fields), refused early on
// Content-Length, so the global JSON body limit never cuts a resume.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { normalizePhone } from '../../../domain/crm/phone.js';
import { DEFAULT_RESUME_MAX_BYTES, RESUME_TYPES } from '../../../services/hire/resume-files.js';
import type { AppEnv } from '../../deps.js';
import { publicRoute } from '../../middleware/auth.js';
import { jsonResponse, problemResponse } from '../../openapi.js';
import { problem } from '../../problem.js';

/** Room for the text fields and multipart framing next to the file (a 5,000-character cover note is at most 20 KB of UTF-8). */
export const FORM_FIELDS_ALLOWANCE_BYTES = 64 * 1024;
export const COVER_NOTE_MAX = 5000;

const APPLY_PATH = /^\/api\/jobs\/[^/]+\/applications\/?$/;
/** The apply upload streams under its own limit, so the global body limit skips it. */
export const isApplyUpload = (c: Context) => c.req.method === 'POST' && APPLY_PATH.test(c.req.path);

/** The route's own body limit: Content-Length beyond it is refused before a byte is read; a chunked body is counted as it streams. */
export function resumeBodyLimit(): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const fileMax = c.get('deps').config.resumeMaxBytes ?? DEFAULT_RESUME_MAX_BYTES;
    return bodyLimit({
      maxSize: fileMax + FORM_FIELDS_ALLOWANCE_BYTES,
      onError: (ctx) => problem(ctx, 'PAYLOAD_TOO_LARGE', `The upload exceeds the resume limit of ${fileMax} bytes (RESUME_MAX_BYTES)`),
    })(c, next);
  };
}

const JobId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The job post' }) });

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => (v.trim() === '' ? undefined : v.trim()))
    .optional();

export const ApplyForm = z
  .object({
    resume: z
      .custom<File>((v) => v instanceof File, { message: 'Attach the resume as a file part named resume' })
      .openapi({ type: 'string', format: 'binary', description: `The resume: ${RESUME_TYPES.pdf} or ${RESUME_TYPES.docx}; the part's type and the file's content must agree; at most RESUME_MAX_BYTES (default 5 MiB)` }),
    name: z.string().trim().min(1).max(200).openapi({ example: 'Asha Rao' }),
    email: z.string().trim().max(254).pipe(z.email()).transform((e) => e.toLowerCase()).openapi({ example: 'asha@example.com', description: 'Lower-cased; one application per job and email' }),
    phone: z
      .string()
      .max(32)
      .transform((v, ctx) => {
        if (v.trim() === '') return undefined;
        const e164 = normalizePhone(v);
        if (e164 === null) {
          ctx.addIssue({ code: 'custom', message: 'Not a valid phone number (+<country code><number>, or 10 Indian digits)' });
          return z.NEVER;
        }
        return e164;
      })
      .optional()
      .openapi({ example: '+919876543210', description: 'Normalised to E.164 (10-digit numbers are taken as Indian, +91)' }),
    whatsappConsent: z
      .enum(['true', 'false', 'on', 'off', '1', '0'])
      .optional()
      .transform((v) => v === 'true' || v === 'on' || v === '1')
      .openapi({ description: 'The candidate agrees to WhatsApp messages about this application (default false)' }),
    coverNote: optionalText(COVER_NOTE_MAX).openapi({ description: `At most ${COVER_NOTE_MAX} characters` }),
  })
  .openapi('JobApplicationForm');

export const AppliedApplication = z
  .object({
    id: z.uuid(),
    status: z.literal('resume_received'),
    jobPostId: z.uuid(),
  })
  .openapi('AppliedJobApplication');

export const applyToJobRoute = createRoute({
  method: 'post',
  path: '/api/jobs/{id}/applications',
  tags: ['Mr-Hire'],
  summary: 'Apply to a job with a resume (public; PDF or DOCX; one application per job and email)',
  description:
    'multipart/form-data. The job must be active on the request’s platform (x-platform). The resume is checked by its declared type and ' +
    'by its bytes (%PDF- for a PDF; a ZIP holding word/document.xml for a DOCX), stored in the resumes bucket, and the candidate’s ' +
    'pipeline run (workflow candidate/<application id>) starts. Rate-limited per client IP and per email (APPLY_RATE_LIMIT_*). ' +
    'A failure after the upload leaves nothing behind: simply retry.',
  ...publicRoute,
  middleware: [resumeBodyLimit()] as const,
  request: {
    params: JobId,
    body: { required: true, description: 'The application form', content: { 'multipart/form-data': { schema: ApplyForm } } },
  },
  responses: {
    201: jsonResponse('Received: the application is in resume_received and its pipeline has started', AppliedApplication),
    400: problemResponse('A missing or invalid field, an empty file, or an invalid job id'),
    404: problemResponse('No such job on this platform'),
    409: problemResponse('The job is paused or closed (or past its deadline), or this email has already applied to it'),
    413: problemResponse('The resume exceeds RESUME_MAX_BYTES'),
    415: problemResponse('Not multipart/form-data, a resume that is not declared PDF or DOCX, or content that does not match its declared type'),
    429: problemResponse('Too many applications from this IP or email; see Retry-After'),
    503: problemResponse('The resume could not be stored or the pipeline could not start; nothing was kept, retry (Retry-After)'),
  },
});
