// When a job goes active, the talent pool (candidates kept from other jobs on the same platform)
// is matched against it: the LLM scores each candidate's fit, and talent_pool_matches keeps the
// suggestions for the recruiter. One row per (entry, job): re-running a match changes nothing.
import type { Client } from '@temporalio/client';
import { TALENT_MATCH, jobBriefText } from '../../domain/hire/ai-prompts.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import type { LlmProvider } from '../../providers/llm/interface.js';
import { MasEntityId, MasEntityType, MasJobPostId } from '../../workflows/search-attributes.js';
import { TALENT_MATCH_WORKFLOW, type TalentMatchInput } from '../../workflows/talent-pool-match/talent-pool-match.contract.js';
import { startOrJoin } from '../start-or-join.js';
import { recordCost } from './cost-ledger.js';
import { askLlm, LlmOutputError, LlmRefusedError } from './llm-call.js';
import { screeningSettings } from './pipeline-state.js';

/** Candidates considered per activation (the most recent first). */
export const TALENT_MATCH_LIMIT = 300;
export const talentMatchWorkflowId = (jobPostId: string, activatedAt: Date) => `talent-match/${jobPostId}/${activatedAt.getTime()}`;

/** Called when a job becomes active; one run per activation. */
export async function startTalentPoolMatching(deps: { temporal: Client; taskQueue: string }, job: { id: string; title: string; publishedAt: Date }): Promise<void> {
  await startOrJoin(deps.temporal, TALENT_MATCH_WORKFLOW, {
    taskQueue: deps.taskQueue,
    workflowId: talentMatchWorkflowId(job.id, job.publishedAt),
    args: [{ jobPostId: job.id } satisfies TalentMatchInput],
    staticSummary: `Talent pool match · ${job.title.slice(0, 100)}`,
    typedSearchAttributes: [
      { key: MasEntityType, value: 'job_post' },
      { key: MasEntityId, value: job.id },
      { key: MasJobPostId, value: job.id },
    ],
  });
}

/** The talent-pool entries to score for the job: same platform, active, from other jobs, not matched yet. */
export async function talentPoolCandidates(db: Db, jobPostId: string): Promise<string[]> {
  const job = await db.jobPost.findUnique({ where: { id: jobPostId }, select: { postedOn: true, status: true } });
  if (!job || job.status !== 'active') return [];
  const rows = await db.talentPoolEntry.findMany({
    where: { isActive: true, platform: job.postedOn, NOT: { jobPostId }, matches: { none: { jobPostId } }, jobApplication: { rejectedAt: null } },
    orderBy: { createdAt: 'desc' },
    take: TALENT_MATCH_LIMIT,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export async function matchTalentEntries(deps: { db: Db; llm: LlmProvider; logger: Logger }, input: { jobPostId: string; entryIds: string[]; attempt: number }): Promise<{ matched: number; skipped: number }> {
  const { db } = deps;
  const job = await db.jobPost.findUnique({ where: { id: input.jobPostId }, select: { title: true, description: true, skills: true, belongsTo: true } });
  if (!job) return { matched: 0, skipped: input.entryIds.length };
  const s = await screeningSettings(db, input.jobPostId, job.belongsTo);
  const brief = jobBriefText({ title: job.title, description: job.description, skills: job.skills, mustHaveSkills: s.mustHaveSkills, niceToHaveSkills: s.niceToHaveSkills, minExperienceYears: s.minExperienceYears });
  let matched = 0;
  let skipped = 0;
  for (const entryId of input.entryIds) {
    const entry = await db.talentPoolEntry.findUnique({ where: { id: entryId }, select: { id: true, jobApplicationId: true, skills: true, experienceYears: true, currentRole: true, summary: true } });
    if (!entry || (await db.talentPoolMatch.count({ where: { talentPoolEntryId: entryId, jobPostId: input.jobPostId } })) > 0) {
      skipped++;
      continue;
    }
    const user = `${brief}\n\nCandidate:\nSkills: ${entry.skills.join(', ') || 'unknown'}\nExperience (years): ${entry.experienceYears?.toString() ?? 'unknown'}\nCurrent role: ${entry.currentRole ?? 'unknown'}\nSummary: ${entry.summary?.slice(0, 3000) ?? 'none'}`;
    const key = `talent_match:${entryId}:${input.jobPostId}`;
    try {
      const answer = await askLlm(deps, TALENT_MATCH, user, { key, attempt: input.attempt, stage: 'TALENT_POOL_MATCHING', jobApplicationId: entry.jobApplicationId, jobPostId: input.jobPostId });
      await db.$transaction(async (tx) => {
        await tx.talentPoolMatch.createMany({
          data: [{ talentPoolEntryId: entryId, jobPostId: input.jobPostId, matchScore: answer.value.matchScore, matchedSkills: answer.value.matchedSkills, reasoning: answer.value.reasoning }],
          skipDuplicates: true,
        });
        await recordCost(tx, answer.cost);
      });
      matched++;
    } catch (err) {
      // One candidate the model cannot judge does not stop the others.
      if (!(err instanceof LlmOutputError) && !(err instanceof LlmRefusedError)) throw err;
      skipped++;
    }
  }
  return { matched, skipped };
}
