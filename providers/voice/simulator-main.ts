// Runs the voice-AI simulator on its own (for `npm start`): settings from the environment, its
// origin on stdout. Every outbound call "talks" for VOICE_SIM_CALL_DELAY_MS, then its signed
// post-call webhook goes to VOICE_WEBHOOK_URL (the api's /api/webhooks/voice).
import { z } from 'zod';
import { closeOnSignals, simEnvOrExit, simHost, simPort } from '../lib/sim-env.js';
import { startVoiceSimulator } from './simulator.js';

const EnvSchema = z.object({
  VOICE_SIM_PORT: simPort(0),
  VOICE_SIM_HOST: simHost(),
  VOICE_API_KEY: z.string().min(8).default('dev-voice-api-key'),
  VOICE_WEBHOOK_SECRET: z.string().min(8).default('dev-voice-webhook-secret'),
  VOICE_WEBHOOK_URL: z.url().optional(),
  VOICE_OUTBOUND_CALL_PATH: z.string().startsWith('/').optional(),
  VOICE_SIM_CALL_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(3_000),
});

const env = simEnvOrExit(EnvSchema);

const sim = await startVoiceSimulator({
  port: env.VOICE_SIM_PORT,
  host: env.VOICE_SIM_HOST,
  apiKey: env.VOICE_API_KEY,
  webhookSecret: env.VOICE_WEBHOOK_SECRET,
  webhookUrl: env.VOICE_WEBHOOK_URL,
  outboundCallPath: env.VOICE_OUTBOUND_CALL_PATH,
  callDelayMs: env.VOICE_SIM_CALL_DELAY_MS,
});
console.log(`voice simulator listening: ${sim.origin} (control API ${sim.origin}/_sim/, post-call webhooks → ${env.VOICE_WEBHOOK_URL ?? 'held'})`);

closeOnSignals(sim);
