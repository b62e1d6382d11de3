// A job's screening setup as the pipeline reads it: which stages apply and how long a candidate
// may wait in each stage (stageSlaHours) before the recruiter is told.
import { z } from 'zod';
import { candidateLifecycle, type CandidateStatus } from '../candidate/status.js';

export const SLA_MIN_HOURS = 1;
export const SLA_MAX_HOURS = 720;

/** { "<CandidateStatus>": hours 1–720 }; stages left out have no SLA. */
export const StageSlaHours = z
  .partialRecord(z.enum(candidateLifecycle.states), z.number().int().min(SLA_MIN_HOURS).max(SLA_MAX_HOURS))
  .refine((v) => Object.keys(v).length <= candidateLifecycle.states.length, { message: 'Too many stages' });
export type StageSlaHours = Partial<Record<CandidateStatus, number>>;

/** The stored JSON, parsed; an unreadable value counts as no SLAs rather than failing the pipeline. */
export function parseStageSlaHours(value: unknown): StageSlaHours {
  const parsed = StageSlaHours.safeParse(value ?? {});
  return parsed.success ? (parsed.data as StageSlaHours) : {};
}

export const VOICE_MAX_ATTEMPTS = { min: 1, max: 5 } as const;
export const PASS_THRESHOLD = { min: 0, max: 100 } as const;

/** What the AI interviewer must cover: up to 30 questions or topics. */
export const VoiceInterviewQuestions = z.array(z.string().trim().min(1).max(1000)).max(30);
