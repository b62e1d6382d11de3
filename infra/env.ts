// Parses the process environment once, with zod. Everything else receives a typed Config.
import { z } from 'zod';

/** Development Razorpay credentials, shared by the api, the worker and the simulator. */
export const DEV_RAZORPAY = { keyId: 'rzp_test_devkey000000', keySecret: 'dev-razorpay-key-secret', webhookSecret: 'dev-razorpay-webhook-secret' } as const;

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('mas-main'),
  MEETING_EVENTS_SECRET: z.string().min(16).default('dev-meeting-events-secret-change-me'),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:5173,http://localhost:3001')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean)),
  JWT_PRIVATE_KEY: z.string().optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
  JWT_ISSUER: z.string().default('mas-platform'),
  JWT_AUDIENCE: z.string().default('mas-api'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  DEFAULT_PLATFORM: z.string().default('mr-mentor'),
  RAZORPAY_MODE: z.enum(['sim', 'live']).default('sim'),
  RAZORPAY_BASE_URL: z.string().url().optional(),
  RAZORPAY_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  RAZORPAY_KEY_ID: z.string().default(DEV_RAZORPAY.keyId),
  RAZORPAY_KEY_SECRET: z.string().min(8).default(DEV_RAZORPAY.keySecret),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(8).default(DEV_RAZORPAY.webhookSecret),
  PURCHASE_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(86_400).default(900),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).default(50),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(1).default(50),
});

export type Config = z.infer<typeof EnvSchema> & { DATABASE_URL: string };

/** Parses env; DATABASE_URL must be resolved by the caller (embedded default) when absent. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  if (!parsed.data.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it to the embedded PostgreSQL)');
  if (parsed.data.NODE_ENV === 'production' && parsed.data.MEETING_EVENTS_SECRET.startsWith('dev-')) {
    throw new Error('MEETING_EVENTS_SECRET must be set in production');
  }
  if (parsed.data.NODE_ENV === 'production' && !(parsed.data.JWT_PRIVATE_KEY && parsed.data.JWT_PUBLIC_KEY)) {
    throw new Error('JWT_PRIVATE_KEY and JWT_PUBLIC_KEY (Ed25519 PEM) must be set in production');
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.RAZORPAY_MODE === 'sim') {
    throw new Error('RAZORPAY_MODE=sim is for development; set RAZORPAY_MODE=live and the Razorpay keys in production');
  }
  return parsed.data as Config;
}
