// Voice AI: the one place that builds the provider from config. `sim` and `live` run the real
// client (sim points it at the local simulator and refuses the vendor's API); `off` refuses
// every call with a non-retryable VoiceError, for deployments without a voice agent.
import { createVoiceClient, VOICE_LIVE_BASE_URL } from './client.js';
import { VoiceError, type VoiceProvider } from './interface.js';

export * from './interface.js';
export { createVoiceClient, DEFAULT_OUTBOUND_CALL_PATH, outboundCallBody, VOICE_LIVE_BASE_URL, type VoiceClientOptions } from './client.js';
export { checkVoiceSignature, signVoiceWebhook, verifyVoiceWebhook, VOICE_SIGNATURE_FUTURE_SECONDS, type VoiceSignatureCheck } from './signatures.js';
export { failureOutcome, parseVoiceWebhook, readVoiceWebhook, type ParsedVoiceWebhook, type ReadVoiceWebhook } from './webhooks.js';

export interface VoiceConfig {
  mode: 'sim' | 'live' | 'off';
  /** Required in sim mode (the simulator's origin); defaults to https://api.elevenlabs.io in live mode. */
  baseUrl?: string;
  apiKey: string;
  /** Default /v1/convai/twilio/outbound-call. */
  outboundCallPath?: string;
  timeoutMs?: number;
}

export function createVoice(config: VoiceConfig): VoiceProvider {
  if (config.mode === 'off') return disabledVoice();
  const baseUrl = config.baseUrl ?? (config.mode === 'live' ? VOICE_LIVE_BASE_URL : undefined);
  if (!baseUrl) throw new Error('Voice sim mode needs the simulator baseUrl');
  if (config.mode === 'live' && !baseUrl.startsWith('https://')) throw new Error('Voice live mode needs an https baseUrl');
  if (config.mode === 'sim' && new URL(baseUrl).hostname === new URL(VOICE_LIVE_BASE_URL).hostname) throw new Error('Refusing to point voice sim mode at the live ElevenLabs API');
  return createVoiceClient({ baseUrl, apiKey: config.apiKey, outboundCallPath: config.outboundCallPath, timeoutMs: config.timeoutMs });
}

export function disabledVoice(): VoiceProvider {
  const off = () => Promise.reject(new VoiceError('Voice AI is off (VOICE_MODE=off)', { kind: 'invalid_request', status: null, retryable: false }));
  return { startOutboundCall: off, getConversation: off };
}
