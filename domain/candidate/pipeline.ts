// The rules of the candidate pipeline on top of the seed's CandidateStatus line: stages a job
// does not use are skipped (a forward jump), recruiters move candidates with advance / reject /
// hold / release / override, and each move is checked here before anything changes. The
// workflow's Update validators and the api both call these, so a refused move is a 409 with the
// same words wherever it comes from. Pure: safe in workflow code.
import { candidateLifecycle, type CandidateStatus } from './status.js';

export const STAGE_ORDER: readonly CandidateStatus[] = candidateLifecycle.states;
export const DECISIONS = ['shortlisted', 'talent_pool'] as const satisfies readonly CandidateStatus[];
export type Decision = (typeof DECISIONS)[number];

export const stageIndex = (s: CandidateStatus) => STAGE_ORDER.indexOf(s);
export const isDecision = (s: CandidateStatus): s is Decision => (DECISIONS as readonly string[]).includes(s);

/** The stages a recruiter may advance a candidate to (scoring and the verdict always run). */
export const ADVANCE_TARGETS: readonly CandidateStatus[] = STAGE_ORDER.slice(stageIndex('resume_parsed'), stageIndex('voice_interview_completed') + 1);

export const REJECTION_CODES = ['not_qualified', 'no_response', 'duplicate', 'position_filled', 'withdrew', 'failed_screening', 'other'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** Reasons a run waits for a recruiter. */
export const ATTENTION_REASONS = ['no_text_layer', 'unreadable_resume', 'llm_invalid_output', 'llm_refused', 'quiz_expired', 'voice_unreachable', 'voice_no_phone', 'no_email'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** Which optional stages a job runs (job_screening_configs). */
export interface StagePlan {
  outreach: boolean;
  quiz: boolean;
  voice: boolean;
}

/**
 * Where the pipeline goes after `from` finished: the next stage the job uses. Scoring and the
 * verdict are never skipped. null at a verdict (nothing follows).
 */
export function nextStage(from: CandidateStatus, plan: StagePlan): CandidateStatus | null {
  switch (from) {
    case 'resume_received':
      return 'resume_parsed';
    case 'resume_parsed':
      return plan.outreach ? 'outreach_sent' : nextStage('outreach_sent', plan);
    case 'outreach_sent':
      return plan.quiz ? 'quiz_invited' : nextStage('quiz_completed', plan);
    case 'quiz_invited':
      return 'quiz_completed';
    case 'quiz_completed':
      return plan.voice ? 'voice_interview_scheduled' : nextStage('voice_interview_completed', plan);
    case 'voice_interview_scheduled':
      return 'voice_interview_completed';
    case 'voice_interview_completed':
      return 'scoring_complete';
    case 'scoring_complete':
    case 'shortlisted':
    case 'talent_pool':
      return null;
  }
}

/** A legal automatic move: strictly forward, and a verdict only from scoring_complete. */
export function isForwardMove(from: CandidateStatus, to: CandidateStatus): boolean {
  if (isDecision(to)) return from === 'scoring_complete';
  return !isDecision(from) && stageIndex(to) > stageIndex(from);
}

export interface CandidateFlags {
  status: CandidateStatus;
  held: boolean;
  rejected: boolean;
}

/** null when allowed, else why not (the 409's detail). */
export function refuseAdvance(c: CandidateFlags, to: CandidateStatus): string | null {
  if (c.rejected) return 'The candidate was rejected; the pipeline has ended';
  if (c.held) return 'The candidate is on hold; release them first';
  if (!ADVANCE_TARGETS.includes(to)) return `A recruiter can advance a candidate only to ${ADVANCE_TARGETS.join(', ')}; scoring and the verdict follow by themselves`;
  if (isDecision(c.status) || stageIndex(to) <= stageIndex(c.status)) return `A candidate in ${c.status} cannot be advanced to ${to}: advance moves forward only`;
  return null;
}

export function refuseReject(c: CandidateFlags): string | null {
  if (c.rejected) return 'The candidate is already rejected';
  return null;
}

export function refuseHold(c: CandidateFlags): string | null {
  if (c.rejected) return 'The candidate was rejected; the pipeline has ended';
  if (c.held) return 'The candidate is already on hold';
  if (isDecision(c.status)) return `The candidate already has a verdict (${c.status}); there is nothing to hold`;
  return null;
}

export function refuseRelease(c: CandidateFlags): string | null {
  if (!c.held) return 'The candidate is not on hold';
  return null;
}

export function refuseOverride(c: CandidateFlags, verdict: Decision): string | null {
  if (c.rejected) return 'The candidate was rejected; the pipeline has ended';
  if (c.status !== 'scoring_complete' && !isDecision(c.status)) return `There is no AI verdict to override yet (the candidate is in ${c.status})`;
  if (c.status === verdict) return `The candidate is already ${verdict}`;
  return null;
}

/** Hours allowed in a stage before the SLA is breached, from the job's stageSlaHours; null = no SLA. */
export function slaHoursFor(stageSlaHours: Partial<Record<CandidateStatus, number>> | null | undefined, stage: CandidateStatus): number | null {
  const h = stageSlaHours?.[stage];
  return typeof h === 'number' && h > 0 ? h : null;
}
