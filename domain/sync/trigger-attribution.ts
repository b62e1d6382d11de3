// Who started a sync run. Every run is an action of the config's Schedule (a "run now" is the
// Schedule's trigger, a backfill its backfill), and a Schedule action always passes the args the
// Schedule stores, so the run cannot be told by its input. The admin API records the intent on the
// config row instead, under the same lock as the Schedule call, and the run's first step reads it:
// - BACKFILL: the run's scheduled time (TemporalScheduledStartTime) lies inside the last backfill's
//   window, and it started well after that time (a backfilled action is scheduled in the past);
// - MANUAL: a "run now" was asked shortly before this run started (the request is claimed, so
//   only one run takes it; a trigger Temporal skipped leaves one that goes stale);
// - otherwise SCHEDULED. Pure.
import { z } from 'zod';

export const SYNC_TRIGGERS = ['SCHEDULED', 'MANUAL', 'WEBHOOK', 'BACKFILL'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

export const manualRunRequestSchema = z.object({ byId: z.string().nullable(), at: z.string().datetime() });
export type ManualRunRequest = z.infer<typeof manualRunRequestSchema>;
export const backfillRequestSchema = z.object({ byId: z.string().nullable(), at: z.string().datetime(), from: z.string().datetime(), to: z.string().datetime() });
export type BackfillRequest = z.infer<typeof backfillRequestSchema>;

/** A backfilled action starts at least this long after its scheduled time (a live action starts within seconds, plus jitter). */
export const BACKFILL_LATENESS_MS = 60_000;
/** A "run now" is claimed by a run starting from this long before it (clock skew between the api and Temporal) … */
export const MANUAL_SKEW_MS = 30_000;
/** … to this long after it (a trigger Temporal skipped must not be taken by the next scheduled run). */
export const MANUAL_CLAIM_MS = 5 * 60_000;

export interface RunTiming {
  /** When the workflow started (workflowInfo().startTime). */
  startedAt: Date;
  /** The action's scheduled time (TemporalScheduledStartTime); absent for a run not started by a Schedule. */
  scheduledAt?: Date | undefined;
}

export interface Attribution {
  trigger: SyncTrigger;
  triggeredById: string | null;
  /** The manual request was taken by this run: clear it. */
  claimsManual: boolean;
}

/** Reads a stored request; a malformed one (written by hand) counts as none. */
function parsed<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}

export function attributeRun(timing: RunTiming, stored: { manualRunRequest: unknown; backfillRequest: unknown }): Attribution {
  const started = timing.startedAt.getTime();
  const backfill = parsed(backfillRequestSchema, stored.backfillRequest);
  if (backfill && timing.scheduledAt) {
    const scheduled = timing.scheduledAt.getTime();
    const inWindow = scheduled >= Date.parse(backfill.from) && scheduled <= Date.parse(backfill.to);
    if (inWindow && started - scheduled >= BACKFILL_LATENESS_MS && started >= Date.parse(backfill.at) - MANUAL_SKEW_MS) {
      return { trigger: 'BACKFILL', triggeredById: backfill.byId, claimsManual: false };
    }
  }
  const manual = parsed(manualRunRequestSchema, stored.manualRunRequest);
  if (manual) {
    const at = Date.parse(manual.at);
    if (started >= at - MANUAL_SKEW_MS && started <= at + MANUAL_CLAIM_MS) return { trigger: 'MANUAL', triggeredById: manual.byId, claimsManual: true };
  }
  return { trigger: 'SCHEDULED', triggeredById: null, claimsManual: false };
}
