// Contract of crmEnrollment: one lead travelling through one pinned version of a CRM workflow.
// Pause, resume and cancel are Updates (validated before anything changes); `state` is the
// live view GET /api/crm/enrollments/:id merges with the stored row.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { WorkflowDefinition } from '../../domain/crm-engine/definition.js';
import type { EnrollmentMoveRefusal, WorkflowEnrollmentStatus } from '../../domain/workflow-enrollment/status.js';

/** The lifecycle in domain/workflow-enrollment/status.ts is the one source of these states. */
export type EnrollmentStatus = WorkflowEnrollmentStatus;

export interface PauseInfo {
  /** ISO instant. */
  at: string;
  by: string | null;
  reason: string;
}

/** What a run hands to the next one when it continues-as-new. */
export interface EnrollmentCarry {
  atNodeId: string;
  /** Visits per node so far; the visit number keys each node run. */
  visits: Record<string, number>;
  paused: PauseInfo | null;
  /** A delay still to serve (after a pause, or cut by continue-as-new), in ms. */
  remainingDelayMs: number | null;
  steps: number;
  runs: number;
}

export interface CrmEnrollmentInput {
  enrollmentId: string;
  crmWorkflowId: string;
  workflowName: string;
  version: number;
  leadId: string;
  definition: WorkflowDefinition;
  enrolledBy: string | null;
  /** The starter already wrote the enrollment row and the trigger's node run. */
  rowWritten?: boolean;
  carry?: EnrollmentCarry;
  /** Continue-as-new after this many node steps in one run (history stays small); default 200. */
  stepsPerRun?: number;
}

export interface EnrollmentLiveState {
  status: EnrollmentStatus;
  currentNodeId: string;
  currentNodeType: string;
  /** ISO instant the current delay ends, while WAITING. */
  waitingUntil: string | null;
  /** Delay left to serve: counts down while WAITING, frozen while PAUSED. */
  remainingDelayMs: number | null;
  paused: PauseInfo | null;
  steps: number;
  /** 1 + how many times this enrollment continued-as-new. */
  run: number;
}

export type CrmEnrollmentOutcome = 'completed' | 'goal_reached' | 'cancelled' | 'failed';

export interface PauseArgs {
  reason: string;
  actorId: string | null;
}
export interface ResumeArgs {
  actorId: string | null;
}
export interface CancelArgs {
  reason: string | null;
  actorId: string | null;
}

export const pauseUpdate = defineUpdate<EnrollmentLiveState, [PauseArgs]>('pause');
export const resumeUpdate = defineUpdate<EnrollmentLiveState, [ResumeArgs]>('resume');
export const cancelUpdate = defineUpdate<EnrollmentLiveState, [CancelArgs]>('cancel');
export const stateQuery = defineQuery<EnrollmentLiveState>('state');

/** Update validators reject with these messages (one per domain refusal); the api maps them to 409. */
export const REJECT = {
  ended: 'The enrollment has ended',
  alreadyPaused: 'The enrollment is already paused',
  notPaused: 'The enrollment is not paused',
  notAllowed: 'The enrollment cannot do that from its current state',
} as const satisfies Record<EnrollmentMoveRefusal, string>;
