// Mr-Hire candidate pipeline (seed: CandidateStatus on JobApplication), as the seed draws it.
import { defineLifecycle } from '../lifecycle.js';

export const candidateLifecycle = defineLifecycle(
  'candidate',
  [
    'resume_received',
    'resume_parsed',
    'outreach_sent',
    'quiz_invited',
    'quiz_completed',
    'voice_interview_scheduled',
    'voice_interview_completed',
    'scoring_complete',
    'shortlisted',
    'talent_pool',
  ],
  'resume_received',
  {
    resume_received: ['resume_parsed'],
    resume_parsed: ['outreach_sent'],
    outreach_sent: ['quiz_invited'],
    quiz_invited: ['quiz_completed'],
    quiz_completed: ['voice_interview_scheduled'],
    voice_interview_scheduled: ['voice_interview_completed'],
    voice_interview_completed: ['scoring_complete'],
    scoring_complete: ['shortlisted', 'talent_pool'],
    shortlisted: [],
    talent_pool: [],
  },
);
export type CandidateStatus = (typeof candidateLifecycle.states)[number];
