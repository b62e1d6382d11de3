// Runs the Razorpay simulator on its own (for `npm start`): settings from the environment, its
// base URL on stdout. With RAZORPAY_WEBHOOK_URL set, every event is posted there as it happens.
import { z } from 'zod';
import { closeOnSignals, simEnvOrExit, simHost, simPort } from '../lib/sim-env.js';
import { startRazorpaySimulator } from './simulator.js';

const EnvSchema = z.object({
  RAZORPAY_SIM_PORT: simPort(0),
  RAZORPAY_SIM_HOST: simHost(),
  RAZORPAY_KEY_ID: z
    .string()
    .min(1)
    .default('rzp_test_simulator')
    .refine((v) => !v.startsWith('rzp_live_'), { message: 'a live key must never be sent to the simulator' }),
  RAZORPAY_KEY_SECRET: z.string().min(8).default('dev-razorpay-key-secret'),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(8).default('dev-razorpay-webhook-secret'),
  RAZORPAY_WEBHOOK_URL: z.url().optional(),
});

const env = simEnvOrExit(EnvSchema);

const sim = await startRazorpaySimulator({
  port: env.RAZORPAY_SIM_PORT,
  host: env.RAZORPAY_SIM_HOST,
  keyId: env.RAZORPAY_KEY_ID,
  keySecret: env.RAZORPAY_KEY_SECRET,
  webhookSecret: env.RAZORPAY_WEBHOOK_SECRET,
  webhookUrl: env.RAZORPAY_WEBHOOK_URL,
  autoDeliverWebhooks: env.RAZORPAY_WEBHOOK_URL !== undefined,
});
console.log(`razorpay simulator listening: ${sim.baseUrl} (control API ${sim.origin}/_sim/, webhooks → ${env.RAZORPAY_WEBHOOK_URL ?? 'none'})`);

closeOnSignals(sim);
