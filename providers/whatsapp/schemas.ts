// zod schemas for everything that crosses the wire: the client parses every response with
// them, the simulator validates request bodies with them, and the api parses status webhooks.
import { z } from 'zod';
import { TEXT_MAX_LENGTH, type SendResponse, type StatusUpdate, type TemplateSendBody, type TextSendBody, type WhatsAppErrorBody } from './interface.js';

export const sendResponseSchema: z.ZodType<SendResponse> = z.object({
  messaging_product: z.literal('whatsapp'),
  contacts: z.array(z.object({ input: z.string(), wa_id: z.string().min(1) })).min(1),
  messages: z.array(z.object({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});

/** GET /{phone_number_id}: only the id is required. */
export const phoneNumberInfoSchema = z.object({
  id: z.string().min(1),
  display_phone_number: z.string().nullish(),
  verified_name: z.string().nullish(),
});

/** Lenient: we only read it to explain a failure. */
export const errorEnvelopeSchema: z.ZodType<{ error: WhatsAppErrorBody }> = z.object({
  error: z.object({
    message: z.string().catch('no message'),
    type: z.string().catch('UnknownException'),
    code: z.union([z.number(), z.string()]).catch('UNKNOWN'),
    error_subcode: z.number().nullish().catch(null),
    error_data: z
      .object({ details: z.string().optional(), messaging_product: z.string().optional() })
      .nullish()
      .catch(null),
    fbtrace_id: z.string().nullish().catch(null),
  }),
});

/** A template send as the Cloud API accepts it (the simulator's check). */
export const templateSendBodySchema: z.ZodType<TemplateSendBody> = z.strictObject({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: z.string().regex(/^\d{7,15}$/, { message: "Invalid 'to' parameter: digits only, with the country code and no +" }),
  type: z.literal('template'),
  template: z.strictObject({
    name: z.string().min(1).max(512),
    language: z.strictObject({ code: z.string().min(2).max(15) }),
    components: z
      .array(
        z.strictObject({
          type: z.literal('body'),
          parameters: z.array(z.strictObject({ type: z.literal('text'), text: z.string().min(1).max(32_768) })),
        }),
      )
      .optional(),
  }),
});

/** A text send as the Cloud API accepts it (the simulator's check). */
export const textSendBodySchema: z.ZodType<TextSendBody> = z.strictObject({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: z.string().regex(/^\d{7,15}$/, { message: "Invalid 'to' parameter: digits only, with the country code and no +" }),
  type: z.literal('text'),
  text: z.strictObject({ body: z.string().min(1).max(TEXT_MAX_LENGTH), preview_url: z.boolean().optional() }),
});

export const statusUpdateSchema: z.ZodType<StatusUpdate> = z.object({
  id: z.string().min(1),
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  timestamp: z.string().regex(/^\d+$/),
  recipient_id: z.string(),
  errors: z
    .array(
      z.object({
        code: z.number(),
        title: z.string(),
        message: z.string().optional(),
        error_data: z.object({ details: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

/**
 * The webhook envelope. Only statuses are read; other changes (inbound messages, template
 * updates) and unknown statuses (e.g. "deleted") are kept as unknown so they can be skipped.
 */
export const webhookEnvelopeSchema = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      id: z.string().optional(),
      changes: z.array(
        z.object({
          field: z.string().optional(),
          value: z.object({ statuses: z.array(z.unknown()).optional(), messages: z.array(z.unknown()).optional(), metadata: z.unknown().optional() }).passthrough(),
        }),
      ),
    }),
  ),
});

/** An inbound message as the Cloud API posts it (the fields we read; the rest passes). */
export const inboundMessageSchema = z
  .object({
    id: z.string().min(1).max(256),
    from: z.string().regex(/^\d{7,15}$/),
    timestamp: z.string().regex(/^\d+$/),
    type: z.string().min(1).max(40),
    text: z.object({ body: z.string().max(4096) }).optional(),
    button: z.object({ text: z.string().max(4096) }).optional(),
  })
  .passthrough();

export const webhookMetadataSchema = z.object({ phone_number_id: z.string().min(1).max(64), display_phone_number: z.string().max(40).optional() });
