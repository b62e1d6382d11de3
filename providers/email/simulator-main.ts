// Runs the email simulator on its own (for `npm start`): an SMTP server that keeps what it is
// sent, and its control API; both addresses on stdout.
import { z } from 'zod';
import { startEmailSimulator } from './simulator.js';

const EnvSchema = z.object({
  EMAIL_SIM_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  EMAIL_SIM_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(4050),
  EMAIL_SIM_HOST: z.string().default('127.0.0.1'),
});

const parsed = EnvSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(`Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  process.exit(2);
}
const env = parsed.data;

const sim = await startEmailSimulator({ smtpPort: env.EMAIL_SIM_SMTP_PORT, httpPort: env.EMAIL_SIM_HTTP_PORT, host: env.EMAIL_SIM_HOST });
console.log(`email simulator listening: ${sim.smtpUrl} (captured mail: ${sim.origin}/_sim/messages)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sim.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
