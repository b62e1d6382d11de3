// The pipeline's reads and writes of a job application's state: the context a run starts from,
// stage moves (conditional on the stage the run believes in, so a stale step cannot move a
// candidate twice), the "waits for a recruiter" flag, and the recruiter's own moves with their
// audit rows. Each write is one short transaction; nothing here talks to a provider.
import type { Db } from '../../infra/prisma.js';
import type { CandidateStatus } from '../../domain/candidate/status.js';
import { isDecision, type AttentionReason, type Decision, type StagePlan } from '../../domain/candidate/pipeline.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface PipelineContext {
  status: CandidateStatus;
  held: boolean;
  rejected: boolean;
  attention: string | null;
  /** ISO instant the current stage began. */
  stageSince: string;
  plan: StagePlan;
  passThreshold: number;
  stageSlaHours: Partial<Record<CandidateStatus, number>>;
  quizExpiryHours: number;
  voiceMaxAttempts: number;
  voiceRetryMinutes: number;
}

export const DEFAULT_PASS_THRESHOLD = 70;

/** The job's active screening config, else the owner's default AI screening config, else defaults. */
export async function screeningSettings(db: Db | Tx, jobPostId: string, ownerId: string | null) {
  const cfg = await db.jobScreeningConfig.findFirst({ where: { jobPostId, isActive: true }, orderBy: { updatedAt: 'desc' } });
  const recruiterDefault = !cfg && ownerId ? await db.aiScreeningConfig.findFirst({ where: { userId: ownerId, isDefault: true, isActive: true } }) : null;
  return {
    outreach: cfg?.outreachEnabled ?? true,
    quiz: Boolean(cfg?.quizEnabled && cfg.quizTemplateId),
    quizTemplateId: cfg?.quizTemplateId ?? null,
    voice: cfg?.voiceInterviewEnabled ?? false,
    voiceQuestions: cfg?.voiceInterviewQuestions ?? null,
    passThreshold: Number(cfg?.passThreshold ?? recruiterDefault?.passThreshold ?? DEFAULT_PASS_THRESHOLD),
    mustHaveSkills: cfg?.mustHaveSkills ?? recruiterDefault?.mustHaveSkills ?? [],
    niceToHaveSkills: cfg?.niceToHaveSkills ?? recruiterDefault?.niceToHaveSkills ?? [],
    minExperienceYears: cfg?.minExperienceYears ?? recruiterDefault?.minExperienceYears ?? null,
    criteria: cfg?.criteria ?? recruiterDefault?.criteria ?? null,
    promptInstructions: recruiterDefault?.promptInstructions ?? null,
    stageSlaHours: readSlaHours(cfg?.stageSlaHours),
    quizExpiryHours: cfg?.quizExpiryHours ?? 72,
    voiceMaxAttempts: cfg?.voiceMaxAttempts ?? 2,
    voiceRetryMinutes: cfg?.voiceRetryMinutes ?? 60,
  };
}

function readSlaHours(v: Prisma.JsonValue | undefined): Partial<Record<CandidateStatus, number>> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)) as Partial<Record<CandidateStatus, number>>;
}

/** null when the application is gone (an apply whose start looked failed was undone): the run then ends at once. */
export async function loadPipelineContext(db: Db, jobApplicationId: string): Promise<PipelineContext | null> {
  const app = await db.jobApplication.findUnique({ where: { id: jobApplicationId }, select: { jobPostId: true, status: true, heldAt: true, rejectedAt: true, attentionReason: true, statusChangedAt: true } });
  if (!app) return null;
  const job = await db.jobPost.findUnique({ where: { id: app.jobPostId }, select: { belongsTo: true } });
  const s = await screeningSettings(db, app.jobPostId, job?.belongsTo ?? null);
  return {
    status: app.status,
    held: app.heldAt !== null,
    rejected: app.rejectedAt !== null,
    attention: app.attentionReason,
    stageSince: app.statusChangedAt.toISOString(),
    plan: { outreach: s.outreach, quiz: s.quiz, voice: s.voice },
    passThreshold: s.passThreshold,
    stageSlaHours: s.stageSlaHours,
    quizExpiryHours: s.quizExpiryHours,
    voiceMaxAttempts: s.voiceMaxAttempts,
    voiceRetryMinutes: s.voiceRetryMinutes,
  };
}

export interface DecisionRow {
  jobApplicationId: string;
  jobPostId: string;
  stage: CandidateStatus;
  kind: string;
  actorType: 'ai' | 'recruiter' | 'system';
  actorUserId?: string | null;
  model?: string | null;
  promptVersion?: string | null;
  inputHash?: string | null;
  rawOutput?: string | null;
  score?: number | null;
  reasons?: Prisma.InputJsonValue;
  note?: string | null;
  idempotencyKey?: string | null;
}

export async function recordDecision(tx: Db | Tx, d: DecisionRow): Promise<void> {
  await tx.candidateDecision.createMany({
    data: [
      {
        jobApplicationId: d.jobApplicationId,
        jobPostId: d.jobPostId,
        stage: d.stage,
        kind: d.kind,
        actorType: d.actorType,
        actorUserId: d.actorUserId ?? null,
        model: d.model ?? null,
        promptVersion: d.promptVersion ?? null,
        inputHash: d.inputHash ?? null,
        rawOutput: d.rawOutput ?? null,
        score: d.score ?? null,
        ...(d.reasons !== undefined ? { reasons: d.reasons } : {}),
        note: d.note ?? null,
        idempotencyKey: d.idempotencyKey ?? null,
      },
    ],
    skipDuplicates: true,
  });
}

/** Has the step with this key already committed its verdict? (A retried or replayed step is then a no-op.) */
export async function stepDone(db: Db, key: string): Promise<boolean> {
  return (await db.candidateDecision.count({ where: { idempotencyKey: key } })) > 0;
}

/**
 * Moves the candidate from `from` to `to` inside `tx`, only if they are still in `from` and not
 * rejected. Clears the attention flag. False when the candidate had moved on (nothing changes).
 */
export async function moveStageIn(tx: Db | Tx, jobApplicationId: string, from: CandidateStatus, to: CandidateStatus, at: Date, extra: Prisma.JobApplicationUpdateManyMutationInput = {}): Promise<boolean> {
  const { count } = await tx.jobApplication.updateMany({
    where: { id: jobApplicationId, status: from, rejectedAt: null },
    data: { ...extra, status: to, statusChangedAt: at, attentionReason: null, attentionAt: null },
  });
  return count === 1;
}

export async function moveStage(db: Db, input: { jobApplicationId: string; from: CandidateStatus; to: CandidateStatus }, now: Date): Promise<{ moved: boolean }> {
  return { moved: await moveStageIn(db, input.jobApplicationId, input.from, input.to, now) };
}

export async function setAttention(db: Db, input: { jobApplicationId: string; reason: AttentionReason | null }, now: Date): Promise<void> {
  await db.jobApplication.updateMany({
    where: { id: input.jobApplicationId },
    data: input.reason ? { attentionReason: input.reason, attentionAt: now } : { attentionReason: null, attentionAt: null },
  });
}

export type RecruiterWrite =
  | { kind: 'advance'; from: CandidateStatus; to: CandidateStatus; userId: string; note?: string | undefined }
  | { kind: 'reject'; stage: CandidateStatus; code: string; note?: string | undefined; userId: string }
  | { kind: 'hold'; stage: CandidateStatus; note?: string | undefined; userId: string }
  | { kind: 'release'; stage: CandidateStatus; userId: string }
  | { kind: 'override'; from: CandidateStatus; verdict: Decision; reason: string; userId: string };

/**
 * A recruiter's move, with its audit row, in one transaction. `key` makes it exactly once: the
 * workflow applies an accepted Update through an activity, and a retried activity finds its row.
 */
export async function applyRecruiterWrite(db: Db, input: { jobApplicationId: string; key: string; write: RecruiterWrite }, now: Date): Promise<{ applied: boolean }> {
  const { jobApplicationId, key, write } = input;
  return db.$transaction(async (tx) => {
    if ((await tx.candidateDecision.count({ where: { idempotencyKey: key } })) > 0) return { applied: true };
    const app = await tx.jobApplication.findUnique({ where: { id: jobApplicationId }, select: { jobPostId: true, name: true, email: true, phone: true, overallScore: true, platform: true } });
    if (!app) throw new DomainError('NOT_FOUND', `Job application ${jobApplicationId} does not exist`);
    const base = { jobApplicationId, jobPostId: app.jobPostId, actorType: 'recruiter' as const, actorUserId: write.userId, idempotencyKey: key };
    switch (write.kind) {
      case 'advance': {
        if (!(await moveStageIn(tx, jobApplicationId, write.from, write.to, now))) return { applied: false };
        await recordDecision(tx, { ...base, stage: write.from, kind: 'advance', note: write.note ?? null, reasons: { from: write.from, to: write.to } });
        return { applied: true };
      }
      case 'reject': {
        const { count } = await tx.jobApplication.updateMany({
          where: { id: jobApplicationId, rejectedAt: null },
          data: { rejectedAt: now, rejectedById: write.userId, rejectionCode: write.code, rejectionNote: write.note ?? null, heldAt: null, heldById: null, attentionReason: null, attentionAt: null },
        });
        if (count === 0) return { applied: false };
        await tx.talentPoolEntry.updateMany({ where: { jobApplicationId }, data: { isActive: false } });
        await recordDecision(tx, { ...base, stage: write.stage, kind: 'reject', note: write.note ?? null, reasons: { code: write.code } });
        return { applied: true };
      }
      case 'hold': {
        const { count } = await tx.jobApplication.updateMany({ where: { id: jobApplicationId, heldAt: null, rejectedAt: null }, data: { heldAt: now, heldById: write.userId } });
        if (count === 0) return { applied: false };
        await recordDecision(tx, { ...base, stage: write.stage, kind: 'hold', note: write.note ?? null });
        return { applied: true };
      }
      case 'release': {
        const { count } = await tx.jobApplication.updateMany({ where: { id: jobApplicationId, heldAt: { not: null } }, data: { heldAt: null, heldById: null } });
        if (count === 0) return { applied: false };
        await recordDecision(tx, { ...base, stage: write.stage, kind: 'release' });
        return { applied: true };
      }
      case 'override': {
        if (!(await moveStageIn(tx, jobApplicationId, write.from, write.verdict, now))) return { applied: false };
        await placeInTalentPool(tx, { jobApplicationId, jobPostId: app.jobPostId, verdict: write.verdict, candidate: app });
        await recordDecision(tx, { ...base, stage: write.from, kind: 'override', note: write.reason, reasons: { from: write.from, to: write.verdict } });
        return { applied: true };
      }
    }
  });
}

/**
 * The talent-pool row that goes with a verdict: below the threshold the candidate is pooled for
 * other jobs (below_threshold); a shortlisted candidate is kept too (source shortlisted), as the
 * seed's Journey 4 does. One active row per application.
 */
export async function placeInTalentPool(
  tx: Tx,
  input: { jobApplicationId: string; jobPostId: string; verdict: Decision; candidate: { name: string | null; email: string | null; phone: string | null; overallScore: Prisma.Decimal | null; platform: string | null } },
): Promise<void> {
  const source = input.verdict === 'talent_pool' ? 'below_threshold' : 'shortlisted';
  const analysis = await tx.resumeAnalysis.findFirst({ where: { jobApplicationId: input.jobApplicationId, status: 'completed' }, orderBy: { createdAt: 'desc' }, select: { skills: true, totalExperienceYears: true, summary: true, parsedData: true } });
  const parsed = (analysis?.parsedData ?? {}) as { currentRole?: string | null };
  const existing = await tx.talentPoolEntry.findFirst({ where: { jobApplicationId: input.jobApplicationId }, select: { id: true } });
  const data = {
    source: source as 'below_threshold' | 'shortlisted',
    candidateName: input.candidate.name,
    candidateEmail: input.candidate.email,
    candidatePhone: input.candidate.phone,
    skills: analysis?.skills ?? [],
    experienceYears: analysis?.totalExperienceYears ?? null,
    currentRole: typeof parsed.currentRole === 'string' ? parsed.currentRole.slice(0, 200) : null,
    summary: analysis?.summary ?? null,
    score: input.candidate.overallScore,
    platform: input.candidate.platform,
    isActive: true,
  };
  if (existing) await tx.talentPoolEntry.update({ where: { id: existing.id }, data });
  else await tx.talentPoolEntry.create({ data: { ...data, jobApplicationId: input.jobApplicationId, jobPostId: input.jobPostId } });
}

export { isDecision };
