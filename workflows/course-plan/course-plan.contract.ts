// Contract of course-plan/<planId>: one generation run of an AI course plan (the outline, then
// each lecture by its own activity). Pause, resume and cancel are validated Updates; the api
// reads the `state` Query for the live step.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CoursePlanStatus } from '../../domain/course-plan/status.js';

export const COURSE_PLAN_WORKFLOW = 'coursePlanGeneration';

export interface CoursePlanInput {
  planId: string;
}

export interface CoursePlanLiveState {
  status: CoursePlanStatus;
  /** The lecture being generated, or null. */
  currentLecture: number | null;
  /** Lectures left to generate in this run. */
  remaining: number[];
  pauseRequested: boolean;
  cancelRequested: boolean;
}

export interface PlanActor {
  actorId: string;
}

export const pauseCoursePlanUpdate = defineUpdate<CoursePlanLiveState, [PlanActor]>('pause');
export const resumeCoursePlanUpdate = defineUpdate<CoursePlanLiveState, [PlanActor]>('resume');
export const cancelCoursePlanUpdate = defineUpdate<CoursePlanLiveState, [PlanActor]>('cancel');
export const coursePlanStateQuery = defineQuery<CoursePlanLiveState>('state');

/** Prefix of a validator's refusal; the api maps it to 409. */
export const REFUSED = 'REFUSED:';
