// Runs the Mr Test simulator on its own (for `npm start`): settings from the environment, its
// base URL on stdout. Sync credentials for it: baseUrl as printed, client id and secret below.
import { z } from 'zod';
import { closeOnSignals, simEnvOrExit, simHost, simPort } from '../lib/sim-env.js';
import { MRTEST_SIM_CLIENT, startMrTestSimulator } from './simulator.js';

const EnvSchema = z.object({
  MRTEST_SIM_PORT: simPort(0),
  MRTEST_SIM_HOST: simHost(),
  MRTEST_SIM_CLIENT_ID: z.string().min(1).default(MRTEST_SIM_CLIENT.clientId),
  MRTEST_SIM_CLIENT_SECRET: z.string().min(8).default(MRTEST_SIM_CLIENT.clientSecret),
  MRTEST_SIM_STUDENTS: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
  MRTEST_SIM_EXAMS: z.coerce.number().int().min(1).max(100_000).default(50),
  MRTEST_SIM_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  MRTEST_SIM_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).max(100_000).default(50),
});

const env = simEnvOrExit(EnvSchema);
const sim = await startMrTestSimulator({
  port: env.MRTEST_SIM_PORT,
  host: env.MRTEST_SIM_HOST,
  clients: [{ clientId: env.MRTEST_SIM_CLIENT_ID, clientSecret: env.MRTEST_SIM_CLIENT_SECRET }],
  students: env.MRTEST_SIM_STUDENTS,
  exams: env.MRTEST_SIM_EXAMS,
  tokenTtlSeconds: env.MRTEST_SIM_TOKEN_TTL_SECONDS,
  rateLimitPerSecond: env.MRTEST_SIM_RATE_LIMIT_PER_SECOND,
});
console.log(`mrtest simulator listening: ${sim.baseUrl} (${env.MRTEST_SIM_STUDENTS} students, client ${env.MRTEST_SIM_CLIENT_ID}; control API ${sim.origin}/_sim/)`);
closeOnSignals(sim);
