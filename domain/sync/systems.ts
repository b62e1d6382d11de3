// The two learning systems we sync from (Mr Learn, Mr Test): their resources in sync order,
// the Schedule and workflow ids of a sync config, and the checks on a config's timing. Pure.

export const SYNC_SYSTEMS = ['mrlearn', 'mrtest'] as const;
export type SyncSystem = (typeof SYNC_SYSTEMS)[number];

export interface SyncSystemInfo {
  system: SyncSystem;
  /** Human name: "Mr Learn". */
  label: string;
  /** The workflow type each Schedule starts. */
  workflowType: string;
  /** MasEntityType of its runs. */
  entityType: string;
  /** Every resource, in the order a run syncs them (parents before the rows that point at them). */
  resources: readonly string[];
}

export const SYNC_SYSTEM_INFO: Record<SyncSystem, SyncSystemInfo> = {
  mrlearn: { system: 'mrlearn', label: 'Mr Learn', workflowType: 'mrLearnSync', entityType: 'mrlearn_sync', resources: ['courses', 'learners', 'learner_reports'] },
  mrtest: { system: 'mrtest', label: 'Mr Test', workflowType: 'mrTestSync', entityType: 'mrtest_sync', resources: ['online_exams', 'students', 'submissions', 'submission_reports'] },
};

/** The Schedule of a config, and the workflow id prefix of its runs (Temporal appends the scheduled time). */
export const syncScheduleId = (system: SyncSystem, configId: string) => `sync/${system}/${configId}`;

/** The config's resources in sync order; an empty list means all of them. */
export function orderedResources(system: SyncSystem, chosen: readonly string[]): string[] {
  const all = SYNC_SYSTEM_INFO[system].resources;
  return chosen.length === 0 ? [...all] : all.filter((r) => chosen.includes(r));
}

/** What is wrong with a resource list, or null. */
export function resourcesProblem(system: SyncSystem, chosen: readonly string[]): string | null {
  const all = SYNC_SYSTEM_INFO[system].resources;
  const unknown = chosen.filter((r) => !all.includes(r));
  if (unknown.length) return `unknown resource ${unknown.join(', ')}; ${SYNC_SYSTEM_INFO[system].label} has ${all.join(', ')}`;
  return null;
}

/** Five cron fields (minute hour day-of-month month day-of-week) of digits, names, * , - / ; or null when fine. */
export function cronProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return 'a cron expression has five fields: minute hour day-of-month month day-of-week';
  if (!fields.every((f) => /^[0-9A-Za-z*,/\-?]+$/.test(f))) return 'a cron field holds digits, names and * , - / only';
  return null;
}

/** The watermarks a run advances: resource → the newest updated_at seen (ISO), stored as JSON in sync_configs.lastCursor. */
export type SyncWatermarks = Record<string, string>;

export function parseWatermarks(lastCursor: string | null): SyncWatermarks {
  if (!lastCursor) return {};
  try {
    const v = JSON.parse(lastCursor) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}
