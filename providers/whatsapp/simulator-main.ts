// Runs the WhatsApp simulator on its own (for `npm start`): settings from the environment, its
// base URL on stdout. With WHATSAPP_WEBHOOK_URL set, every send is followed by signed "sent"
// and "delivered" status webhooks posted there.
import { z } from 'zod';
import { closeOnSignals, simEnvOrExit, simHost, simPort } from '../lib/sim-env.js';
import { startWhatsAppSimulator } from './simulator.js';

const EnvSchema = z.object({
  WHATSAPP_SIM_PORT: simPort(0),
  WHATSAPP_SIM_HOST: simHost(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().min(1).default('100000000000001'),
  WHATSAPP_TOKEN: z.string().min(8).default('dev-whatsapp-access-token'),
  WHATSAPP_APP_SECRET: z.string().min(8).default('dev-whatsapp-app-secret'),
  WHATSAPP_WEBHOOK_URL: z.url().optional(),
  /** Comma-separated statuses to post after each send. */
  WHATSAPP_SIM_AUTO_STATUSES: z
    .string()
    .default('sent,delivered')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['sent', 'delivered', 'read', 'failed']))),
});

const env = simEnvOrExit(EnvSchema);

const sim = await startWhatsAppSimulator({
  port: env.WHATSAPP_SIM_PORT,
  host: env.WHATSAPP_SIM_HOST,
  phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
  token: env.WHATSAPP_TOKEN,
  appSecret: env.WHATSAPP_APP_SECRET,
  webhookUrl: env.WHATSAPP_WEBHOOK_URL,
  autoStatuses: env.WHATSAPP_WEBHOOK_URL ? env.WHATSAPP_SIM_AUTO_STATUSES : undefined,
});
console.log(`whatsapp simulator listening: ${sim.baseUrl} (control API ${sim.origin}/_sim/, status webhooks → ${env.WHATSAPP_WEBHOOK_URL ?? 'none'})`);

closeOnSignals(sim);
