// Runs the email simulator on its own (for `npm start`): an SMTP server that keeps what it is
// sent, and its control API; both addresses on stdout.
import { z } from 'zod';
import { closeOnSignals, simEnvOrExit, simHost, simPort } from '../lib/sim-env.js';
import { startEmailSimulator } from './simulator.js';

const EnvSchema = z.object({
  EMAIL_SIM_SMTP_PORT: simPort(2525),
  EMAIL_SIM_HTTP_PORT: simPort(4050),
  EMAIL_SIM_HOST: simHost(),
});

const env = simEnvOrExit(EnvSchema);

const sim = await startEmailSimulator({ smtpPort: env.EMAIL_SIM_SMTP_PORT, httpPort: env.EMAIL_SIM_HTTP_PORT, host: env.EMAIL_SIM_HOST });
console.log(`email simulator listening: ${sim.smtpUrl} (captured mail: ${sim.origin}/_sim/messages)`);

closeOnSignals(sim);
