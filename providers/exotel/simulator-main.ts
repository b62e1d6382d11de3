// Runs the Exotel simulator on its own (for `npm start`): settings from the environment, its
// origin on stdout. Callbacks are posted to the StatusCallback URL of each call as they
// happen, and (unless EXOTEL_SIM_AUTOPLAY=0) each new call answers and completes by itself.
import { z } from 'zod';
import { closeOnSignals, simEnvOrExit, simHost, simPort } from '../lib/sim-env.js';
import { startExotelSimulator } from './simulator.js';

const EnvSchema = z.object({
  EXOTEL_SIM_PORT: simPort(0),
  EXOTEL_SIM_HOST: simHost(),
  EXOTEL_ACCOUNT_SID: z.string().min(1).default('mas-dev'),
  EXOTEL_API_KEY: z.string().min(1).default('dev-exotel-api-key'),
  EXOTEL_API_TOKEN: z.string().min(1).default('dev-exotel-api-token'),
  EXOTEL_SIM_FIGURES_DELAY_MS: z.coerce.number().int().min(0).default(5_000),
  EXOTEL_SIM_AUTOPLAY: z.enum(['0', '1']).default('1'),
});

const env = simEnvOrExit(EnvSchema);

const sim = await startExotelSimulator({
  port: env.EXOTEL_SIM_PORT,
  host: env.EXOTEL_SIM_HOST,
  accountSid: env.EXOTEL_ACCOUNT_SID,
  apiKey: env.EXOTEL_API_KEY,
  apiToken: env.EXOTEL_API_TOKEN,
  figuresDelayMs: env.EXOTEL_SIM_FIGURES_DELAY_MS,
  autoDeliverCallbacks: true,
  ...(env.EXOTEL_SIM_AUTOPLAY === '1' ? { autoPlay: { answerAfterMs: 3_000, talkMs: 20_000 } } : {}),
});
console.log(`exotel simulator listening: ${sim.origin}/v1/Accounts/${sim.accountSid}/ (control API ${sim.origin}/_sim/)`);

closeOnSignals(sim);
