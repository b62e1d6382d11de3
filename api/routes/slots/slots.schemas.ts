import { z } from '@hono/zod-openapi';
import { MEETING_STATUSES } from '../../../domain/slot/status.js';
import { PageQuery } from '../../pagination.js';

const Instant = z.iso.datetime({ offset: true }).openapi({ example: '2026-12-01T10:00:00Z' });

export const SlotSchema = z
  .object({
    id: z.uuid(),
    mentorId: z.uuid(),
    studentId: z.uuid().nullable(),
    title: z.string().nullable(),
    startDateTime: z.string(),
    endDateTime: z.string(),
    status: z.enum(MEETING_STATUSES),
    priceTokens: z.number().int(),
    actualEndTime: z.string().nullable(),
    earningsCredited: z.boolean(),
  })
  .openapi('Slot');

export const CreateSlotBody = z
  .object({ startDateTime: Instant, endDateTime: Instant, title: z.string().trim().min(1).max(200).optional() })
  .strict()
  .openapi('CreateSlotRequest');

export const UpdateSlotBody = z
  .object({ startDateTime: Instant.optional(), endDateTime: Instant.optional(), title: z.string().trim().min(1).max(200).optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Give at least one field' })
  .openapi('UpdateSlotRequest');

export const SlotListQuery = PageQuery.extend({
  mentorId: z.uuid().optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  from: Instant.optional().openapi({ description: 'Slots starting at or after this instant' }),
  to: Instant.optional().openapi({ description: 'Slots starting before this instant' }),
  expertise: z.string().trim().min(1).max(60).optional().openapi({ description: "One of the mentor's expertise tags" }),
});

export const CancelBody = z.object({ reason: z.string().trim().max(500).optional() }).strict().openapi('CancelSlotRequest');
export const CancellationAnswerBody = z.object({ note: z.string().trim().max(500).optional() }).strict().openapi('CancellationAnswerRequest');
export const NoShowBody = z.object({ note: z.string().trim().max(1000).optional() }).strict().openapi('NoShowReport');
export const ReviewBody = z
  .object({
    decision: z.enum(['credit', 'refund']).openapi({ description: 'credit: the mentor earns as usual; refund: the student gets the tokens back, nobody earns' }),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .openapi('SlotReviewRuling');
export const EndBody = z.object({ endedAt: Instant.optional() }).strict().openapi('EndSlotRequest');

export const BookingResult = z
  .object({
    slot: SlotSchema,
    spent: z.object({ paid: z.number().int(), promotional: z.number().int() }),
    wallet: z.object({ balance: z.number().int(), promotionalBalance: z.number().int() }),
  })
  .openapi('Booking');

export const CancellationResult = z
  .object({ slot: SlotSchema, refunded: z.object({ paid: z.number().int(), promotional: z.number().int() }) })
  .openapi('Cancellation');

export const HoldResult = z
  .object({
    slot: SlotSchema,
    holdId: z.uuid(),
    expiresAt: z.string(),
    workflowId: z.string(),
    spent: z.object({ paid: z.number().int(), promotional: z.number().int() }),
  })
  .openapi('SlotHold');

export const HoldConfirmation = z.object({ slot: SlotSchema, alreadyConfirmed: z.boolean() }).openapi('SlotHoldConfirmation');

export const NoShowAccepted = z
  .object({ workflowId: z.string().openapi({ example: 'meeting-earnings/6f1c…' }), status: z.literal('under-review') })
  .openapi('NoShowAccepted');

export const ReviewResult = z
  .object({
    slot: SlotSchema,
    decision: z.enum(['credit', 'refund']),
    workflowId: z.string(),
    credited: z.boolean().openapi({ description: 'True when this ruling credited the mentor' }),
    refunded: z.object({ paid: z.number().int(), promotional: z.number().int() }),
  })
  .openapi('SlotReviewResult');
