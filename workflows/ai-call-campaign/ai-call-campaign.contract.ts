// Contract of aiCallCampaign: a recruiter's batch of AI phone calls to a job's candidates
// (aarya_call_batches, one miss_ozone_calls row per call), at most `concurrency` calls at once,
// on its own task queue so AI calls never take the main queue's worker slots.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export const AI_CALL_CAMPAIGN_WORKFLOW = 'aiCallCampaign';
export const AI_CALL_CAMPAIGN_MAX_RECIPIENTS = 200;
export const AI_CALL_CAMPAIGN_MAX_CONCURRENCY = 10;

export interface AiCallCampaignInput {
  batchId: string;
  total: number;
  concurrency: number;
}

export interface AiCallCampaignProgress {
  total: number;
  placed: number;
  completed: number;
  failed: number;
  inFlight: number;
  done: boolean;
}

export const aiCallEndedSignal = defineSignal<[{ aiCallId: string }]>('aiCallEnded');
export const aiCallCampaignProgressQuery = defineQuery<AiCallCampaignProgress>('progress');
