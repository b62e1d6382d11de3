// Field schemas shared by the LMS community routes (profiles, colleges, webinars, announcements…).
import { z } from '@hono/zod-openapi';
import { normalizePhone } from '../../../domain/crm/phone.js';

/** An https URL (no javascript:, data: or plain http links on pages others see). */
export const HttpsUrl = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain })
  .max(2000)
  .openapi({ description: 'An https URL', example: 'https://example.com/page' });

/** Trimmed, non-empty text up to `max` characters. */
export const Text = (max: number) => z.string().trim().min(1).max(max);

/** A public form's email, as typed: surrounding spaces and capitals are dropped before the address is checked. */
export const FormEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** A public form's phone, normalised to E.164 (10 digits are read as an Indian number). */
export const FormPhone = z
  .string()
  .max(24)
  .transform((p, ctx) => {
    const e164 = normalizePhone(p);
    if (!e164) ctx.addIssue({ code: 'custom', message: 'Not a phone number' });
    return e164 ?? '';
  })
  .openapi({ type: 'string', description: 'As typed; 10 digits are read as an Indian number' });

/** A UTM attribution value. */
export const Utm = z.string().trim().min(1).max(200);

/** An ISO 8601 instant with its offset, as a Date. */
export const Instant = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .openapi({ type: 'string', format: 'date-time' });

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

/** A storage key in a bucket: printable, no leading slash, no dot segments. */
export const S3Key = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .regex(/^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[\x21-\x7e]+$/, 'A relative object key without . or .. segments');

export const Recording = z
  .object({ recordingUrl: HttpsUrl.optional(), recordingS3Key: S3Key.optional() })
  .strict();
