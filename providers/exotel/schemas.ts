// zod schemas for what crosses the wire: Exotel's PascalCase JSON in, our camelCase types out.
// Tolerant where Exotel varies (numbers as strings, "" for null, Legs wrapped in { Leg }),
// strict where a wrong value would mislead us (the Sid, the status).
import { z } from 'zod';
import { EXOTEL_CALL_STATUSES, type ExotelCall, type ExotelCallDetails, type ExotelCallLeg, type ExotelCallStatus, type ExotelStatusCallback } from './interface.js';

const nullableString = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? null : String(v)));

/** Exotel sends figures as numbers or numeric strings, and "" or null before they exist. */
const nullableNumber = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `not a number: ${String(v)}` });
      return z.NEVER;
    }
    return n;
  });

export const callStatusSchema: z.ZodType<ExotelCallStatus> = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(EXOTEL_CALL_STATUSES as [ExotelCallStatus, ...ExotelCallStatus[]]));

const wireCall = z.object({
  Sid: z.string().min(1),
  ParentCallSid: nullableString,
  DateCreated: nullableString,
  DateUpdated: nullableString,
  AccountSid: nullableString,
  To: z.union([z.string(), z.number()]).transform(String),
  From: z.union([z.string(), z.number()]).transform(String),
  PhoneNumberSid: nullableString,
  Status: callStatusSchema,
  StartTime: nullableString,
  EndTime: nullableString,
  Duration: nullableNumber,
  Price: nullableNumber,
  Direction: nullableString,
  RecordingUrl: nullableString,
  CustomField: nullableString,
});

function toCall(c: z.infer<typeof wireCall>): ExotelCall {
  return {
    sid: c.Sid,
    parentCallSid: c.ParentCallSid,
    accountSid: c.AccountSid,
    from: c.From,
    to: c.To,
    phoneNumberSid: c.PhoneNumberSid,
    status: c.Status,
    direction: c.Direction,
    dateCreated: c.DateCreated,
    dateUpdated: c.DateUpdated,
    startTime: c.StartTime,
    endTime: c.EndTime,
    duration: c.Duration,
    price: c.Price,
    recordingUrl: c.RecordingUrl,
    customField: c.CustomField,
  };
}

const legFields = z.object({ Id: nullableNumber, OnCallDuration: nullableNumber, Status: nullableString });
/** Exotel wraps each leg as { Leg: {...} }; a flat leg is taken too. */
const wireLeg = z.union([z.object({ Leg: legFields }).transform((l) => l.Leg), legFields]).transform((l): ExotelCallLeg => ({ id: l.Id, onCallDuration: l.OnCallDuration, status: l.Status }));

const wireDetails = z
  .object({
    ConversationDuration: nullableNumber,
    Leg1Status: nullableString,
    Leg2Status: nullableString,
    Legs: z.array(wireLeg).nullish(),
  })
  .nullish();

export const callEnvelopeSchema: z.ZodType<ExotelCall> = z.object({ Call: wireCall }).transform((e) => toCall(e.Call));

export const callDetailsEnvelopeSchema: z.ZodType<ExotelCallDetails> = z.object({ Call: wireCall.extend({ Details: wireDetails }) }).transform(({ Call }) => ({
  ...toCall(Call),
  details: {
    conversationDuration: Call.Details?.ConversationDuration ?? null,
    leg1Status: Call.Details?.Leg1Status ?? null,
    leg2Status: Call.Details?.Leg2Status ?? null,
    legs: Call.Details?.Legs ?? [],
  },
}));

/** `{ SMSMessage: { Sid, Status, … } }` (shape unconfirmed: a one-element array is taken too). */
const wireSms = z.object({ Sid: z.string().min(1), Status: z.string().min(1) });
export const smsEnvelopeSchema: z.ZodType<{ sid: string; status: string }> = z
  .object({ SMSMessage: z.union([wireSms, z.array(wireSms).length(1).transform((a) => a[0]!)]) })
  .transform((e) => ({ sid: e.SMSMessage.Sid, status: e.SMSMessage.Status.toLowerCase() }));

/** The error body; lenient, since we only read it to explain a failure. */
export const restExceptionSchema = z.object({
  RestException: z.object({
    Status: z.union([z.number(), z.string()]).nullish().catch(null),
    Message: z.string().catch('no message'),
    Code: z.union([z.number(), z.string()]).nullish().catch(null),
  }),
});

export const statusCallbackSchema: z.ZodType<ExotelStatusCallback> = z
  .object({
    CallSid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an Exotel CallSid'),
    Status: callStatusSchema,
    EventType: z
      .string()
      .transform((s) => s.trim().toLowerCase())
      .pipe(z.enum(['terminal', 'answered'])),
    RecordingUrl: nullableString,
    DateUpdated: nullableString,
    StartTime: nullableString,
    EndTime: nullableString,
    ConversationDuration: nullableNumber,
    Direction: nullableString,
    CustomField: nullableString,
    Legs: z
      .array(z.object({ OnCallDuration: nullableNumber, Status: nullableString }))
      .nullish()
      .catch(null),
  })
  .transform((b) => ({
    callSid: b.CallSid,
    status: b.Status,
    eventType: b.EventType,
    recordingUrl: b.RecordingUrl,
    dateUpdated: b.DateUpdated,
    startTime: b.StartTime,
    endTime: b.EndTime,
    conversationDuration: b.ConversationDuration,
    direction: b.Direction,
    customField: b.CustomField,
    legs: (b.Legs ?? []).map((l) => ({ onCallDuration: l.OnCallDuration, status: l.Status })),
  }));
