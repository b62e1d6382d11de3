// The voice-AI provider from config: the real client, pointed at the local simulator in sim mode
// (the default for npm start and tests) or at ElevenLabs in live mode; `off` refuses calls.
// voiceApiConfig() is what the api's webhook route checks against (a null secret refuses all).
import { createVoice, type VoiceProvider } from '../providers/voice/index.js';
import type { Config } from './env.js';

export function voiceFromConfig(config: Config): VoiceProvider {
  const baseUrl = config.VOICE_BASE_URL ?? (config.VOICE_MODE === 'sim' ? `http://127.0.0.1:${config.VOICE_SIM_PORT}` : undefined);
  return createVoice({ mode: config.VOICE_MODE, ...(baseUrl ? { baseUrl } : {}), apiKey: config.VOICE_API_KEY, outboundCallPath: config.VOICE_OUTBOUND_CALL_PATH, timeoutMs: 15_000 });
}

/** The agent an outbound interview call uses (ActivityDeps.voiceAgent). */
export function voiceAgentConfig(config: Config): { agentId: string; agentPhoneNumberId: string } {
  return { agentId: config.VOICE_AGENT_ID, agentPhoneNumberId: config.VOICE_AGENT_PHONE_NUMBER_ID };
}

/** ServiceDeps.config.voice: the webhook secret is null when voice is off. */
export function voiceApiConfig(config: Config): { agentId: string; agentPhoneNumberId: string; webhookSecret: string | null } {
  return { ...voiceAgentConfig(config), webhookSecret: config.VOICE_MODE === 'off' ? null : config.VOICE_WEBHOOK_SECRET };
}
