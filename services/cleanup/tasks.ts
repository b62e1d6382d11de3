// The daily cleanup tasks (issue 15). Each task is one WHERE over one table: a dry run counts it,
// a real run changes it in batches (one short statement per batch), so both see the same rows
// and a second real run finds nothing left to change.
import { Prisma } from '../../prisma/generated/client.js';
import { slotLifecycle } from '../../domain/slot/status.js';
import { meetingRecordingLifecycle } from '../../domain/meeting-recording/status.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';

export const CLEANUP_TASKS = ['expire-tentative-slots', 'prune-crm-trigger-outbox', 'prune-meeting-action-tokens', 'prune-refresh-tokens', 'sweep-stale-recordings', 'trim-rate-limit-buckets'] as const;
export type CleanupTaskName = (typeof CLEANUP_TASKS)[number];

export interface CleanupSettings {
  /** Dispatched CRM trigger events are kept this long (default 30). */
  outboxRetentionDays: number;
  /** Refresh tokens expired or revoked longer than this are deleted (default 7). */
  refreshTokenRetentionDays: number;
  /** A recording still RECORDING this long after it started is FAILED (default 24). */
  recordingGraceHours: number;
  /** Rows per statement of a real run (default 5000). */
  batchSize: number;
}
export const DEFAULT_CLEANUP_SETTINGS: CleanupSettings = { outboxRetentionDays: 30, refreshTokenRetentionDays: 7, recordingGraceHours: 24, batchSize: 5000 };

export interface CleanupInput {
  dryRun: boolean;
  now: Date;
  /** Rows an earlier attempt of this task already changed (its last heartbeat), so a retry's counts add up. */
  alreadyChanged?: number;
}
export interface CleanupResult {
  task: CleanupTaskName;
  matched: number;
  changed: number;
}

// A stale tentative slot can only end CANCELLED (there is no EXPIRED state); a recording left
// RECORDING can only end FAILED. Checked once here against the domain lifecycles.
slotLifecycle.assertTransition('TENTATIVE', 'CANCELLED');
meetingRecordingLifecycle.assertTransition('RECORDING', 'FAILED');

interface TaskDef {
  description: string;
  table: Prisma.Sql;
  key: Prisma.Sql;
  where(now: Date, s: CleanupSettings): Prisma.Sql;
  /** UPDATE … SET clause; absent: the rows are deleted. */
  set?(now: Date): Prisma.Sql;
}

const days = (n: number) => n * 86_400_000;

export const TASK_DEFS: Record<CleanupTaskName, TaskDef> = {
  'expire-tentative-slots': {
    description: 'Slots still TENTATIVE (never booked) whose end time has passed become CANCELLED',
    table: Prisma.sql`"public"."slots"`,
    key: Prisma.sql`"id"`,
    where: (now) => Prisma.sql`"status" = 'TENTATIVE' AND "endDateTime" < ${now}`,
    set: (now) => Prisma.sql`"status" = 'CANCELLED', "updatedAt" = ${now}`,
  },
  'prune-crm-trigger-outbox': {
    description: 'Deletes dispatched CRM trigger-outbox events older than the retention (CLEANUP_OUTBOX_RETENTION_DAYS)',
    table: Prisma.sql`"mas_crm"."trigger_events"`,
    key: Prisma.sql`"id"`,
    where: (now, s) => Prisma.sql`"dispatched_at" IS NOT NULL AND "dispatched_at" < ${new Date(now.getTime() - days(s.outboxRetentionDays))}`,
  },
  'prune-meeting-action-tokens': {
    description: 'Deletes meeting-action tokens (email links) past their expiry',
    table: Prisma.sql`"public"."meeting_action_tokens"`,
    key: Prisma.sql`"id"`,
    where: (now) => Prisma.sql`"expiresAt" < ${now}`,
  },
  'prune-refresh-tokens': {
    description: 'Deletes refresh tokens expired or revoked longer ago than the retention (CLEANUP_REFRESH_TOKEN_RETENTION_DAYS)',
    table: Prisma.sql`"public"."refresh_tokens"`,
    key: Prisma.sql`"id"`,
    where: (now, s) => {
      const cutoff = new Date(now.getTime() - days(s.refreshTokenRetentionDays));
      return Prisma.sql`("expiresAt" < ${cutoff} OR "revokedAt" < ${cutoff})`;
    },
  },
  'sweep-stale-recordings': {
    description: 'Recordings left RECORDING past the grace period (CLEANUP_RECORDING_GRACE_HOURS) become FAILED',
    table: Prisma.sql`"public"."meeting_recordings"`,
    key: Prisma.sql`"id"`,
    where: (now, s) => Prisma.sql`"status" = 'RECORDING' AND COALESCE("startedAt", "createdAt") < ${new Date(now.getTime() - s.recordingGraceHours * 3_600_000)}`,
    set: (now) => Prisma.sql`"status" = 'FAILED', "failureReason" = 'abandoned: still RECORDING after the grace period', "updatedAt" = ${now}`,
  },
  'trim-rate-limit-buckets': {
    description: 'Deletes rate-limit buckets whose window is over',
    table: Prisma.sql`"public"."rate_limit_buckets"`,
    key: Prisma.sql`"key"`,
    where: (now) => Prisma.sql`"resetAt" < ${now}`,
  },
};

export function isCleanupTask(name: string): name is CleanupTaskName {
  return (CLEANUP_TASKS as readonly string[]).includes(name);
}

export function listCleanupTasks() {
  return CLEANUP_TASKS.map((task) => ({ task, description: TASK_DEFS[task].description }));
}

/**
 * Runs (or, with dryRun, only counts) one task. matched is the count under the task's WHERE at
 * the start; changed is what the batches changed (0 for a dry run).
 */
export async function runCleanupTask(
  deps: { db: Db },
  task: string,
  input: CleanupInput,
  settings: Partial<CleanupSettings> = {},
  onBatch?: (changedSoFar: number) => void,
): Promise<CleanupResult> {
  if (!isCleanupTask(task)) throw new DomainError('NOT_FOUND', `No cleanup task ${task}`);
  const s = { ...DEFAULT_CLEANUP_SETTINGS, ...settings };
  const def = TASK_DEFS[task];
  const where = def.where(input.now, s);
  const [row] = await deps.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ${def.table} WHERE ${where}`;
  const prior = input.dryRun ? 0 : (input.alreadyChanged ?? 0);
  const matched = Number(row?.n ?? 0) + prior;
  if (input.dryRun || matched === prior) return { task, matched, changed: prior };
  let changed = prior;
  for (;;) {
    const pick = Prisma.sql`SELECT ${def.key} FROM ${def.table} WHERE ${where} LIMIT ${s.batchSize} FOR UPDATE SKIP LOCKED`;
    const n = def.set
      ? await deps.db.$executeRaw`UPDATE ${def.table} SET ${def.set(input.now)} WHERE ${def.key} IN (${pick})`
      : await deps.db.$executeRaw`DELETE FROM ${def.table} WHERE ${def.key} IN (${pick})`;
    changed += n;
    onBatch?.(changed);
    if (n < s.batchSize) break;
  }
  return { task, matched, changed };
}
