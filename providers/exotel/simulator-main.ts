// Runs the Exotel simulator on its own (for `npm start`): settings from the environment, its
// origin on stdout. Callbacks are posted to the StatusCallback URL of each call as they
// happen, and (unless EXOTEL_SIM_AUTOPLAY=0) each new call answers and completes by itself.
import { z } from 'zod';
import { startExotelSimulator } from './simulator.js';

const EnvSchema = z.object({
  EXOTEL_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  EXOTEL_SIM_HOST: z.string().default('127.0.0.1'),
  EXOTEL_ACCOUNT_SID: z.string().min(1).default('mas-dev'),
  EXOTEL_API_KEY: z.string().min(1).default('dev-exotel-api-key'),
  EXOTEL_API_TOKEN: z.string().min(1).default('dev-exotel-api-token'),
  EXOTEL_SIM_FIGURES_DELAY_MS: z.coerce.number().int().min(0).default(5_000),
  EXOTEL_SIM_AUTOPLAY: z.enum(['0', '1']).default('1'),
});

const parsed = EnvSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(`Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  process.exit(2);
}
const env = parsed.data;

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

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sim.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
