// Contract of candidatePipeline: one job application walking the CandidateStatus union
// (resume_received → … → shortlisted | talent_pool). Candidate events (quiz submitted, voice
// call ended) are signals; recruiter moves are Updates validated before anything changes.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CandidateStatus } from '../../domain/candidate/status.js';

export const CANDIDATE_PIPELINE_WORKFLOW = 'candidatePipeline';

export interface CandidatePipelineInput {
  jobApplicationId: string;
  jobPostId: string;
}

export interface QuizCompletedSignal {
  quizResponseId: string;
}

export interface VoiceInterviewEndedSignal {
  voiceInterviewId: string;
  /** completed: a transcript is stored; failed: the call did not happen (no answer, busy, error). */
  outcome: 'completed' | 'failed';
}

export interface RecruiterActor {
  userId: string;
}

export interface AdvanceRequest extends RecruiterActor {
  /** The stage to move to; must be later than the current one. */
  to: CandidateStatus;
  note?: string;
}

export interface RejectRequest extends RecruiterActor {
  code: string;
  note?: string;
}

export interface HoldRequest extends RecruiterActor {
  note?: string;
}

export interface OverrideRequest extends RecruiterActor {
  /** The verdict that replaces the AI's: shortlisted or talent_pool. */
  verdict: 'shortlisted' | 'talent_pool';
  reason: string;
}

export interface PipelineState {
  status: CandidateStatus;
  held: boolean;
  rejected: boolean;
  /** Why the run waits for a recruiter, or null. */
  attention: string | null;
  /** ISO instant the current stage began. */
  stageSince: string;
}

export const quizCompletedSignal = defineSignal<[QuizCompletedSignal]>('quizCompleted');
export const voiceInterviewEndedSignal = defineSignal<[VoiceInterviewEndedSignal]>('voiceInterviewCompleted');
export const advanceUpdate = defineUpdate<PipelineState, [AdvanceRequest]>('advance');
export const rejectUpdate = defineUpdate<PipelineState, [RejectRequest]>('reject');
export const holdUpdate = defineUpdate<PipelineState, [HoldRequest]>('hold');
export const releaseUpdate = defineUpdate<PipelineState, [RecruiterActor]>('release');
export const overrideUpdate = defineUpdate<PipelineState, [OverrideRequest]>('override');
export const pipelineStateQuery = defineQuery<PipelineState>('state');
