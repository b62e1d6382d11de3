// Turns a post-call webhook body into a typed VoiceWebhookEvent. The receiver reads the whole
// body first (post_call_audio may arrive chunked), verifies the signature over those bytes
// (readVoiceWebhook does both), then parses. Event types we do not handle are "ignored", so the
// receiver can still answer 200.
import type { VoiceWebhookEvent } from './interface.js';
import { audioSchema, conversationSchema, initiationFailureSchema, toConversation, webhookEnvelopeSchema } from './schemas.js';
import { checkVoiceSignature, type VoiceSignatureCheck } from './signatures.js';
import { describeIssues } from '../lib/local-http.js';

export type ParsedVoiceWebhook =
  | { kind: 'event'; event: VoiceWebhookEvent }
  | { kind: 'ignored'; type: string }
  | { kind: 'malformed'; detail: string };

export type ReadVoiceWebhook = ParsedVoiceWebhook | { kind: 'bad_signature'; reason: Extract<VoiceSignatureCheck, { ok: false }>['reason'] };

/** The event in an (already verified) body. */
export function parseVoiceWebhook(rawBody: string | Uint8Array): ParsedVoiceWebhook {
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8'));
  } catch {
    return { kind: 'malformed', detail: 'the body is not JSON' };
  }
  const envelope = webhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { kind: 'malformed', detail: describeIssues(envelope.error) };
  const { type, event_timestamp: eventTimestamp, data } = envelope.data;
  switch (type) {
    case 'post_call_transcription': {
      const c = conversationSchema.safeParse(data);
      if (!c.success) return { kind: 'malformed', detail: describeIssues(c.error) };
      return { kind: 'event', event: { type, eventTimestamp, conversation: toConversation(c.data) } };
    }
    case 'call_initiation_failure': {
      const f = initiationFailureSchema.safeParse(data);
      if (!f.success) return { kind: 'malformed', detail: describeIssues(f.error) };
      return {
        kind: 'event',
        event: { type, eventTimestamp, conversationId: f.data.conversation_id, agentId: f.data.agent_id, failureReason: f.data.failure_reason, dynamicVariables: f.data.conversation_initiation_client_data?.dynamic_variables ?? {} },
      };
    }
    case 'post_call_audio': {
      const a = audioSchema.safeParse(data);
      if (!a.success) return { kind: 'malformed', detail: describeIssues(a.error) };
      return { kind: 'event', event: { type, eventTimestamp, conversationId: a.data.conversation_id, agentId: a.data.agent_id, audioBase64: a.data.full_audio } };
    }
    default:
      return { kind: 'ignored', type };
  }
}

/** Signature first (over exactly these bytes), then the event. */
export function readVoiceWebhook(secret: string, header: string | null | undefined, rawBody: string | Uint8Array, nowSeconds: number): ReadVoiceWebhook {
  const check = checkVoiceSignature(secret, header, rawBody, nowSeconds);
  if (!check.ok) return { kind: 'bad_signature', reason: check.reason };
  return parseVoiceWebhook(rawBody);
}

/**
 * A call_initiation_failure's failure_reason in our terms. The vendor sends Twilio's words
 * ("busy", "no-answer", "failed"; "unknown" when it cannot tell).
 */
export function failureOutcome(reason: string): 'busy' | 'no_answer' | 'failed' {
  const r = reason.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (r === 'busy') return 'busy';
  if (r === 'no_answer') return 'no_answer';
  return 'failed';
}
