// Pipeline steps 5 and 6: the LLM scores the candidate against the job and the rubric, using
// everything the earlier stages found (resume profile, quiz grade, interview evaluation); then
// the verdict: at or above the job's threshold shortlisted, below it the talent pool. Plus the
// time-in-stage SLA breach, told to the recruiter once per stage.
import type { CandidateStatus } from '../../domain/candidate/status.js';
import { DomainError } from '../../domain/errors.js';
import { CANDIDATE_SCORE, jobBriefText } from '../../domain/hire/ai-prompts.js';
import { sendClaimedEmail } from '../notifications/claimed-email.js';
import { recordCost } from './cost-ledger.js';
import { hireSettings, type HireStepDeps } from './hire-deps.js';
import { askLlm } from './llm-call.js';
import { moveStageIn, placeInTalentPool, recordDecision, screeningSettings, stepDone } from './pipeline-state.js';
import type { StepOutcome } from './resume-parse.js';
import { notify } from '../notifications/centre.js';

export async function scoreCandidateStep(deps: HireStepDeps, input: { jobApplicationId: string; from: CandidateStatus; attempt: number }): Promise<StepOutcome> {
  const { db, now } = deps;
  const { jobApplicationId } = input;
  const key = `${jobApplicationId}:scoring`;
  if (await stepDone(db, key)) return { outcome: 'done' };
  const app = await db.jobApplication.findUnique({ where: { id: jobApplicationId }, select: { jobPostId: true } });
  if (!app) throw new DomainError('NOT_FOUND', `Job application ${jobApplicationId} does not exist`);
  const job = await db.jobPost.findUnique({ where: { id: app.jobPostId }, select: { title: true, description: true, skills: true, belongsTo: true } });
  const s = await screeningSettings(db, app.jobPostId, job?.belongsTo ?? null);
  const [analysis, quiz, voice] = await Promise.all([
    db.resumeAnalysis.findFirst({ where: { jobApplicationId, status: 'completed' }, orderBy: { createdAt: 'desc' }, select: { parsedData: true, skills: true, totalExperienceYears: true, summary: true } }),
    db.candidateQuizResponse.findFirst({ where: { jobApplicationId, status: 'submitted' }, orderBy: { createdAt: 'desc' }, select: { score: true, maxScore: true, passed: true } }),
    db.voiceInterview.findFirst({ where: { jobApplicationId, status: 'completed', overallScore: { not: null } }, orderBy: { createdAt: 'desc' }, select: { overallScore: true, summary: true } }),
  ]);
  const rubric = s.criteria ? `Rubric weights: ${JSON.stringify(s.criteria).slice(0, 2000)}` : 'Rubric: skills 0.5, experience 0.3, assessments 0.2';
  const user = [
    jobBriefText({ title: job?.title ?? 'unknown', description: job?.description ?? null, skills: job?.skills ?? [], mustHaveSkills: s.mustHaveSkills, niceToHaveSkills: s.niceToHaveSkills, minExperienceYears: s.minExperienceYears }),
    rubric,
    s.promptInstructions ? `Recruiter instructions: ${s.promptInstructions.slice(0, 2000)}` : null,
    `Candidate skills: ${analysis?.skills.join(', ') || 'unknown'}`,
    `Experience (years): ${analysis?.totalExperienceYears?.toString() ?? 'unknown'}`,
    `Resume summary: ${analysis?.summary?.slice(0, 4000) ?? 'none'}`,
    quiz ? `Quiz: ${quiz.score?.toString() ?? 0} of ${quiz.maxScore?.toString() ?? 0} (${quiz.passed ? 'passed' : 'not passed'})` : 'Quiz: not taken',
    voice ? `Interview: ${voice.overallScore?.toString()} / 100. ${voice.summary?.slice(0, 2000) ?? ''}` : 'Interview: not held',
  ]
    .filter(Boolean)
    .join('\n');
  const answer = await askLlm(deps, CANDIDATE_SCORE, user, { key, attempt: input.attempt, stage: 'SCORING', jobApplicationId, jobPostId: app.jobPostId });
  const v = answer.value;
  await db.$transaction(async (tx) => {
    await tx.screeningResult.create({
      data: {
        jobApplicationId,
        jobPostId: app.jobPostId,
        verdict: v.score >= s.passThreshold ? 'pass' : 'fail',
        score: v.score,
        thresholdUsed: s.passThreshold,
        criteriaScores: v.criteria,
        reasoning: v.reasons.join('\n').slice(0, 8000),
        redFlags: v.redFlags,
        model: answer.model,
      },
    });
    await recordDecision(tx, {
      jobApplicationId,
      jobPostId: app.jobPostId,
      stage: input.from,
      kind: 'scoring',
      actorType: 'ai',
      model: answer.model,
      promptVersion: answer.promptVersion,
      inputHash: answer.inputHash,
      rawOutput: answer.raw,
      score: v.score,
      reasons: { reasons: v.reasons, redFlags: v.redFlags, criteria: v.criteria },
      idempotencyKey: key,
    });
    await recordCost(tx, answer.cost);
    await moveStageIn(tx, jobApplicationId, input.from, 'scoring_complete', now(), { overallScore: v.score });
  });
  return { outcome: 'done' };
}

/** scoring_complete → shortlisted | talent_pool against the job's threshold. */
export async function decideCandidateStep(deps: Pick<HireStepDeps, 'db' | 'now'>, input: { jobApplicationId: string; passThreshold: number }): Promise<{ verdict: 'shortlisted' | 'talent_pool' | null }> {
  const { db, now } = deps;
  const { jobApplicationId } = input;
  const key = `${jobApplicationId}:verdict`;
  return db.$transaction(async (tx) => {
    const app = await tx.jobApplication.findUnique({ where: { id: jobApplicationId }, select: { jobPostId: true, status: true, overallScore: true, name: true, email: true, phone: true, platform: true } });
    if (!app) throw new DomainError('NOT_FOUND', `Job application ${jobApplicationId} does not exist`);
    if (app.status === 'shortlisted' || app.status === 'talent_pool') return { verdict: app.status };
    if (app.status !== 'scoring_complete' || app.overallScore === null) return { verdict: null };
    const verdict = Number(app.overallScore) >= input.passThreshold ? 'shortlisted' : 'talent_pool';
    if (!(await moveStageIn(tx, jobApplicationId, 'scoring_complete', verdict, now()))) return { verdict: null };
    await placeInTalentPool(tx, { jobApplicationId, jobPostId: app.jobPostId, verdict, candidate: app });
    await recordDecision(tx, {
      jobApplicationId,
      jobPostId: app.jobPostId,
      stage: 'scoring_complete',
      kind: 'verdict',
      actorType: 'system',
      score: Number(app.overallScore),
      reasons: { threshold: input.passThreshold, verdict },
      idempotencyKey: key,
    });
    return { verdict };
  });
}

/** The candidate overstayed `stage`: one notification row and one email to the job's owner. */
export async function notifySlaBreachStep(deps: Pick<HireStepDeps, 'db' | 'now' | 'email' | 'logger' | 'hire'>, input: { jobApplicationId: string; stage: CandidateStatus; hours: number }): Promise<{ notified: boolean }> {
  const { db, now } = deps;
  const { jobApplicationId, stage } = input;
  const app = await db.jobApplication.findUnique({ where: { id: jobApplicationId }, select: { jobPostId: true, name: true } });
  if (!app) return { notified: false };
  const job = await db.jobPost.findUnique({ where: { id: app.jobPostId }, select: { title: true, belongsTo: true } });
  const owner = job?.belongsTo ? await db.user.findUnique({ where: { id: job.belongsTo }, select: { id: true, email: true } }) : null;
  const marked = await db.$transaction(async (tx) => {
    const { count } = await tx.jobApplication.updateMany({
      where: { id: jobApplicationId, status: stage, rejectedAt: null, OR: [{ slaBreachedStage: null }, { slaBreachedStage: { not: stage } }] },
      data: { slaBreachedStage: stage, slaBreachedAt: now() },
    });
    if (count === 0) return false;
    if (owner) {
      await notify(tx, {
        userId: owner.id,
        type: 'ACTION_REQUIRED',
        category: 'JOB',
        priority: 'HIGH',
        title: `Candidate waiting in ${stage}`,
        message: `A candidate for ${job?.title ?? 'your job'} has been in ${stage} for more than ${input.hours} h.`,
        actionUrl: `/hire/jobs/${app.jobPostId}/candidates/${jobApplicationId}`,
        data: { jobApplicationId, jobPostId: app.jobPostId, stage },
      });
    }
    return true;
  });
  // A retry after the mark committed still owes the email (its claim dedupes); a candidate who moved on first gets none.
  const breached = marked || (await db.jobApplication.count({ where: { id: jobApplicationId, slaBreachedStage: stage } })) > 0;
  if (breached && owner?.email) {
    // The email follows the committed mark; its claim keeps it to one per stage even on retries.
    const settings = hireSettings(deps);
    await sendClaimedEmail(deps, {
      dedupeKey: `hire-sla:${jobApplicationId}:${stage}`,
      emailType: 'HIRE_SLA_BREACH',
      userId: owner.id,
      to: owner.email,
      from: settings.emailFrom,
      subject: `SLA: a candidate is waiting in ${stage}`,
      text: `A candidate for ${job?.title ?? 'your job'} has been in ${stage} for more than ${input.hours} hours.\n${settings.publicWebUrl}/hire/jobs/${app.jobPostId}/candidates/${jobApplicationId}`,
      metadata: { jobApplicationId, stage },
    });
  }
  return { notified: marked };
}
