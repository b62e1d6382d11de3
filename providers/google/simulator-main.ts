// Runs the Google simulator on its own (for `npm start`): settings from the environment, its
// origin on stdout (the auth, token and Calendar base URL alike).
import { z } from 'zod';
import { closeOnSignals, simEnvOrExit, simHost, simPort } from '../lib/sim-env.js';
import { startGoogleSimulator } from './simulator.js';

const EnvSchema = z.object({
  GOOGLE_SIM_PORT: simPort(0),
  GOOGLE_SIM_HOST: simHost(),
  GOOGLE_CLIENT_ID: z.string().min(1).default('dev-google-client-id.apps.googleusercontent.com'),
  GOOGLE_CLIENT_SECRET: z.string().min(8).default('dev-google-client-secret'),
});

const env = simEnvOrExit(EnvSchema);

const sim = await startGoogleSimulator({ port: env.GOOGLE_SIM_PORT, host: env.GOOGLE_SIM_HOST, clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET });
console.log(`google simulator listening: ${sim.origin} (consent ${sim.origin}/o/oauth2/v2/auth, control API ${sim.origin}/_sim/)`);

closeOnSignals(sim);
