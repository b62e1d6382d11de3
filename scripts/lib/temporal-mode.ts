// TEMPORAL_MODE picks the Temporal server `npm start` (and `npm run bench -- --temporal …`) uses:
//   dev      the CLI's dev server (SQLite), the default;
//   cluster  the real server on PostgreSQL (scripts/lib/temporal-cluster.ts), with its Web UI;
//   external TEMPORAL_ADDRESS (also implied when TEMPORAL_ADDRESS is set without a mode).
export type TemporalMode = 'dev' | 'cluster' | 'external';
const MODES: readonly TemporalMode[] = ['dev', 'cluster', 'external'];

export function temporalModeFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalMode {
  const raw = env.TEMPORAL_MODE?.trim();
  if (!raw) return env.TEMPORAL_ADDRESS ? 'external' : 'dev';
  if (!(MODES as readonly string[]).includes(raw)) throw new Error(`TEMPORAL_MODE must be one of ${MODES.join(', ')} (got "${raw}")`);
  if (raw === 'external' && !env.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_MODE=external needs TEMPORAL_ADDRESS');
  if (raw !== 'external' && env.TEMPORAL_ADDRESS) throw new Error(`TEMPORAL_ADDRESS is set, so TEMPORAL_MODE=${raw} would be ignored; unset one of them`);
  return raw as TemporalMode;
}
