// The capacity model (issue 18): what each business process costs Temporal, counted from the
// recorded histories in test/replay/histories, multiplied by stated volumes. Pure: it reads
// nothing itself (scripts/capacity.ts loads the files), so the counter is unit-tested on
// synthetic histories. docs/capacity.md explains every rule and constant used here.

// ---------------------------------------------------------------------------------------------
// History events

/** One event of a Temporal history as `historyToJSON` writes it (proto3 JSON). */
export interface HistoryEvent {
  eventId?: string | number;
  /** `EVENT_TYPE_TIMER_STARTED`, `TIMER_STARTED`, `TimerStarted`, or the enum number (17). */
  eventType?: string | number;
  [attributes: string]: unknown;
}

export interface HistoryJson {
  events: HistoryEvent[];
}

/** temporal.api.enums.v1.EventType, number → name (without the EVENT_TYPE_ prefix). */
export const EVENT_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'WORKFLOW_EXECUTION_STARTED',
  2: 'WORKFLOW_EXECUTION_COMPLETED',
  3: 'WORKFLOW_EXECUTION_FAILED',
  4: 'WORKFLOW_EXECUTION_TIMED_OUT',
  5: 'WORKFLOW_TASK_SCHEDULED',
  6: 'WORKFLOW_TASK_STARTED',
  7: 'WORKFLOW_TASK_COMPLETED',
  8: 'WORKFLOW_TASK_TIMED_OUT',
  9: 'WORKFLOW_TASK_FAILED',
  10: 'ACTIVITY_TASK_SCHEDULED',
  11: 'ACTIVITY_TASK_STARTED',
  12: 'ACTIVITY_TASK_COMPLETED',
  13: 'ACTIVITY_TASK_FAILED',
  14: 'ACTIVITY_TASK_TIMED_OUT',
  15: 'ACTIVITY_TASK_CANCEL_REQUESTED',
  16: 'ACTIVITY_TASK_CANCELED',
  17: 'TIMER_STARTED',
  18: 'TIMER_FIRED',
  19: 'TIMER_CANCELED',
  20: 'WORKFLOW_EXECUTION_CANCEL_REQUESTED',
  21: 'WORKFLOW_EXECUTION_CANCELED',
  22: 'REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED',
  23: 'REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED',
  24: 'EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED',
  25: 'MARKER_RECORDED',
  26: 'WORKFLOW_EXECUTION_SIGNALED',
  27: 'WORKFLOW_EXECUTION_TERMINATED',
  28: 'WORKFLOW_EXECUTION_CONTINUED_AS_NEW',
  29: 'START_CHILD_WORKFLOW_EXECUTION_INITIATED',
  30: 'START_CHILD_WORKFLOW_EXECUTION_FAILED',
  31: 'CHILD_WORKFLOW_EXECUTION_STARTED',
  32: 'CHILD_WORKFLOW_EXECUTION_COMPLETED',
  33: 'CHILD_WORKFLOW_EXECUTION_FAILED',
  34: 'CHILD_WORKFLOW_EXECUTION_CANCELED',
  35: 'CHILD_WORKFLOW_EXECUTION_TIMED_OUT',
  36: 'CHILD_WORKFLOW_EXECUTION_TERMINATED',
  37: 'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED',
  38: 'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED',
  39: 'EXTERNAL_WORKFLOW_EXECUTION_SIGNALED',
  40: 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES',
  41: 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED',
  42: 'WORKFLOW_EXECUTION_UPDATE_REJECTED',
  43: 'WORKFLOW_EXECUTION_UPDATE_COMPLETED',
  44: 'WORKFLOW_PROPERTIES_MODIFIED_EXTERNALLY',
  45: 'ACTIVITY_PROPERTIES_MODIFIED_EXTERNALLY',
  46: 'WORKFLOW_PROPERTIES_MODIFIED',
  47: 'WORKFLOW_EXECUTION_UPDATE_ADMITTED',
};

/** The event's type as an upper-snake name without the `EVENT_TYPE_` prefix. */
export function eventTypeName(e: HistoryEvent): string {
  const t = e.eventType;
  if (typeof t === 'number') return EVENT_TYPE_NAMES[t] ?? `UNKNOWN_${t}`;
  if (typeof t !== 'string' || t === '') return 'UNSPECIFIED';
  if (/^\d+$/.test(t)) return EVENT_TYPE_NAMES[Number(t)] ?? `UNKNOWN_${t}`;
  const bare = t.startsWith('EVENT_TYPE_') ? t.slice('EVENT_TYPE_'.length) : t;
  // PascalCase (`TimerStarted`, older tctl JSON) → TIMER_STARTED
  return /[a-z]/.test(bare) ? bare.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase() : bare;
}

type Attrs = Record<string, unknown>;

/** The event's `<type>EventAttributes` object (empty when absent). */
export function eventAttributes(e: HistoryEvent): Attrs {
  for (const [k, v] of Object.entries(e)) if (k.endsWith('EventAttributes') && v && typeof v === 'object') return v as Attrs;
  return {};
}

const obj = (v: unknown): Attrs => (v && typeof v === 'object' ? (v as Attrs) : {});
const num = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : 0);

/** Decodes the first JSON payload of `{ payloads: [{ data: base64 }] }`; undefined if not JSON. */
export function decodePayload(payloads: unknown): unknown {
  const first = (obj(payloads).payloads as unknown[] | undefined)?.[0];
  const data = obj(first).data;
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Counting one history

/** Temporal Cloud billable actions of one history, by the category of docs.temporal.io/cloud/actions. */
export interface ActionBreakdown {
  /** WorkflowExecutionStarted (client start, Continue-As-New's new run, child start) — 1 each. */
  workflowStarted: number;
  /** A Schedule's execution adds 2 actions on top of the start (the run has TemporalScheduledById and was not continued). */
  schedule: number;
  /** ActivityTaskScheduled (1 each) plus every retry (ActivityTaskStarted.attempt − 1). */
  activities: number;
  /** All RecordMarker commands of one workflow task count as one action, plus non-first local-activity attempts from the metering metadata. */
  markers: number;
  /** TimerStarted — 1 each. */
  timers: number;
  /** WorkflowExecutionSignaled — 1 each; a signal-with-start's signal is part of its start's one action. */
  signals: number;
  /** WorkflowExecutionUpdateAccepted — 1 each (a rejected Update is never written to history). */
  updates: number;
  /** UpsertWorkflowSearchAttributes — 1 each, except one that only sets TemporalChangeVersion (exempt). */
  searchAttributeUpserts: number;
  /** StartChildWorkflowExecutionInitiated — 2 each (the intent and the start). */
  childWorkflows: number;
}

export interface HistoryCounts {
  events: number;
  /** Workflow tasks completed (each is one WorkflowTaskScheduled → Started → Completed round trip). */
  workflowTasks: number;
  workflowTasksScheduled: number;
  /** Workflow tasks that failed or timed out (each is a retry of the task). */
  workflowTaskFailures: number;
  activitiesScheduled: number;
  /** Activity attempts: ActivityTaskStarted attempts where visible, else 1 per scheduled activity. */
  activityAttempts: number;
  activitiesFailed: number;
  /** MarkerRecorded with markerName `core_local_activity` (TypeScript SDK): one per local activity. */
  localActivities: number;
  /** All MarkerRecorded events (local activities, patches, side effects…). */
  markers: number;
  /** Workflow tasks that recorded at least one marker (the unit Temporal Cloud bills markers by). */
  workflowTasksWithMarkers: number;
  timersStarted: number;
  timersFired: number;
  signalsReceived: number;
  /** SignalExternalWorkflowExecutionInitiated (billed in the receiver's history, where it is a signal). */
  signalsSent: number;
  signalWithStart: boolean;
  updatesAccepted: number;
  updatesCompleted: number;
  searchAttributeUpserts: number;
  /** Upserts that set only TemporalChangeVersion (patch bookkeeping; no Cloud action). */
  changeVersionUpserts: number;
  childWorkflows: number;
  continueAsNew: number;
  /** Started by a Schedule (not a continued run). */
  scheduled: boolean;
  /** Estimated persistence writes (state transitions) — see stateTransitionRule. */
  stateTransitions: number;
  actions: ActionBreakdown;
  /** Sum of `actions`. */
  billableActions: number;
}

/**
 * Events the History service writes in the same persistence transaction as the event before
 * them: the workflow task scheduled by a start, signal, activity result or timer; and the events
 * a workflow task's completion records (its commands carry `workflowTaskCompletedEventId`; Update
 * acceptance/completion messages ride on the same completion).
 */
function ridesOnPrevious(type: string, a: Attrs): boolean {
  if (type === 'WORKFLOW_TASK_SCHEDULED') return true;
  if (type === 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED' || type === 'WORKFLOW_EXECUTION_UPDATE_COMPLETED' || type === 'WORKFLOW_EXECUTION_UPDATE_REJECTED') return true;
  return a.workflowTaskCompletedEventId !== undefined;
}

export const stateTransitionRule =
  'one per history event, except events written in the same persistence transaction as the event before them: every WorkflowTaskScheduled (it rides on the start, signal, activity result or timer that caused it) and every event recorded by a workflow task completion (commands carrying workflowTaskCompletedEventId, Update accepted/completed). ActivityTaskStarted counts as its own write: the server records the start in mutable state when the task is handed out, even though the event is appended with the result.';

const searchAttributeNames = (a: Attrs): string[] => Object.keys(obj(obj(a.searchAttributes).indexedFields));

export function countHistory(history: HistoryJson): HistoryCounts {
  const events = history.events;
  const c: HistoryCounts = {
    events: events.length,
    workflowTasks: 0,
    workflowTasksScheduled: 0,
    workflowTaskFailures: 0,
    activitiesScheduled: 0,
    activityAttempts: 0,
    activitiesFailed: 0,
    localActivities: 0,
    markers: 0,
    workflowTasksWithMarkers: 0,
    timersStarted: 0,
    timersFired: 0,
    signalsReceived: 0,
    signalsSent: 0,
    signalWithStart: false,
    updatesAccepted: 0,
    updatesCompleted: 0,
    searchAttributeUpserts: 0,
    changeVersionUpserts: 0,
    childWorkflows: 0,
    continueAsNew: 0,
    scheduled: false,
    stateTransitions: 0,
    actions: { workflowStarted: 0, schedule: 0, activities: 0, markers: 0, timers: 0, signals: 0, updates: 0, searchAttributeUpserts: 0, childWorkflows: 0 },
    billableActions: 0,
  };
  const activityStarted = new Set<string>();
  const markerTasks = new Set<string>();
  let localActivityRetries = 0;
  let activityRetries = 0;

  events.forEach((e, i) => {
    const type = eventTypeName(e);
    const a = eventAttributes(e);
    if (!ridesOnPrevious(type, a)) c.stateTransitions += 1;
    switch (type) {
      case 'WORKFLOW_EXECUTION_STARTED': {
        c.actions.workflowStarted += 1;
        const fromSchedule = searchAttributeNames(a).includes('TemporalScheduledById');
        if (fromSchedule && a.continuedExecutionRunId === undefined) {
          c.scheduled = true;
          c.actions.schedule += 2;
        }
        break;
      }
      case 'WORKFLOW_TASK_SCHEDULED':
        c.workflowTasksScheduled += 1;
        break;
      case 'WORKFLOW_TASK_COMPLETED':
        c.workflowTasks += 1;
        localActivityRetries += num(obj(a.meteringMetadata).nonfirstLocalActivityExecutionAttempts);
        break;
      case 'WORKFLOW_TASK_FAILED':
      case 'WORKFLOW_TASK_TIMED_OUT':
        c.workflowTaskFailures += 1;
        break;
      case 'ACTIVITY_TASK_SCHEDULED':
        c.activitiesScheduled += 1;
        break;
      case 'ACTIVITY_TASK_STARTED': {
        const attempt = Math.max(1, num(a.attempt) || 1);
        activityStarted.add(String(a.scheduledEventId ?? i));
        c.activityAttempts += attempt;
        activityRetries += attempt - 1;
        break;
      }
      case 'ACTIVITY_TASK_FAILED':
      case 'ACTIVITY_TASK_TIMED_OUT':
        c.activitiesFailed += 1;
        break;
      case 'MARKER_RECORDED':
        c.markers += 1;
        if (a.markerName === 'core_local_activity') c.localActivities += 1;
        markerTasks.add(String(a.workflowTaskCompletedEventId ?? `event-${i}`));
        break;
      case 'TIMER_STARTED':
        c.timersStarted += 1;
        break;
      case 'TIMER_FIRED':
        c.timersFired += 1;
        break;
      case 'WORKFLOW_EXECUTION_SIGNALED':
        c.signalsReceived += 1;
        // Signal-with-start: the signal is written right after the start, before any task.
        if (i === 1 && eventTypeName(events[0] ?? {}) === 'WORKFLOW_EXECUTION_STARTED') c.signalWithStart = true;
        else c.actions.signals += 1;
        break;
      case 'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED':
        c.signalsSent += 1;
        break;
      case 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED':
        c.updatesAccepted += 1;
        c.actions.updates += 1;
        break;
      case 'WORKFLOW_EXECUTION_UPDATE_COMPLETED':
        c.updatesCompleted += 1;
        break;
      case 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES': {
        c.searchAttributeUpserts += 1;
        const names = searchAttributeNames(a);
        if (names.length > 0 && names.every((n) => n === 'TemporalChangeVersion')) c.changeVersionUpserts += 1;
        else c.actions.searchAttributeUpserts += 1;
        break;
      }
      case 'START_CHILD_WORKFLOW_EXECUTION_INITIATED':
        c.childWorkflows += 1;
        c.actions.childWorkflows += 2;
        break;
      case 'WORKFLOW_EXECUTION_CONTINUED_AS_NEW':
        // Billed as the new run's WorkflowExecutionStarted, which that run's history counts.
        c.continueAsNew += 1;
        break;
      default:
        break;
    }
  });

  // Activities scheduled but never started in this history (still pending when it was recorded).
  const pending = c.activitiesScheduled - activityStarted.size;
  if (pending > 0) c.activityAttempts += pending;
  c.workflowTasksWithMarkers = markerTasks.size;
  c.actions.activities = c.activitiesScheduled + activityRetries;
  c.actions.markers = markerTasks.size + localActivityRetries;
  c.actions.timers = c.timersStarted;
  c.billableActions = Object.values(c.actions).reduce((s, n) => s + n, 0);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Units of work counted inside a history (the divisors of per-step / per-page processes)

function scheduledActivities(history: HistoryJson): Map<string, { name: string; input: unknown }> {
  const byId = new Map<string, { name: string; input: unknown }>();
  for (const e of history.events) {
    if (eventTypeName(e) !== 'ACTIVITY_TASK_SCHEDULED') continue;
    const a = eventAttributes(e);
    byId.set(String(e.eventId), { name: String(obj(a.activityType).name ?? ''), input: decodePayload(a.input) });
  }
  return byId;
}

/**
 * Steps of a CRM enrollment: node visits after the trigger, read from the activity inputs — a
 * delay (`syncEnrollment` with `delay.nodeId`/`visit`), an action or goal evaluation
 * (`runAction`/`evaluateNode` with `node.id`/`visit`), and the end (`syncEnrollment` with
 * `ended: true`). Each distinct (node, visit) is one step, as the workflow's own `carry.steps`
 * counts them.
 */
export function countCrmSteps(history: HistoryJson): number {
  const steps = new Set<string>();
  for (const { name, input } of scheduledActivities(history).values()) {
    const i = obj(input);
    if (name === 'syncEnrollment') {
      const d = obj(i.delay);
      if (d.nodeId !== undefined) steps.add(`${String(d.nodeId)}#${num(d.visit)}`);
      if (i.ended === true) steps.add(`${String(i.currentNodeId)}#end`);
    } else if (name === 'runAction' || name === 'evaluateNode') {
      const n = obj(i.node);
      steps.add(`${String(n.id)}#${num(i.visit)}`);
    }
  }
  return steps.size;
}

/** Pages a sync run committed: the sum of `pagesCommitted` in `syncRunPagesActivity` results. */
export function countSyncPages(history: HistoryJson): number {
  const scheduled = scheduledActivities(history);
  let pages = 0;
  for (const e of history.events) {
    if (eventTypeName(e) !== 'ACTIVITY_TASK_COMPLETED') continue;
    const a = eventAttributes(e);
    if (scheduled.get(String(a.scheduledEventId))?.name !== 'syncRunPagesActivity') continue;
    pages += num(obj(decodePayload(a.result)).pagesCommitted);
  }
  return pages;
}

/** Signals of one name a history received. */
export function countSignals(history: HistoryJson, signalName: string): number {
  return history.events.filter((e) => eventTypeName(e) === 'WORKFLOW_EXECUTION_SIGNALED' && eventAttributes(e).signalName === signalName).length;
}

export function workflowTypeOf(history: HistoryJson): string {
  const start = history.events.find((e) => eventTypeName(e) === 'WORKFLOW_EXECUTION_STARTED');
  return String(obj(eventAttributes(start ?? {}).workflowType).name ?? '?');
}

// ---------------------------------------------------------------------------------------------
// Business processes as data

export type Histories = ReadonlyMap<string, HistoryJson>;

export interface ProcessPart {
  file: string;
  /** How many runs of this history one unit of the process takes (before the divisor). */
  times: number | { count: (h: Histories) => number; rule: string };
}

export interface ProcessSpec {
  id: string;
  name: string;
  /** The unit the volumes are given in. */
  unit: string;
  parts: ProcessPart[];
  /** Units of work in the parts (default 1): the sum is divided by it. */
  divisor?: { count: (h: Histories) => number; rule: string };
  why: string;
}

const need = (h: Histories, file: string): HistoryJson => {
  const found = h.get(file);
  if (!found) throw new Error(`capacity: history ${file} is not in test/replay/histories`);
  return found;
};

export const PROCESSES: readonly ProcessSpec[] = [
  {
    id: 'booking',
    name: 'A booking',
    unit: 'booking',
    parts: [
      { file: 'slot-hold.json', times: 1 },
      { file: 'slot-notification.json', times: 1 },
    ],
    why: 'Every booking starts `notify/slot-booked/<slotId>` (two emails). Counted as if every booking went through a hold (`slot-hold/<slotId>`, recorded on the lapsed path: timer fired, releaseHold), which is the upper bound: a direct `POST …/book` has no hold run.',
  },
  {
    id: 'meeting-end',
    name: 'A meeting end',
    unit: 'meeting end',
    parts: [{ file: 'meeting-earnings.json', times: 1 }],
    why: '`meeting-earnings/<slotId>` today: completeMeeting and creditMentorEarnings as local activities in one workflow task (patched). The pre-patch history (`meeting-earnings-scheduled-activities.json`) is in the per-history table for comparison.',
  },
  {
    id: 'purchase',
    name: 'A token purchase',
    unit: 'purchase',
    parts: [{ file: 'payment-token.json', times: 1 }],
    why: 'Purchases run on the one `payment` workflow (signal paymentCaptured, settle, GST invoice, PDF). `token-purchase.json` is the legacy `tokenPurchase` run kept for replay of purchases opened before that change; it is listed per history only.',
  },
  {
    id: 'crm-step',
    name: 'A CRM enrollment step',
    unit: 'enrollment step',
    parts: [{ file: 'crm-enrollment-continue-as-new.json', times: 1 }],
    divisor: {
      count: (h) => countCrmSteps(need(h, 'crm-enrollment-continue-as-new.json')),
      rule: 'node visits after the trigger, counted from the activity inputs (countCrmSteps)',
    },
    why: 'The steady state of a long-lived enrollment: one full run (delay → goal check, three times) ending in Continue-As-New, so the per-run start and carry are included. Divided by the steps that run took.',
  },
  {
    id: 'candidate',
    name: 'A candidate (application)',
    unit: 'application',
    parts: [
      { file: 'candidate-pipeline-shortlisted.json', times: 1 / 3 },
      { file: 'candidate-pipeline-talent-pool.json', times: 1 / 3 },
      { file: 'candidate-pipeline-rejected.json', times: 1 / 3 },
    ],
    why: 'An even mix of the three recorded outcomes of `candidatePipeline` (shortlisted through quiz and voice interview; scored into the talent pool; rejected by the recruiter after the quiz).',
  },
  {
    id: 'pap',
    name: 'A PAP agreement',
    unit: 'agreement',
    parts: [
      { file: 'pap-collection.json', times: 1 },
      {
        file: 'payment-pap-instalment.json',
        times: { count: (h) => countSignals(need(h, 'pap-collection.json'), 'papInstalmentSettled'), rule: 'one payment run per papInstalmentSettled signal in pap-collection.json' },
      },
    ],
    why: 'The whole recorded lifecycle (MOU, eSign, payment option, enrolment, placement, instalment collection to COMPLETED) plus one `payment` run per instalment it settled.',
  },
  {
    id: 'sync-page',
    name: 'A sync page (Mr Learn)',
    unit: 'page',
    parts: [
      { file: 'mrlearn-sync-continue-as-new.json', times: 1 },
      { file: 'mrlearn-sync.json', times: 1 },
    ],
    divisor: {
      count: (h) => countSyncPages(need(h, 'mrlearn-sync-continue-as-new.json')) + countSyncPages(need(h, 'mrlearn-sync.json')),
      rule: 'pagesCommitted summed over the syncRunPagesActivity results of both runs (countSyncPages)',
    },
    why: 'The first run of a scheduled sync (start run, pages, Continue-As-New) and a later run of the same sync (pages, finish), divided by the pages they committed. Recorded with 2 pages per activity; production runs `SYNC_PAGES_PER_ACTIVITY` = 20, so this over-counts per page.',
  },
];

/** The per-unit figures the capacity math uses. */
export interface UnitCost {
  events: number;
  workflowTasks: number;
  activities: number;
  localActivities: number;
  timers: number;
  signals: number;
  updates: number;
  childWorkflows: number;
  continueAsNew: number;
  stateTransitions: number;
  actions: number;
  /** Tasks a worker process executes: workflow tasks + activity attempts + local activities. */
  workerTasks: number;
}

const unitOf = (c: HistoryCounts): UnitCost => ({
  events: c.events,
  workflowTasks: c.workflowTasks,
  activities: c.activityAttempts,
  localActivities: c.localActivities,
  timers: c.timersStarted,
  signals: c.signalsReceived,
  updates: c.updatesAccepted,
  childWorkflows: c.childWorkflows,
  continueAsNew: c.continueAsNew,
  stateTransitions: c.stateTransitions,
  actions: c.billableActions,
  workerTasks: c.workflowTasks + c.activityAttempts + c.localActivities,
});

const scale = (u: UnitCost, k: number): UnitCost => Object.fromEntries(Object.entries(u).map(([key, v]) => [key, v * k])) as unknown as UnitCost;
const add = (a: UnitCost, b: UnitCost): UnitCost => Object.fromEntries(Object.entries(a).map(([key, v]) => [key, v + b[key as keyof UnitCost]])) as unknown as UnitCost;
const ZERO: UnitCost = scale(unitOf(countHistory({ events: [] })), 0);

export interface ProcessCost {
  spec: ProcessSpec;
  parts: { file: string; times: number; counts: HistoryCounts }[];
  divisor: number;
  perUnit: UnitCost;
}

export function costProcess(spec: ProcessSpec, histories: Histories): ProcessCost {
  const parts = spec.parts.map((p) => ({ file: p.file, times: typeof p.times === 'number' ? p.times : p.times.count(histories), counts: countHistory(need(histories, p.file)) }));
  const divisor = spec.divisor ? spec.divisor.count(histories) : 1;
  if (!(divisor > 0)) throw new Error(`capacity: ${spec.id} divisor is ${divisor}`);
  const total = parts.reduce((s, p) => add(s, scale(unitOf(p.counts), p.times)), ZERO);
  return { spec, parts, divisor, perUnit: scale(total, 1 / divisor) };
}

// ---------------------------------------------------------------------------------------------
// Volumes and the constants of the capacity math (each one explained in docs/capacity.md)

const DAY = 86_400;

export interface Volume {
  process: string;
  /** Units per day, average. */
  perDay: number;
  /** How the figure was stated. */
  stated: string;
  /** Open (running or waiting) workflows this process keeps, by Little's law or as stated. */
  openWorkflows: number;
  openRule: string;
  /** Api requests one unit causes (writes and webhooks; reads are separate). */
  apiRequests: number;
}

export const VOLUMES: readonly Volume[] = [
  { process: 'booking', perDay: 10_000, stated: '10k bookings a day', openWorkflows: (10_000 * 15) / (24 * 60), openRule: 'a hold waits ≤ 15 min', apiRequests: 3 },
  { process: 'meeting-end', perDay: 10_000, stated: '10k meeting ends a day', openWorkflows: 0, openRule: 'a run takes seconds; a disputed session waits for a ruling, rarely', apiRequests: 1 },
  { process: 'purchase', perDay: 2_000, stated: '2k purchases a day', openWorkflows: (2_000 * 15) / (24 * 60), openRule: 'waits ≤ PURCHASE_TIMEOUT_SECONDS (15 min) for the payment', apiRequests: 3 },
  { process: 'crm-step', perDay: 1_000_000, stated: '1M active enrollments × 1 step a day', openWorkflows: 1_000_000, openRule: 'every active enrollment is an open run', apiRequests: 0 },
  { process: 'candidate', perDay: 50_000 / 30, stated: '50k applications a month', openWorkflows: (50_000 / 30) * 14, openRule: 'about 14 days from application to verdict', apiRequests: 4 },
  { process: 'pap', perDay: 2_000 / 30, stated: '2k PAP agreements a month', openWorkflows: (2_000 / 30) * 365, openRule: 'about a year from MOU to the last instalment', apiRequests: 25 },
  { process: 'sync-page', perDay: (100_000 / 500) * 24, stated: '100k learners synced hourly, 500 a page (SYNC_PAGE_SIZE)', openWorkflows: 1, openRule: 'one run an hour, minutes long', apiRequests: 0 },
];

export const ASSUMPTIONS = {
  /** Peak hour over the daily average. */
  peakFactor: 3,
  /** Temporal Cloud's default per-namespace limit (docs.temporal.io/cloud/limits, "Actions per second"). */
  cloudDefaultApsLimit: 500,
  /** One persistence write on PostgreSQL (commit with fsync, same region), ms. */
  persistenceWriteMs: 5,
  /** history.shardIOConcurrency default: a shard issues one persistence operation at a time. */
  shardIoConcurrency: 1,
  /** Plan each shard at this share of its serial ceiling (headroom for spikes, retries, timers queues). */
  shardUtilisation: 0.25,
  /** Open workflows per shard we plan for ("tens of thousands" is what Temporal reports shards carrying). */
  openWorkflowsPerShard: 10_000,
  /** The Temporal Helm chart's numHistoryShards: the usual production floor; the count cannot change later. */
  minShards: 512,
  /**
   * Temporal server throughput per core, measured: the dev server completed 70 no-op workflows/s
   * at 0.76 cores (docs/benchmarks.md, CRM bulk); a no-op run is 3 writes by our rule.
   */
  serverTransitionsPerCore: (70 * 3) / 0.76,
  /** Share of Temporal server CPU by service, assumed (history does the persistence work). */
  serviceCpuShare: { history: 0.5, matching: 0.25, frontend: 0.25 },
  /** Cores per Temporal service process. */
  coresPerServiceProcess: 2,
  /** Plan processes at this share of their measured rate. */
  processUtilisation: 0.5,
  /** Measured: one Node process ran 2.2 candidates/s (api + worker + simulators, one core; docs/benchmarks.md, Mr-Hire). */
  candidatesPerSecondPerProcess: 2.2,
  /** Measured: booking attempts/s per api process, 32 in flight, 2 cores shared (docs/benchmarks.md, booking). */
  bookingRequestsPerSecondPerApi: 195,
  /** Measured: authenticated GET /api/me per api process (docs/benchmarks.md, HTTP endpoints). */
  readRequestsPerSecondPerApi: 1_320,
  /** Assumed peak of authenticated reads (dashboards, lists, /api/me) across all apps. */
  apiReadsPeakPerSecond: 500,
  /** High availability: at least this many of every stateless process. */
  minProcesses: 2,
  /** infra/env.ts DATABASE_POOL_MAX default (api and worker each open one pool). */
  databasePoolMax: 10,
  /** scripts/lib/temporal-cluster.ts maxConns: default store and visibility store, per Temporal service process. */
  temporalMaxConns: { defaultStore: 20, visibility: 5 },
  /** PostgreSQL's default max_connections. */
  postgresMaxConnections: 100,
} as const;

// ---------------------------------------------------------------------------------------------
// The math

export interface ProcessLoad {
  cost: ProcessCost;
  volume: Volume;
  avgPerSecond: number;
  peakPerSecond: number;
  peakActions: number;
  peakTransitions: number;
  peakWorkerTasks: number;
  peakApiRequests: number;
  actionsPerMonth: number;
}

export interface CapacityPlan {
  loads: ProcessLoad[];
  peakActions: number;
  avgActions: number;
  actionsPerMonth: number;
  peakTransitions: number;
  openWorkflows: number;
  shardCeiling: number;
  shardsForThroughput: number;
  shardsForOpenWorkflows: number;
  shards: number;
  serverCores: number;
  services: { frontend: number; history: number; matching: number; worker: number };
  peakWorkerTasks: number;
  workerTasksPerSecondPerProcess: number;
  workerProcesses: number;
  peakApiWrites: number;
  apiProcesses: number;
  connections: { api: number; worker: number; temporal: number; total: number };
}

const nextPow2 = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(1, n)));

export function plan(costs: readonly ProcessCost[], histories: Histories, volumes: readonly Volume[] = VOLUMES, a = ASSUMPTIONS): CapacityPlan {
  const loads = volumes.map((volume) => {
    const cost = costs.find((c) => c.spec.id === volume.process);
    if (!cost) throw new Error(`capacity: no process ${volume.process}`);
    const avgPerSecond = volume.perDay / DAY;
    const peakPerSecond = avgPerSecond * a.peakFactor;
    return {
      cost,
      volume,
      avgPerSecond,
      peakPerSecond,
      peakActions: peakPerSecond * cost.perUnit.actions,
      peakTransitions: peakPerSecond * cost.perUnit.stateTransitions,
      peakWorkerTasks: peakPerSecond * cost.perUnit.workerTasks,
      peakApiRequests: peakPerSecond * volume.apiRequests,
      actionsPerMonth: volume.perDay * 30 * cost.perUnit.actions,
    };
  });
  const sum = (f: (l: ProcessLoad) => number) => loads.reduce((s, l) => s + f(l), 0);
  const peakActions = sum((l) => l.peakActions);
  const peakTransitions = sum((l) => l.peakTransitions);
  const openWorkflows = volumes.reduce((s, v) => s + v.openWorkflows, 0);

  const shardCeiling = (1000 / a.persistenceWriteMs) * a.shardIoConcurrency;
  const shardsForThroughput = Math.ceil(peakTransitions / (shardCeiling * a.shardUtilisation));
  const shardsForOpenWorkflows = Math.ceil(openWorkflows / a.openWorkflowsPerShard);
  const shards = Math.max(a.minShards, nextPow2(Math.max(shardsForThroughput, shardsForOpenWorkflows)));

  const serverCores = peakTransitions / a.serverTransitionsPerCore / a.processUtilisation;
  const perService = (share: number, min: number) => Math.max(min, Math.ceil((serverCores * share) / a.coresPerServiceProcess));
  const services = {
    frontend: perService(a.serviceCpuShare.frontend, a.minProcesses),
    history: perService(a.serviceCpuShare.history, 3),
    matching: perService(a.serviceCpuShare.matching, a.minProcesses),
    worker: a.minProcesses,
  };

  const shortlisted = countHistory(need(histories, 'candidate-pipeline-shortlisted.json'));
  const tasksPerCandidate = shortlisted.workflowTasks + shortlisted.activityAttempts + shortlisted.localActivities;
  const workerTasksPerSecondPerProcess = a.candidatesPerSecondPerProcess * tasksPerCandidate;
  const peakWorkerTasks = sum((l) => l.peakWorkerTasks);
  const workerProcesses = Math.max(a.minProcesses, Math.ceil(peakWorkerTasks / (workerTasksPerSecondPerProcess * a.processUtilisation)));

  const peakApiWrites = sum((l) => l.peakApiRequests);
  const apiProcesses = Math.max(
    a.minProcesses,
    Math.ceil(peakApiWrites / (a.bookingRequestsPerSecondPerApi * a.processUtilisation) + a.apiReadsPeakPerSecond / (a.readRequestsPerSecondPerApi * a.processUtilisation)),
  );

  const temporalProcesses = services.frontend + services.history + services.matching + services.worker;
  const connections = {
    api: apiProcesses * a.databasePoolMax,
    worker: workerProcesses * a.databasePoolMax,
    temporal: temporalProcesses * (a.temporalMaxConns.defaultStore + a.temporalMaxConns.visibility),
    total: 0,
  };
  connections.total = connections.api + connections.worker + connections.temporal;

  return {
    loads,
    peakActions,
    avgActions: peakActions / a.peakFactor,
    actionsPerMonth: sum((l) => l.actionsPerMonth),
    peakTransitions,
    openWorkflows,
    shardCeiling,
    shardsForThroughput,
    shardsForOpenWorkflows,
    shards,
    serverCores,
    services,
    peakWorkerTasks,
    workerTasksPerSecondPerProcess,
    workerProcesses,
    peakApiWrites,
    apiProcesses,
    connections,
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Fixed digits (none for integers), thousands separated by commas; locale-independent. */
const f = (n: number, digits = 1) => {
  const fixed = Number.isInteger(n) ? String(n) : n.toFixed(digits);
  const [int = '', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
};
/** Two decimals; small non-zero values keep two significant digits (0.0023, not 0.00). */
const f2 = (n: number) => (n !== 0 && Math.abs(n) < 0.1 ? Number(n.toPrecision(2)).toString() : f(n, 2));

function table(header: string[], rows: (string | number)[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function renderHistoryTable(histories: Histories): string {
  const rows = [...histories.keys()].sort().map((file) => {
    const h = need(histories, file);
    const c = countHistory(h);
    return [
      `\`${file}\``,
      workflowTypeOf(h),
      c.events,
      c.workflowTasks,
      c.activityAttempts === c.activitiesScheduled ? c.activitiesScheduled : `${c.activitiesScheduled} (${c.activityAttempts} attempts)`,
      c.localActivities,
      c.timersStarted,
      c.signalsReceived + (c.signalsSent ? ` (+${c.signalsSent} sent)` : ''),
      c.updatesAccepted,
      c.searchAttributeUpserts + (c.changeVersionUpserts ? ` (${c.changeVersionUpserts} patch)` : ''),
      c.childWorkflows,
      c.continueAsNew,
      c.stateTransitions,
      c.billableActions,
    ];
  });
  return table(['history', 'workflow', 'events', 'workflow tasks', 'activities', 'local activities', 'timers', 'signals', 'updates', 'SA upserts', 'children', 'CAN', 'state transitions (est.)', 'Cloud actions'], rows);
}

function renderProcess(p: ProcessCost): string {
  const u = p.perUnit;
  const partRows = p.parts.map((part) => {
    const c = part.counts;
    const a = c.actions;
    return [
      `\`${part.file}\``,
      f2(part.times),
      c.workflowTasks,
      c.activityAttempts,
      c.localActivities,
      c.timersStarted,
      c.signalsReceived,
      c.updatesAccepted,
      c.stateTransitions,
      `${c.billableActions} = ${a.workflowStarted} start + ${a.schedule} schedule + ${a.activities} activity + ${a.markers} marker + ${a.timers} timer + ${a.signals} signal + ${a.updates} update + ${a.searchAttributeUpserts} SA + ${a.childWorkflows} child`,
    ];
  });
  const divisorLine = p.spec.divisor ? `Divided by **${p.divisor}** ${p.spec.unit}s (${p.spec.divisor.rule}).` : '';
  const timesRules = p.spec.parts.flatMap((part) => (typeof part.times === 'number' ? [] : [`\`${part.file}\` × ${part.times.rule}.`]));
  return [
    `#### ${p.spec.name}`,
    '',
    [p.spec.why, ...timesRules, divisorLine].filter(Boolean).join(' '),
    '',
    table(['history', '× runs', 'workflow tasks', 'activities', 'local activities', 'timers', 'signals', 'updates', 'state transitions (est.)', 'Cloud actions'], partRows),
    '',
    `Per ${p.spec.unit}: **${f2(u.workflowTasks)} workflow tasks, ${f2(u.activities)} activities, ${f2(u.localActivities)} local activities, ${f2(u.timers)} timers, ${f2(u.signals)} signals, ${f2(u.updates)} updates, ${f2(u.stateTransitions)} state transitions (est.), ${f2(u.actions)} Cloud actions** (${f2(u.events)} history events).`,
  ].join('\n');
}

export function renderCapacity(histories: Histories, processes: readonly ProcessSpec[] = PROCESSES, volumes: readonly Volume[] = VOLUMES, a = ASSUMPTIONS): string {
  const costs = processes.map((p) => costProcess(p, histories));
  const pl = plan(costs, histories, volumes, a);
  const out: string[] = [];
  out.push('<!-- Generated by `npm run capacity -- --write` from test/replay/histories/*.json and scripts/lib/capacity.ts. Do not edit by hand. -->', '');
  out.push('### Per business process', '');
  for (const c of costs) out.push(renderProcess(c), '');

  out.push('### Summary per unit', '');
  out.push(
    table(
      ['process', 'unit', 'workflow tasks', 'activities', 'local activities', 'timers', 'signals + updates', 'state transitions (est.)', 'Cloud actions', 'worker tasks'],
      costs.map((c) => {
        const u = c.perUnit;
        return [c.spec.name, c.spec.unit, f2(u.workflowTasks), f2(u.activities), f2(u.localActivities), f2(u.timers), f2(u.signals + u.updates), f2(u.stateTransitions), f2(u.actions), f2(u.workerTasks)];
      }),
    ),
    '',
  );

  out.push(`### Volumes and load (peak = ${a.peakFactor}× the daily average)`, '');
  out.push(
    table(
      ['process', 'stated volume', 'units/s avg', 'units/s peak', 'Cloud actions/s peak', 'state transitions/s peak', 'worker tasks/s peak', 'api requests/s peak', 'open workflows'],
      pl.loads.map((l) => [l.cost.spec.name, l.volume.stated, f2(l.avgPerSecond), f2(l.peakPerSecond), f(l.peakActions), f(l.peakTransitions), f(l.peakWorkerTasks), f(l.peakApiRequests), `${f(Math.round(l.volume.openWorkflows))}: ${l.volume.openRule}`]),
    ),
    '',
    `Total at peak: **${f(pl.peakActions)} Cloud actions/s** (average ${f(pl.avgActions)}/s), **${f(pl.peakTransitions)} state transitions/s (est.)**, **${f(pl.peakWorkerTasks)} worker tasks/s**, **${f(pl.peakApiWrites)} api write requests/s** plus ${f(a.apiReadsPeakPerSecond)} reads/s (assumed), **${f(Math.round(pl.openWorkflows))} open workflows**.`,
    '',
  );

  const cloudShare = pl.peakActions / a.cloudDefaultApsLimit;
  out.push('### Results', '');
  out.push(
    table(
      ['question', 'answer', 'how'],
      [
        ['Temporal Cloud actions per second', `${f(pl.peakActions)} at peak, ${f(pl.avgActions)} average`, `Σ units/s × actions per unit; ${f(cloudShare * 100)} % of the default ${a.cloudDefaultApsLimit} APS namespace limit at peak`],
        ['Temporal Cloud actions per month', f(Math.round(pl.actionsPerMonth)), 'Σ units/day × 30 × actions per unit (billing volume)'],
        [
          'History shards (self-hosted)',
          `**${pl.shards}**`,
          `throughput needs ${pl.shardsForThroughput} (peak ${f(pl.peakTransitions)} transitions/s ÷ (${f(pl.shardCeiling)}/s serial ceiling per shard = ${a.shardIoConcurrency} write at a time ÷ ${a.persistenceWriteMs} ms × ${a.shardUtilisation * 100} %)); open workflows need ${pl.shardsForOpenWorkflows} (${f(Math.round(pl.openWorkflows))} ÷ ${f(a.openWorkflowsPerShard)} per shard); rounded up to a power of two, floor ${a.minShards} (fixed for the cluster's life); about ${Math.round(pl.shards / pl.services.history)} shards per history process`,
        ],
        ['Temporal server cores', f2(pl.serverCores), `peak transitions ÷ ${f(a.serverTransitionsPerCore)} per core (measured, dev server) ÷ ${a.processUtilisation * 100} % utilisation`],
        [
          'Temporal services',
          `${pl.services.frontend} frontend, ${pl.services.history} history, ${pl.services.matching} matching, ${pl.services.worker} worker`,
          `cores split ${a.serviceCpuShare.history * 100} / ${a.serviceCpuShare.matching * 100} / ${a.serviceCpuShare.frontend * 100} % history / matching / frontend at ${a.coresPerServiceProcess} cores a process; at least 3 history and ${a.minProcesses} of the others for availability`,
        ],
        [
          'Worker processes',
          `**${pl.workerProcesses}**`,
          `peak ${f(pl.peakWorkerTasks)} tasks/s ÷ (${f(pl.workerTasksPerSecondPerProcess)} tasks/s per process measured = ${a.candidatesPerSecondPerProcess} candidates/s × the shortlisted history's tasks) ÷ ${a.processUtilisation * 100} %; at least ${a.minProcesses}`,
        ],
        [
          'Api processes',
          `**${pl.apiProcesses}**`,
          `peak ${f(pl.peakApiWrites)} writes/s ÷ (${a.bookingRequestsPerSecondPerApi}/s booking-like per process × ${a.processUtilisation * 100} %) + ${a.apiReadsPeakPerSecond} reads/s ÷ (${f(a.readRequestsPerSecondPerApi)}/s × ${a.processUtilisation * 100} %); at least ${a.minProcesses}`,
        ],
        [
          'PostgreSQL connections',
          `**${pl.connections.total}**`,
          `api ${pl.apiProcesses} × ${a.databasePoolMax} = ${pl.connections.api}; worker ${pl.workerProcesses} × ${a.databasePoolMax} = ${pl.connections.worker}; Temporal ${pl.services.frontend + pl.services.history + pl.services.matching + pl.services.worker} service processes × (${a.temporalMaxConns.defaultStore} + ${a.temporalMaxConns.visibility}) = ${pl.connections.temporal}${
            pl.connections.total > a.postgresMaxConnections
              ? `; over PostgreSQL's default max_connections (${a.postgresMaxConnections}): give Temporal its own server (the app then needs ${pl.connections.api + pl.connections.worker}) or raise max_connections`
              : ''
          }`,
        ],
      ],
    ),
    '',
  );

  out.push('### Every recorded history', '');
  out.push(renderHistoryTable(histories), '');
  return out.join('\n');
}

export const BEGIN_MARKER = '<!-- capacity:begin -->';
export const END_MARKER = '<!-- capacity:end -->';

/** Replaces the text between the markers (exclusive) with the generated section. */
export function replaceGenerated(doc: string, generated: string): string {
  const begin = doc.indexOf(BEGIN_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (begin < 0 || end < begin) throw new Error(`docs/capacity.md needs ${BEGIN_MARKER} … ${END_MARKER}`);
  return `${doc.slice(0, begin + BEGIN_MARKER.length)}\n${generated.trimEnd()}\n${doc.slice(end)}`;
}

/** The generated section currently in the doc (between the markers). */
export function extractGenerated(doc: string): string {
  const begin = doc.indexOf(BEGIN_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (begin < 0 || end < begin) throw new Error(`docs/capacity.md needs ${BEGIN_MARKER} … ${END_MARKER}`);
  return doc.slice(begin + BEGIN_MARKER.length, end).trim();
}
