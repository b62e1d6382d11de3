// The voice-AI post-call webhook: verify ElevenLabs-Signature over the raw bytes, then store the
// event once (voice-interviews.ts) and record it in webhook_events. Every authentic delivery is
// answered 200, duplicates and late ones included; only a bad signature is refused (401).
import type { Client } from '@temporalio/client';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import { readVoiceWebhook } from '../../providers/voice/webhooks.js';
import { ingestVoiceEvent, type VoiceIntakeResult } from './voice-interviews.js';

export interface VoiceWebhookAck {
  status: 'processed' | 'duplicate' | 'ignored';
}

export async function receiveVoiceWebhook(
  deps: { db: Db; temporal: Client; logger: Logger; now: () => Date },
  input: { secret: string | null | undefined; signature: string | undefined; rawBody: string },
): Promise<VoiceWebhookAck> {
  if (!input.secret) throw new DomainError('INVALID_SIGNATURE', 'Voice webhooks are off (no VOICE_WEBHOOK_SECRET)');
  const read = readVoiceWebhook(input.secret, input.signature, input.rawBody, Math.floor(deps.now().getTime() / 1000));
  if (read.kind === 'bad_signature') throw new DomainError('INVALID_SIGNATURE', `The ElevenLabs-Signature header is ${read.reason}`);
  if (read.kind === 'malformed') throw new DomainError('BAD_REQUEST', `Not a voice webhook: ${read.detail}`);
  if (read.kind === 'ignored') return { status: 'ignored' };
  const event = read.event;
  const result: VoiceIntakeResult = await ingestVoiceEvent(deps, event);
  const conversationId = event.type === 'post_call_transcription' ? event.conversation.conversationId : event.conversationId;
  await deps.db.webhookEvent.createMany({ data: [{ provider: 'voice', eventId: `${event.type}:${conversationId}`, eventType: event.type, subjectId: result.voiceInterviewId ?? conversationId }], skipDuplicates: true });
  return { status: result.result === 'stored' ? 'processed' : result.result === 'duplicate' ? 'duplicate' : 'ignored' };
}
