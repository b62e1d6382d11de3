// Pipeline step 1, parse: read the stored resume, extract its text with real libraries
// (resume-text.ts), ask the LLM for a structured profile, and commit resume_analyses, the audit
// row, the cost and the move to resume_parsed in one transaction. A resume with no text layer
// (a scan) or one the libraries cannot read is recorded as a failed analysis and left for a
// recruiter: the run waits, it does not fail.
import { RESUME_PROFILE, jobBriefText } from '../../domain/hire/ai-prompts.js';
import type { AttentionReason } from '../../domain/candidate/pipeline.js';
import { DomainError } from '../../domain/errors.js';
import type { HireStepDeps } from './hire-deps.js';
import { askLlm } from './llm-call.js';
import { recordCost } from './cost-ledger.js';
import { moveStageIn, recordDecision, screeningSettings, setAttention, stepDone } from './pipeline-state.js';
import { extractResumeText } from './resume-text.js';

export type StepOutcome = { outcome: 'done' } | { outcome: 'attention'; reason: AttentionReason };

export interface StepInput {
  jobApplicationId: string;
  /** The activity attempt (a bad LLM answer of each attempt is booked once). */
  attempt: number;
}

const MAX_TEXT_FOR_LLM = 24_000;

export async function parseResumeStep(deps: HireStepDeps, input: StepInput): Promise<StepOutcome> {
  const { db, now } = deps;
  const { jobApplicationId } = input;
  const key = `${jobApplicationId}:resume_parse`;
  if (await stepDone(db, key)) return { outcome: 'done' };
  const app = await db.jobApplication.findUnique({ where: { id: jobApplicationId }, select: { jobPostId: true, status: true, resumeS3Key: true, resumeFileName: true, name: true, email: true, phone: true } });
  if (!app) throw new DomainError('NOT_FOUND', `Job application ${jobApplicationId} does not exist`);

  const fail = async (reason: AttentionReason, message: string, extractedText?: string) => {
    await db.$transaction(async (tx) => {
      if ((await tx.candidateDecision.count({ where: { idempotencyKey: `${key}:failed` } })) > 0) return;
      await tx.resumeAnalysis.create({ data: { jobApplicationId, status: 'failed', errorMessage: message, extractedText: extractedText ?? null, processedAt: now() } });
      await recordDecision(tx, { jobApplicationId, jobPostId: app.jobPostId, stage: 'resume_received', kind: 'resume_parse', actorType: 'system', note: message, reasons: { attention: reason }, idempotencyKey: `${key}:failed` });
    });
    await setAttention(db, { jobApplicationId, reason }, now());
    return { outcome: 'attention' as const, reason };
  };

  if (!app.resumeS3Key) return fail('unreadable_resume', 'The application has no stored resume');
  const object = await deps.resumes.getObject(app.resumeS3Key);
  if (!object) return fail('unreadable_resume', `The resume object ${app.resumeS3Key} is missing`);
  const kind = /\.docx$/i.test(app.resumeFileName ?? app.resumeS3Key) || /\.docx$/i.test(app.resumeS3Key) ? 'docx' : 'pdf';
  const extracted = await extractResumeText(object.body, kind);
  if (extracted.outcome === 'no_text_layer') return fail('no_text_layer', 'The resume has no text layer (a scan?): read it and advance or reject the candidate', extracted.text);
  if (extracted.outcome !== 'ok') return fail('unreadable_resume', 'The resume file could not be read');

  const job = await db.jobPost.findUnique({ where: { id: app.jobPostId }, select: { title: true, description: true, skills: true, belongsTo: true } });
  const s = await screeningSettings(db, app.jobPostId, job?.belongsTo ?? null);
  const user = `${jobBriefText({ title: job?.title ?? 'unknown', description: job?.description ?? null, skills: job?.skills ?? [], mustHaveSkills: s.mustHaveSkills, niceToHaveSkills: s.niceToHaveSkills, minExperienceYears: s.minExperienceYears })}\n\nResume text:\n${extracted.text.slice(0, MAX_TEXT_FOR_LLM)}`;
  const answer = await askLlm(deps, RESUME_PROFILE, user, { key, attempt: input.attempt, stage: 'RESUME_PARSING', jobApplicationId, jobPostId: app.jobPostId });
  const p = answer.value;
  const jobSkills = new Set([...(job?.skills ?? []), ...s.mustHaveSkills, ...s.niceToHaveSkills].map((x) => x.toLowerCase()));
  const matched = p.skills.filter((x) => jobSkills.has(x.toLowerCase()));
  const matchScore = jobSkills.size ? Math.round((100 * new Set(matched.map((x) => x.toLowerCase())).size) / jobSkills.size) : null;

  await db.$transaction(async (tx) => {
    await tx.resumeAnalysis.create({
      data: {
        jobApplicationId,
        status: 'completed',
        extractedText: extracted.text,
        parsedData: p,
        skills: p.skills,
        totalExperienceYears: p.totalExperienceYears,
        resumeScore: p.resumeScore,
        matchScore,
        strengths: p.strengths,
        gaps: p.gaps,
        summary: p.summary,
        model: answer.model,
        processedAt: now(),
      },
    });
    await recordDecision(tx, {
      jobApplicationId,
      jobPostId: app.jobPostId,
      stage: 'resume_received',
      kind: 'resume_parse',
      actorType: 'ai',
      model: answer.model,
      promptVersion: answer.promptVersion,
      inputHash: answer.inputHash,
      rawOutput: answer.raw,
      score: p.resumeScore,
      reasons: { strengths: p.strengths, gaps: p.gaps, matchedSkills: matched },
      idempotencyKey: key,
    });
    await recordCost(tx, answer.cost);
    // A bulk-uploaded resume may have come without contact details: fill only what is missing.
    const fill = { ...(app.name ? {} : p.name ? { name: p.name } : {}), ...(app.phone ? {} : p.phone && /^\+[1-9]\d{6,14}$/.test(p.phone) ? { phone: p.phone } : {}) };
    await moveStageIn(tx, jobApplicationId, 'resume_received', 'resume_parsed', now(), fill);
  });
  return { outcome: 'done' };
}
