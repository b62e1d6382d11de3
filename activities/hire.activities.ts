// Mr-Hire pipeline activities: thin adapters over services/hire. The attempt number goes to the
// LLM steps so each unusable answer is booked once; after the third, the step gives up with a
// non-retryable LLM_INVALID_OUTPUT and the run flags the candidate for a recruiter.
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { CandidateStatus } from '../domain/candidate/status.js';
import type { AttentionReason } from '../domain/candidate/pipeline.js';
import { expireQuiz, inviteToQuizStep, quizSubmitted, completeQuizStage } from '../services/hire/candidate-quiz.js';
import { LlmOutputError, LlmRefusedError } from '../services/hire/llm-call.js';
import { sendOutreachStep } from '../services/hire/outreach.js';
import { applyRecruiterWrite, loadPipelineContext, setAttention, type RecruiterWrite } from '../services/hire/pipeline-state.js';
import { parseResumeStep, type StepOutcome } from '../services/hire/resume-parse.js';
import { decideCandidateStep, notifySlaBreachStep, scoreCandidateStep } from '../services/hire/scoring.js';
import { evaluateVoiceInterviewStep, placeVoiceCallStep, reconcileVoiceCall, voiceInterviewState } from '../services/hire/voice-interviews.js';
import { rejectChunk } from '../services/hire/bulk-reject.js';
import { campaignCallState, markCampaign, placeCampaignCall, reconcileCampaignCall, tallyCampaign } from '../services/hire/ai-call-campaigns.js';
import type { AaryaCallBatchStatus } from '../prisma/generated/client.js';
import { runStageRules } from '../services/hire/workflow-rules.js';
import { matchTalentEntries, talentPoolCandidates } from '../services/hire/talent-matching.js';
import type { BulkRejectInput } from '../workflows/hire-bulk-reject/hire-bulk-reject.contract.js';
import { EmailRejectedError } from '../services/notifications/slot-booked-email.js';
import type { ActivityDeps } from './deps.js';
import { heartbeating } from './heartbeat.js';
import { refusingDomainErrors } from './failures.js';

/** Unusable LLM answers tolerated per step before the candidate goes to a recruiter. */
export const LLM_OUTPUT_ATTEMPTS = 3;

const attempt = () => Context.current().info.attempt;


async function llmStep(fn: () => Promise<StepOutcome>): Promise<StepOutcome> {
  try {
    return await heartbeating(() => refusingDomainErrors(fn));
  } catch (err) {
    if (err instanceof LlmRefusedError) throw ApplicationFailure.create({ type: 'LLM_REFUSED', message: err.message, nonRetryable: true });
    if (err instanceof LlmOutputError) {
      throw ApplicationFailure.create({ type: 'LLM_INVALID_OUTPUT', message: err.message, nonRetryable: attempt() >= LLM_OUTPUT_ATTEMPTS });
    }
    throw err;
  }
}

async function send<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await refusingDomainErrors(fn);
  } catch (err) {
    if (err instanceof EmailRejectedError) throw ApplicationFailure.create({ type: 'EMAIL_REJECTED', message: err.message, nonRetryable: true });
    throw err;
  }
}

export function createHireActivities(activityDeps: ActivityDeps) {
  const now = activityDeps.now;
  // The pipeline's settings from the worker's: quiz links and the sender from notifications, the agent from voiceAgent.
  const deps = {
    ...activityDeps,
    hire: {
      ...(activityDeps.notifications ? { publicWebUrl: activityDeps.notifications.publicWebUrl } : {}),
      // Read lazily-safe: the registration test builds the activities from empty deps.
      ...(activityDeps.voiceAgent ? { voiceAgentId: activityDeps.voiceAgent.agentId, voiceAgentPhoneNumberId: activityDeps.voiceAgent.agentPhoneNumberId } : {}),
    },
  };
  return {
    hireLoadContext: (jobApplicationId: string) => refusingDomainErrors(() => loadPipelineContext(deps.db, jobApplicationId)),
    hireParseResume: (input: { jobApplicationId: string }) => llmStep(() => parseResumeStep(deps, { ...input, attempt: attempt() })),
    hireSendOutreach: (input: { jobApplicationId: string; from: CandidateStatus }) => send(() => sendOutreachStep(deps, input)),
    hireInviteQuiz: (input: { jobApplicationId: string; from: CandidateStatus }) => send(() => inviteToQuizStep(deps, input)),
    hireQuizSubmitted: (jobApplicationId: string) => quizSubmitted(deps.db, jobApplicationId),
    hireCompleteQuizStage: (jobApplicationId: string) => completeQuizStage(deps, jobApplicationId),
    hireExpireQuiz: (jobApplicationId: string) => expireQuiz(deps.db, jobApplicationId),
    hirePlaceVoiceCall: (input: { jobApplicationId: string; attempt: number; from: CandidateStatus }) => refusingDomainErrors(() => placeVoiceCallStep(deps, input)),
    hireVoiceInterviewState: (voiceInterviewId: string) => voiceInterviewState(deps.db, voiceInterviewId),
    hireReconcileVoiceCall: (voiceInterviewId: string) => refusingDomainErrors(() => reconcileVoiceCall(deps, voiceInterviewId)),
    hireEvaluateVoice: (input: { jobApplicationId: string; voiceInterviewId: string }) => llmStep(() => evaluateVoiceInterviewStep(deps, { ...input, attempt: attempt() })),
    hireScoreCandidate: (input: { jobApplicationId: string; from: CandidateStatus }) => llmStep(() => scoreCandidateStep(deps, { ...input, attempt: attempt() })),
    hireDecide: (input: { jobApplicationId: string; passThreshold: number }) => refusingDomainErrors(() => decideCandidateStep(deps, input)),
    hireSetAttention: (input: { jobApplicationId: string; reason: AttentionReason | null }) => setAttention(deps.db, input, now()),
    hireRecruiterWrite: (input: { jobApplicationId: string; key: string; write: RecruiterWrite }) => refusingDomainErrors(() => applyRecruiterWrite(deps.db, input, now())),
    hireRunStageRules: (input: { jobApplicationId: string; stage: CandidateStatus }) => runStageRules({ db: deps.db, temporal: deps.temporal, logger: deps.logger, now, config: { taskQueue: deps.taskQueue } }, input),
    hireTalentPoolCandidates: (jobPostId: string) => talentPoolCandidates(deps.db, jobPostId),
    hireMatchTalentEntries: (input: { jobPostId: string; entryIds: string[] }) => matchTalentEntries(deps, { ...input, attempt: attempt() }),
    campaignMark: (input: { batchId: string; status: AaryaCallBatchStatus }) => markCampaign(deps.db, input, now()),
    campaignPlaceCall: (input: { batchId: string; index: number }) => refusingDomainErrors(() => placeCampaignCall(deps, input)),
    campaignCallState: (aiCallId: string) => campaignCallState(deps.db, aiCallId),
    campaignReconcileCall: (aiCallId: string) => refusingDomainErrors(() => reconcileCampaignCall(deps, aiCallId)),
    campaignTally: (input: { batchId: string }) => tallyCampaign(deps.db, input.batchId),
    hireBulkRejectChunk: (input: BulkRejectInput) => rejectChunk(deps, input),
    hireNotifySlaBreach: (input: { jobApplicationId: string; stage: CandidateStatus; hours: number }) => send(() => notifySlaBreachStep(deps, input)),
  };
}

export type HireActivities = ReturnType<typeof createHireActivities>;
