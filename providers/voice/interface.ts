// The voice-AI contract (an ElevenLabs-style conversational agent): place an outbound call,
// fetch a conversation (to reconcile a missing webhook), and the signed post-call webhook. The
// real client and the simulator both honour it. Facts in ../shared/PROVIDERS.md ("Voice AI").
import { ProviderError, type ProviderFailureKind } from '../lib/provider-error.js';

export const VOICE_SIGNATURE_HEADER = 'ElevenLabs-Signature';
/** A webhook whose t= is older than this is refused (replay protection). */
export const VOICE_SIGNATURE_TOLERANCE_SECONDS = 30 * 60;

export interface OutboundCallRequest {
  agentId: string;
  agentPhoneNumberId: string;
  /** E.164 with +. */
  toNumber: string;
  /** conversation_initiation_client_data.dynamic_variables: IDs and first names only. */
  dynamicVariables: Record<string, string | number | boolean>;
}

export interface OutboundCallResult {
  conversationId: string;
  callSid: string | null;
}

export interface TranscriptTurn {
  role: 'agent' | 'user';
  message: string;
  timeInCallSecs: number;
}

export interface VoiceConversation {
  conversationId: string;
  agentId: string;
  /** initiated, in-progress, processing, done, failed. */
  status: string;
  transcript: TranscriptTurn[];
  callDurationSecs: number | null;
  summary: string | null;
  callSuccessful: 'success' | 'failure' | 'unknown' | null;
  dynamicVariables: Record<string, unknown>;
}

/** A verified, parsed post-call webhook. */
export type VoiceWebhookEvent =
  | { type: 'post_call_transcription'; eventTimestamp: number; conversation: VoiceConversation }
  | { type: 'call_initiation_failure'; eventTimestamp: number; conversationId: string; agentId: string; failureReason: string; dynamicVariables: Record<string, unknown> }
  | { type: 'post_call_audio'; eventTimestamp: number; conversationId: string; agentId: string; audioBase64: string };

export interface VoiceProvider {
  startOutboundCall(req: OutboundCallRequest): Promise<OutboundCallResult>;
  getConversation(conversationId: string): Promise<VoiceConversation>;
}

export class VoiceError extends ProviderError {
  override readonly name = 'VoiceError';
  constructor(message: string, opts: { kind: ProviderFailureKind; status: number | null; retryAfterSeconds?: number | null; retryable?: boolean; cause?: unknown }) {
    super(message, { provider: 'voice', ...opts });
  }
}
