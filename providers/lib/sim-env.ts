// What every simulator main (`*-main.ts`, run by `npm start`) shares: its settings parsed from
// the environment with zod once (a bad value stops it with every problem listed), and a clean
// close on SIGINT/SIGTERM.
import { z } from 'zod';

/** A listening port; 0 lets the OS pick. */
export const simPort = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
export const simHost = () => z.string().default('127.0.0.1');

/** The parsed settings, or every problem, one per line. */
export function readSimEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): { ok: true; env: z.infer<S> } | { ok: false; message: string } {
  const parsed = schema.safeParse(env);
  if (parsed.success) return { ok: true, env: parsed.data };
  return { ok: false, message: `Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}` };
}

/** readSimEnv over process.env; exits with status 2 when it is invalid. */
export function simEnvOrExit<S extends z.ZodType>(schema: S): z.infer<S> {
  const result = readSimEnv(schema, process.env);
  if (result.ok) return result.env;
  console.error(result.message);
  process.exit(2);
}

/** Closes the simulator on SIGINT/SIGTERM; exits anyway after graceMs. */
export function closeOnSignals(sim: { close(): Promise<void> }, graceMs = 5_000): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void sim.close().then(() => process.exit(0));
      setTimeout(() => process.exit(0), graceMs).unref();
    });
  }
}
