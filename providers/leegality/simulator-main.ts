// Runs the Leegality simulator on its own (for `npm start`): settings from the environment, its
// base URL on stdout. With LEEGALITY_WEBHOOK_URL set, signing (POST /_sim/documents/<id>/sign)
// posts the webhook there.
import { z } from 'zod';
import { closeOnSignals, simEnvOrExit, simHost, simPort } from '../lib/sim-env.js';
import { startLeegalitySimulator } from './simulator.js';

const EnvSchema = z.object({
  LEEGALITY_SIM_PORT: simPort(0),
  LEEGALITY_SIM_HOST: simHost(),
  LEEGALITY_AUTH_TOKEN: z.string().min(8).default('dev-leegality-auth-token'),
  LEEGALITY_PRIVATE_SALT: z.string().min(8).default('dev-leegality-private-salt'),
  LEEGALITY_WEBHOOK_URL: z.url().optional(),
});

const env = simEnvOrExit(EnvSchema);

const sim = await startLeegalitySimulator({
  port: env.LEEGALITY_SIM_PORT,
  host: env.LEEGALITY_SIM_HOST,
  authToken: env.LEEGALITY_AUTH_TOKEN,
  privateSalt: env.LEEGALITY_PRIVATE_SALT,
  webhookUrl: env.LEEGALITY_WEBHOOK_URL,
});
console.log(`leegality simulator listening: ${sim.baseUrl} (control API ${sim.origin}/_sim/, webhooks → ${env.LEEGALITY_WEBHOOK_URL ?? 'none'})`);

closeOnSignals(sim);
