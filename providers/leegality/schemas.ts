// Zod schemas of what Leegality sends us: the `{ status, data, messages }` envelope of every
// answer, the data of each call, and the webhook body. Unknown fields are tolerated (the
// details shape is not confirmed), the fields we read are checked and bounded.
import { z } from 'zod';

const text = (max: number) => z.string().max(max);

export const messageSchema = z.object({ code: z.union([z.string(), z.number()]).transform(String).optional(), message: z.string().max(2000).optional() }).transform((m) => ({ code: m.code ?? 'UNKNOWN', message: m.message ?? '' }));
export const messagesSchema = z.array(messageSchema).max(100).nullish().transform((m) => m ?? []);

/** `status: 0` with messages: Leegality refused the call. */
export const failureEnvelopeSchema = z.object({ status: z.literal(0), messages: messagesSchema });

/** Either answer of any call; `data` is checked per call once status is 1. */
export const envelopeSchema = z.discriminatedUnion('status', [z.object({ status: z.literal(1), data: z.unknown(), messages: messagesSchema }), failureEnvelopeSchema]);

export const createDataSchema = z.object({
  documentId: text(200).min(1),
  invitees: z.array(z.object({ name: text(200).optional(), email: text(320).optional(), phone: text(32).nullish(), signUrl: z.url().max(2000) })).min(1).max(50),
});

/** Leegality's casing of the document status varies between APIs; we normalise to Draft|Sent|Completed. */
const documentStatusSchema = z
  .string()
  .max(32)
  .transform((s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase())
  .pipe(z.enum(['Draft', 'Sent', 'Completed']));

export const detailsDataSchema = z.object({
  documentId: text(200).min(1),
  irn: text(200).nullish(),
  status: documentStatusSchema,
  invitations: z
    .array(
      z.object({
        name: text(200).default(''),
        email: text(320).default(''),
        phone: text(32).nullish(),
        signUrl: z.url().max(2000).nullish(),
        signed: z.boolean().default(false),
        expired: z.boolean().default(false),
        rejected: z.boolean().default(false),
      }),
    )
    .max(50)
    .default([]),
});

/** fetchDocument's data: the file as base64 (at most 40 MB of PDF). */
export const fileDataSchema = z.object({ file: z.base64().max(56_000_000).min(4) });

/** The webhook body Leegality POSTs; `mac = hex(HMAC_SHA1(private salt, documentId))`. */
export const webhookBodySchema = z.object({
  webhookType: z.enum(['Success', 'Error']),
  documentId: text(200).min(1),
  documentStatus: documentStatusSchema,
  irn: text(200).nullish(),
  mac: text(128).min(1),
});
