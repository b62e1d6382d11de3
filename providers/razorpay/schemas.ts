// zod schemas for everything that crosses the wire: the client parses every response with
// them (never trust the wire), and the simulator validates request bodies with them.
// Response schemas are tolerant where Razorpay is known to vary (notes as `[]`, absent nulls).
import { z } from 'zod';
import type { Collection, Notes, Order, Payment, RazorpayErrorBody, RazorpayWebhookEvent, Refund } from './interface.js';

/** Razorpay sends empty notes as `[]` and may echo numbers; we always hand out string pairs. */
const notesWire = z
  .union([z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).nullable()), z.tuple([])])
  .nullish()
  .transform((v): Notes => (v && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === null ? '' : String(x)])) : {}));

const nullableString = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
const nullableInt = z
  .number()
  .int()
  .nullish()
  .transform((v) => v ?? null);
const paise = z.number().int().nonnegative();
const unixSeconds = z.number().int().nonnegative();

export const orderSchema: z.ZodType<Order> = z.object({
  id: z.string().min(1),
  entity: z.literal('order'),
  amount: paise,
  amount_paid: paise,
  amount_due: paise,
  currency: z.string().min(1),
  receipt: nullableString,
  status: z.enum(['created', 'attempted', 'paid']),
  attempts: z.number().int().nonnegative(),
  notes: notesWire,
  created_at: unixSeconds,
});

export const paymentSchema: z.ZodType<Payment> = z.object({
  id: z.string().min(1),
  entity: z.literal('payment'),
  amount: paise,
  currency: z.string().min(1),
  status: z.enum(['created', 'authorized', 'captured', 'refunded', 'failed']),
  order_id: nullableString,
  method: z.string(),
  amount_refunded: paise,
  refund_status: z
    .enum(['partial', 'full'])
    .nullish()
    .transform((v) => v ?? null),
  captured: z.boolean(),
  email: nullableString,
  contact: nullableString,
  fee: nullableInt,
  tax: nullableInt,
  notes: notesWire,
  error_code: nullableString,
  error_description: nullableString,
  error_source: nullableString,
  error_step: nullableString,
  error_reason: nullableString,
  created_at: unixSeconds,
});

export const refundSchema: z.ZodType<Refund> = z.object({
  id: z.string().min(1),
  entity: z.literal('refund'),
  amount: paise,
  currency: z.string().min(1),
  payment_id: z.string().min(1),
  notes: notesWire,
  receipt: nullableString,
  status: z.enum(['pending', 'processed', 'failed']),
  speed_requested: nullableString,
  speed_processed: nullableString,
  created_at: unixSeconds,
});

export function collectionSchema<T>(item: z.ZodType<T>): z.ZodType<Collection<T>> {
  return z.object({ entity: z.literal('collection'), count: z.number().int().nonnegative(), items: z.array(item) });
}

/** The `error` object of an error response; lenient, since we only read it to explain a failure. */
export const errorEnvelopeSchema: z.ZodType<{ error: RazorpayErrorBody }> = z.object({
  error: z.object({
    code: z.string().catch('UNKNOWN_ERROR'),
    description: z.string().catch('no description'),
    source: nullableString.catch(null),
    step: nullableString.catch(null),
    reason: nullableString.catch(null),
    metadata: z.record(z.string(), z.unknown()).nullish().catch(null),
    field: nullableString.catch(null),
  }),
});

export const webhookEventSchema: z.ZodType<RazorpayWebhookEvent> = z.object({
  entity: z.literal('event'),
  account_id: z.string(),
  event: z.enum(['payment.authorized', 'payment.captured', 'payment.failed', 'order.paid', 'refund.created', 'refund.processed', 'refund.failed']),
  contains: z.array(z.string()),
  payload: z.object({
    payment: z.object({ entity: paymentSchema }).optional(),
    order: z.object({ entity: orderSchema }).optional(),
    refund: z.object({ entity: refundSchema }).optional(),
  }),
  created_at: unixSeconds,
});

// ---- request bodies, as the simulator (and Razorpay) validates them ----

const notesInput = z
  .record(z.string().max(256), z.string().max(256))
  .refine((n) => Object.keys(n).length <= 15, { message: 'notes can have at most 15 key-value pairs' });

export const createOrderBodySchema = z.strictObject({
  amount: z.number().int().min(100, { message: 'The amount must be at least INR 1.00' }),
  currency: z.literal('INR', { message: 'Currency is not supported' }),
  receipt: z.string().max(40, { message: 'The receipt may not be greater than 40 characters' }).optional(),
  notes: notesInput.optional(),
  partial_payment: z.boolean().optional(),
});

export const captureBodySchema = z.strictObject({
  amount: z.number().int().min(100),
  currency: z.literal('INR', { message: 'Currency is not supported' }),
});

export const refundBodySchema = z.strictObject({
  amount: z.number().int().min(100, { message: 'The amount must be at least INR 1.00' }).optional(),
  speed: z.enum(['normal', 'optimum']).optional(),
  notes: notesInput.optional(),
  receipt: z.string().max(40).optional(),
});
