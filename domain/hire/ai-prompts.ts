// What the pipeline asks the LLM: one strict JSON schema per question (sent as
// response_format.json_schema) and the zod schema the answer must pass anyway. A prompt's
// version is stored with every verdict (candidate_decisions.promptVersion): change the text or
// the schema, bump the version.
import { z } from 'zod';

const str = (max: number) => z.string().max(max);
const score = z.number().min(0).max(100);

export const resumeProfileSchema = z.object({
  name: str(200).nullable(),
  email: str(320).nullable(),
  phone: str(40).nullable(),
  currentRole: str(200).nullable(),
  totalExperienceYears: z.number().min(0).max(60).nullable(),
  skills: z.array(str(80)).max(100),
  education: z.array(z.object({ degree: str(200), institution: str(200), year: z.number().int().min(1950).max(2100).nullable() })).max(20),
  summary: str(4000),
  resumeScore: score,
  strengths: z.array(str(500)).max(20),
  gaps: z.array(str(500)).max(20),
});
export type ResumeProfile = z.infer<typeof resumeProfileSchema>;

export const candidateScoreSchema = z.object({
  score,
  criteria: z.array(z.object({ criterion: str(100), score, weight: z.number().min(0).max(1), evidence: str(1000) })).max(20),
  reasons: z.array(str(1000)).min(1).max(20),
  redFlags: z.array(str(500)).max(20),
});
export type CandidateScore = z.infer<typeof candidateScoreSchema>;

export const voiceEvaluationSchema = z.object({
  overallScore: score,
  competencies: z.array(z.object({ name: str(100), score, evidence: str(1000) })).max(20),
  summary: str(4000),
  reasons: z.array(str(1000)).max(20),
});
export type VoiceEvaluation = z.infer<typeof voiceEvaluationSchema>;

export const talentMatchSchema = z.object({
  matchScore: score,
  matchedSkills: z.array(str(80)).max(50),
  reasoning: str(2000),
});
export type TalentMatch = z.infer<typeof talentMatchSchema>;

// The same shapes as strict JSON schemas (every property required, no extra properties).
const S = {
  str: (maxLength: number) => ({ type: 'string', maxLength }),
  nstr: (maxLength: number) => ({ type: ['string', 'null'], maxLength }),
  score: { type: 'number', minimum: 0, maximum: 100 },
  arr: (items: object, maxItems: number, minItems = 0) => ({ type: 'array', items, minItems, maxItems }),
  obj: (properties: Record<string, object>) => ({ type: 'object', properties, required: Object.keys(properties), additionalProperties: false }),
};

export interface AiPrompt<T> {
  /** json_schema.name, also the cost/audit label. */
  name: string;
  version: string;
  system: string;
  jsonSchema: Record<string, unknown>;
  zod: z.ZodType<T>;
}

export const RESUME_PROFILE: AiPrompt<ResumeProfile> = {
  name: 'resume_profile',
  version: 'resume_profile@1',
  system:
    'You are a recruiting assistant. Read the resume text and return the candidate profile as JSON matching the schema. ' +
    'Use null for anything the resume does not state; never invent contact details. resumeScore rates the resume itself (clarity, evidence of impact), 0-100.',
  jsonSchema: S.obj({
    name: S.nstr(200),
    email: S.nstr(320),
    phone: S.nstr(40),
    currentRole: S.nstr(200),
    totalExperienceYears: { type: ['number', 'null'], minimum: 0, maximum: 60 },
    skills: S.arr(S.str(80), 100),
    education: S.arr(S.obj({ degree: S.str(200), institution: S.str(200), year: { type: ['integer', 'null'], minimum: 1950, maximum: 2100 } }), 20),
    summary: S.str(4000),
    resumeScore: S.score,
    strengths: S.arr(S.str(500), 20),
    gaps: S.arr(S.str(500), 20),
  }),
  zod: resumeProfileSchema,
};

export const CANDIDATE_SCORE: AiPrompt<CandidateScore> = {
  name: 'candidate_score',
  version: 'candidate_score@1',
  system:
    'You are a fair, evidence-based screening assistant. Score the candidate against the job and the rubric, 0-100. ' +
    'Judge only job-relevant evidence (skills, experience, quiz and interview results); ignore name, gender, age, religion, caste and location unless the job requires it. ' +
    'Give the reasons for the score and any red flags.',
  jsonSchema: S.obj({
    score: S.score,
    criteria: S.arr(S.obj({ criterion: S.str(100), score: S.score, weight: { type: 'number', minimum: 0, maximum: 1 }, evidence: S.str(1000) }), 20),
    reasons: S.arr(S.str(1000), 20, 1),
    redFlags: S.arr(S.str(500), 20),
  }),
  zod: candidateScoreSchema,
};

export const VOICE_EVALUATION: AiPrompt<VoiceEvaluation> = {
  name: 'voice_evaluation',
  version: 'voice_evaluation@1',
  system: 'You evaluate a screening phone interview transcript for the job. Score communication and job-relevant competence, 0-100, with evidence quoted from the transcript.',
  jsonSchema: S.obj({
    overallScore: S.score,
    competencies: S.arr(S.obj({ name: S.str(100), score: S.score, evidence: S.str(1000) }), 20),
    summary: S.str(4000),
    reasons: S.arr(S.str(1000), 20),
  }),
  zod: voiceEvaluationSchema,
};

export const TALENT_MATCH: AiPrompt<TalentMatch> = {
  name: 'talent_match',
  version: 'talent_match@1',
  system: 'You match a talent-pool candidate to a newly opened job. Return how well they fit, 0-100, the job skills they have, and why.',
  jsonSchema: S.obj({ matchScore: S.score, matchedSkills: S.arr(S.str(80), 50), reasoning: S.str(2000) }),
  zod: talentMatchSchema,
};

export interface JobBrief {
  title: string;
  description: string | null;
  skills: string[];
  mustHaveSkills: string[];
  niceToHaveSkills: string[];
  minExperienceYears: number | null;
}

export function jobBriefText(job: JobBrief): string {
  return [
    `Job title: ${job.title}`,
    job.description ? `Description: ${job.description.slice(0, 6000)}` : null,
    `Skills: ${job.skills.join(', ') || 'not stated'}`,
    `Must have: ${job.mustHaveSkills.join(', ') || 'none'}`,
    `Nice to have: ${job.niceToHaveSkills.join(', ') || 'none'}`,
    `Minimum experience (years): ${job.minExperienceYears ?? 'not stated'}`,
  ]
    .filter(Boolean)
    .join('\n');
}
