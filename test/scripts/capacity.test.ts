// The capacity model's counter (scripts/lib/capacity.ts): exact counts on a synthetic history,
// on a real recorded one, and the committed docs/capacity.md must be what the script writes now.
import { readFileSync } from 'node:fs';
import proto from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { CAPACITY_DOC, loadHistories } from '../../scripts/capacity.js';
import {
  countCrmSteps,
  countHistory,
  countSyncPages,
  decodePayload,
  EVENT_TYPE_NAMES,
  eventTypeName,
  extractGenerated,
  renderCapacity,
  replaceGenerated,
  type HistoryEvent,
} from '../../scripts/lib/capacity.js';

const b64 = (v: unknown) => ({ payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: Buffer.from(JSON.stringify(v)).toString('base64') }] });

/** Two workflow tasks, one activity, one timer (cancelled), one local-activity marker. */
function synthetic(types: 'names' | 'numbers'): HistoryEvent[] {
  const t = (name: string, n: number) => (types === 'names' ? `EVENT_TYPE_${name}` : n);
  return [
    { eventId: '1', eventType: t('WORKFLOW_EXECUTION_STARTED', 1), workflowExecutionStartedEventAttributes: { workflowType: { name: 'demo' } } },
    { eventId: '2', eventType: t('WORKFLOW_TASK_SCHEDULED', 5), workflowTaskScheduledEventAttributes: {} },
    { eventId: '3', eventType: t('WORKFLOW_TASK_STARTED', 6), workflowTaskStartedEventAttributes: { scheduledEventId: '2' } },
    { eventId: '4', eventType: t('WORKFLOW_TASK_COMPLETED', 7), workflowTaskCompletedEventAttributes: { scheduledEventId: '2', meteringMetadata: {} } },
    { eventId: '5', eventType: t('MARKER_RECORDED', 25), markerRecordedEventAttributes: { markerName: 'core_local_activity', workflowTaskCompletedEventId: '4' } },
    { eventId: '6', eventType: t('ACTIVITY_TASK_SCHEDULED', 10), activityTaskScheduledEventAttributes: { activityType: { name: 'doIt' }, workflowTaskCompletedEventId: '4' } },
    { eventId: '7', eventType: t('TIMER_STARTED', 17), timerStartedEventAttributes: { timerId: '1', workflowTaskCompletedEventId: '4' } },
    { eventId: '8', eventType: t('ACTIVITY_TASK_STARTED', 11), activityTaskStartedEventAttributes: { scheduledEventId: '6', attempt: 1 } },
    { eventId: '9', eventType: t('ACTIVITY_TASK_COMPLETED', 12), activityTaskCompletedEventAttributes: { scheduledEventId: '6', startedEventId: '8' } },
    { eventId: '10', eventType: t('WORKFLOW_TASK_SCHEDULED', 5), workflowTaskScheduledEventAttributes: {} },
    { eventId: '11', eventType: t('WORKFLOW_TASK_STARTED', 6), workflowTaskStartedEventAttributes: { scheduledEventId: '10' } },
    { eventId: '12', eventType: t('WORKFLOW_TASK_COMPLETED', 7), workflowTaskCompletedEventAttributes: { scheduledEventId: '10' } },
    { eventId: '13', eventType: t('TIMER_CANCELED', 19), timerCanceledEventAttributes: { timerId: '1', workflowTaskCompletedEventId: '12' } },
    { eventId: '14', eventType: t('WORKFLOW_EXECUTION_COMPLETED', 2), workflowExecutionCompletedEventAttributes: { workflowTaskCompletedEventId: '12' } },
  ];
}

describe('capacity counter', () => {
  it('counts a synthetic history exactly, whether event types are names or numbers', () => {
    for (const form of ['names', 'numbers'] as const) {
      const c = countHistory({ events: synthetic(form) });
      expect(c).toMatchObject({
        events: 14,
        workflowTasks: 2,
        workflowTasksScheduled: 2,
        activitiesScheduled: 1,
        activityAttempts: 1,
        localActivities: 1,
        markers: 1,
        workflowTasksWithMarkers: 1,
        timersStarted: 1,
        timersFired: 0,
        signalsReceived: 0,
        updatesAccepted: 0,
        childWorkflows: 0,
        continueAsNew: 0,
        // start, task started, task completed, activity started, activity completed, task started, task completed
        stateTransitions: 7,
        actions: { workflowStarted: 1, schedule: 0, activities: 1, markers: 1, timers: 1, signals: 0, updates: 0, searchAttributeUpserts: 0, childWorkflows: 0 },
        billableActions: 4,
      });
    }
  });

  it('applies the Cloud action rules: retries, one marker action per task, exempt patch upserts, signal-with-start, schedules, children', () => {
    const c = countHistory({
      events: [
        { eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED', workflowExecutionStartedEventAttributes: { searchAttributes: { indexedFields: { TemporalScheduledById: {} } } } },
        { eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED', workflowExecutionSignaledEventAttributes: { signalName: 'go' } },
        { eventType: 'WorkflowTaskScheduled' },
        { eventType: 'WorkflowTaskStarted' },
        { eventType: 'WorkflowTaskCompleted', workflowTaskCompletedEventAttributes: { meteringMetadata: { nonfirstLocalActivityExecutionAttempts: 2 } } },
        { eventType: 'MARKER_RECORDED', markerRecordedEventAttributes: { markerName: 'core_patch', workflowTaskCompletedEventId: '5' } },
        { eventType: 'MARKER_RECORDED', markerRecordedEventAttributes: { markerName: 'core_local_activity', workflowTaskCompletedEventId: '5' } },
        { eventType: 'MARKER_RECORDED', markerRecordedEventAttributes: { markerName: 'core_local_activity', workflowTaskCompletedEventId: '5' } },
        { eventType: 40, upsertWorkflowSearchAttributesEventAttributes: { workflowTaskCompletedEventId: '5', searchAttributes: { indexedFields: { TemporalChangeVersion: {} } } } },
        { eventType: 40, upsertWorkflowSearchAttributesEventAttributes: { workflowTaskCompletedEventId: '5', searchAttributes: { indexedFields: { MasState: {} } } } },
        { eventType: 10, activityTaskScheduledEventAttributes: { workflowTaskCompletedEventId: '5' } },
        { eventType: 29, startChildWorkflowExecutionInitiatedEventAttributes: { workflowTaskCompletedEventId: '5' } },
        { eventType: 11, activityTaskStartedEventAttributes: { scheduledEventId: '11', attempt: 3 } },
        { eventType: 26, workflowExecutionSignaledEventAttributes: { signalName: 'again' } },
      ],
    });
    expect(c.signalWithStart).toBe(true);
    expect(c.scheduled).toBe(true);
    expect(c.localActivities).toBe(2);
    expect(c.changeVersionUpserts).toBe(1);
    expect(c.activityAttempts).toBe(3);
    expect(c.actions).toEqual({ workflowStarted: 1, schedule: 2, activities: 3, markers: 3, timers: 0, signals: 1, updates: 0, searchAttributeUpserts: 1, childWorkflows: 2 });
    expect(c.billableActions).toBe(13);
  });

  it('maps every event type number as @temporalio/proto does', () => {
    const EventType = proto.temporal.api.enums.v1.EventType as unknown as Record<string, number | string>;
    for (const [n, name] of Object.entries(EVENT_TYPE_NAMES)) expect(EventType[Number(n)]).toBe(`EVENT_TYPE_${name}`);
    expect(eventTypeName({ eventType: 'EVENT_TYPE_TIMER_FIRED' })).toBe('TIMER_FIRED');
    expect(eventTypeName({ eventType: 'TimerFired' })).toBe('TIMER_FIRED');
    expect(eventTypeName({ eventType: '18' })).toBe('TIMER_FIRED');
    expect(decodePayload(b64({ a: 1 }))).toEqual({ a: 1 });
  });
});

describe('capacity on the recorded histories', () => {
  const histories = loadHistories();
  const get = (f: string) => histories.get(f)!;

  it('counts meeting-earnings.json as read from the file', () => {
    // 13 events: one workflow task (2-4) records two patch markers, two local-activity markers,
    // two TemporalChangeVersion upserts, two MasState upserts, and completes the run.
    const c = countHistory(get('meeting-earnings.json'));
    expect(c).toMatchObject({
      events: 13,
      workflowTasks: 1,
      activitiesScheduled: 0,
      localActivities: 2,
      markers: 4,
      workflowTasksWithMarkers: 1,
      timersStarted: 0,
      searchAttributeUpserts: 4,
      changeVersionUpserts: 2,
      stateTransitions: 3,
      actions: { workflowStarted: 1, schedule: 0, activities: 0, markers: 1, timers: 0, signals: 0, updates: 0, searchAttributeUpserts: 2, childWorkflows: 0 },
      billableActions: 4,
    });
  });

  it('counts CRM steps and sync pages the way the workflows do', () => {
    const crm = get('crm-enrollment-continue-as-new.json');
    const carry = decodePayload(
      (crm.events.at(-1)!.workflowExecutionContinuedAsNewEventAttributes as { input: unknown }).input,
    ) as { carry: { steps: number } };
    expect(countCrmSteps(crm)).toBe(carry.carry.steps);
    expect(countCrmSteps(crm)).toBe(6);
    expect(countSyncPages(get('mrlearn-sync-continue-as-new.json'))).toBe(5);
    expect(countSyncPages(get('mrlearn-sync.json'))).toBe(3);
  });

  it('docs/capacity.md holds exactly what `npm run capacity -- --write` generates now', () => {
    const doc = readFileSync(CAPACITY_DOC, 'utf8');
    const generated = renderCapacity(histories);
    expect(extractGenerated(doc), 'docs/capacity.md is stale: run `npm run capacity -- --write`').toBe(generated.trim());
    expect(replaceGenerated(doc, generated)).toBe(doc);
  });
});
