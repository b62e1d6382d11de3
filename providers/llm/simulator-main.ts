// Runs the LLM simulator on its own (for `npm start`): settings from the environment, its base
// URL on stdout. Answers are deterministic per input and valid against the requested schema;
// scripts go to POST /_sim/scripts.
import { z } from 'zod';
import { closeOnSignals, simEnvOrExit, simHost, simPort } from '../lib/sim-env.js';
import { startLlmSimulator } from './simulator.js';

const EnvSchema = z.object({
  LLM_SIM_PORT: simPort(0),
  LLM_SIM_HOST: simHost(),
  LLM_API_KEY: z.string().min(8).default('dev-llm-api-key'),
  LLM_SIM_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(100_000),
});

const env = simEnvOrExit(EnvSchema);

const sim = await startLlmSimulator({ port: env.LLM_SIM_PORT, host: env.LLM_SIM_HOST, apiKey: env.LLM_API_KEY, requestsPerMinute: env.LLM_SIM_REQUESTS_PER_MINUTE });
console.log(`llm simulator listening: ${sim.baseUrl} (control API ${sim.origin}/_sim/)`);

closeOnSignals(sim);
