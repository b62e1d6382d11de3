// Runs the Mr Learn simulator on its own (for `npm start`): settings from the environment, its
// base URL on stdout. Sync credentials for it: baseUrl as printed, client id and secret below.
import { z } from 'zod';
import { closeOnSignals, simEnvOrExit, simHost, simPort } from '../lib/sim-env.js';
import { MRLEARN_SIM_CLIENT, MRLEARN_SIM_DEFAULTS, startMrLearnSimulator } from './simulator.js';

const EnvSchema = z.object({
  MRLEARN_SIM_PORT: simPort(0),
  MRLEARN_SIM_HOST: simHost(),
  MRLEARN_SIM_CLIENT_ID: z.string().min(1).default(MRLEARN_SIM_CLIENT.clientId),
  MRLEARN_SIM_CLIENT_SECRET: z.string().min(8).default(MRLEARN_SIM_CLIENT.clientSecret),
  MRLEARN_SIM_LEARNERS: z.coerce.number().int().min(1).max(10_000_000).default(MRLEARN_SIM_DEFAULTS.learners),
  MRLEARN_SIM_COURSES: z.coerce.number().int().min(1).max(100_000).default(MRLEARN_SIM_DEFAULTS.courses),
  MRLEARN_SIM_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  MRLEARN_SIM_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).max(100_000).default(50),
});

const env = simEnvOrExit(EnvSchema);
const sim = await startMrLearnSimulator({
  port: env.MRLEARN_SIM_PORT,
  host: env.MRLEARN_SIM_HOST,
  clients: [{ clientId: env.MRLEARN_SIM_CLIENT_ID, clientSecret: env.MRLEARN_SIM_CLIENT_SECRET }],
  learners: env.MRLEARN_SIM_LEARNERS,
  courses: env.MRLEARN_SIM_COURSES,
  tokenTtlSeconds: env.MRLEARN_SIM_TOKEN_TTL_SECONDS,
  rateLimitPerSecond: env.MRLEARN_SIM_RATE_LIMIT_PER_SECOND,
});
console.log(`mrlearn simulator listening: ${sim.baseUrl} (${env.MRLEARN_SIM_LEARNERS} learners, client ${env.MRLEARN_SIM_CLIENT_ID}; control API ${sim.origin}/_sim/)`);
closeOnSignals(sim);
