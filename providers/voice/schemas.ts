// The voice-AI wire shapes (ElevenLabs Conversational AI), checked with zod on every answer and
// webhook: the outbound-call answer, a conversation (GET and the post-call webhook's `data`
// share it), the webhook envelope, and the error bodies.
import { z } from 'zod';
import type { VoiceConversation } from './interface.js';

export const outboundCallBodySchema = z.strictObject({
  agent_id: z.string().min(1).max(200),
  agent_phone_number_id: z.string().min(1).max(200),
  to_number: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number with +'),
  conversation_initiation_client_data: z
    .looseObject({ dynamic_variables: z.record(z.string(), z.union([z.string().max(2_000), z.number(), z.boolean()])).optional() })
    .optional(),
});
export type OutboundCallBody = z.infer<typeof outboundCallBodySchema>;

export const outboundCallResponseSchema = z.looseObject({
  success: z.boolean(),
  message: z.string().nullish(),
  conversation_id: z.string().min(1).nullish(),
  callSid: z.string().min(1).nullish(),
});

const turnSchema = z.looseObject({
  role: z.enum(['agent', 'user']),
  // Tool-call turns carry no text.
  message: z.string().nullish(),
  time_in_call_secs: z.number().min(0),
});

export const conversationSchema = z.looseObject({
  agent_id: z.string().min(1),
  conversation_id: z.string().min(1),
  status: z.string().min(1),
  transcript: z.array(turnSchema).default([]),
  metadata: z.looseObject({ call_duration_secs: z.number().min(0).nullish() }).nullish(),
  analysis: z
    .looseObject({
      call_successful: z.enum(['success', 'failure', 'unknown']).nullish(),
      transcript_summary: z.string().nullish(),
    })
    .nullish(),
  conversation_initiation_client_data: z.looseObject({ dynamic_variables: z.record(z.string(), z.unknown()).nullish() }).nullish(),
});
export type ConversationWire = z.infer<typeof conversationSchema>;

export function toConversation(c: ConversationWire): VoiceConversation {
  return {
    conversationId: c.conversation_id,
    agentId: c.agent_id,
    status: c.status,
    transcript: c.transcript.map((t) => ({ role: t.role, message: t.message ?? '', timeInCallSecs: t.time_in_call_secs })),
    callDurationSecs: c.metadata?.call_duration_secs ?? null,
    summary: c.analysis?.transcript_summary ?? null,
    callSuccessful: c.analysis?.call_successful ?? null,
    dynamicVariables: c.conversation_initiation_client_data?.dynamic_variables ?? {},
  };
}

export const webhookEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  event_timestamp: z.number().min(0).transform(Math.floor),
  data: z.record(z.string(), z.unknown()),
});

export const initiationFailureSchema = z.looseObject({
  agent_id: z.string().min(1),
  conversation_id: z.string().min(1),
  failure_reason: z.string().min(1),
  metadata: z.unknown().optional(),
  conversation_initiation_client_data: z.looseObject({ dynamic_variables: z.record(z.string(), z.unknown()).nullish() }).nullish(),
});

export const audioSchema = z.looseObject({
  agent_id: z.string().min(1),
  conversation_id: z.string().min(1),
  full_audio: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});

/** `{ detail: { status, message } }`, `{ detail: "…" }` or FastAPI's `{ detail: [{ loc, msg }] }`. */
export const errorBodySchema = z.looseObject({
  detail: z.union([
    z.looseObject({ status: z.string().optional(), message: z.string().optional() }),
    z.string(),
    z.array(z.looseObject({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string().optional() })),
  ]),
});

export function describeErrorBody(body: z.infer<typeof errorBodySchema>): { status: string | null; message: string } {
  const d = body.detail;
  if (typeof d === 'string') return { status: null, message: d };
  if (Array.isArray(d)) return { status: 'validation_error', message: d.map((e) => `${(e.loc ?? []).join('.')}: ${e.msg ?? 'invalid'}`).join('; ') };
  return { status: d.status ?? null, message: d.message ?? d.status ?? 'error' };
}
