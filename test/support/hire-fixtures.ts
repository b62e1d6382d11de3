// Mr-Hire test data written straight through Prisma, as the pipeline would leave it: a job, and
// candidates in chosen stages with their child rows (resume analysis, screening, quiz, voice
// interview + transcript, talent pool, decisions, costs). Every row gets unique emails.
import { randomUUID } from 'node:crypto';
import type { CandidateStatus } from '../../domain/candidate/status.js';
import type { Db } from '../../infra/prisma.js';
import type { CostProvider, CostStage, Prisma } from '../../prisma/generated/client.js';

export async function seedJob(db: Db, opts: { ownerId: string; platform?: string; title?: string }) {
  return db.jobPost.create({
    data: {
      belongsTo: opts.ownerId,
      title: opts.title ?? `Data Analyst ${randomUUID().slice(0, 6)}`,
      roles: [{ title: 'Data Analyst', skills: ['SQL', 'Python'] }],
      skills: ['SQL', 'Python'],
      status: 'active',
      postedOn: opts.platform ?? 'mr-mentor',
    },
  });
}

export interface SeedDecision {
  kind: string;
  actorType?: 'ai' | 'recruiter' | 'system';
  actorUserId?: string | null;
  stage?: CandidateStatus;
  model?: string | null;
  promptVersion?: string | null;
  inputHash?: string | null;
  rawOutput?: string | null;
  score?: number | null;
  reasons?: Prisma.InputJsonValue | null;
  note?: string | null;
  /** Seconds before now. */
  agoSeconds?: number;
}

export interface SeedCost {
  stage: CostStage;
  provider: CostProvider;
  tokensIn?: number;
  tokensOut?: number;
  costPaise?: number;
  costMicroUsd?: number;
}

export interface SeedCandidateOpts {
  job: { id: string; postedOn: string | null };
  stage?: CandidateStatus;
  name?: string;
  email?: string;
  /** Seconds since statusChangedAt (default 60). */
  inStageSeconds?: number;
  priority?: number;
  overallScore?: number;
  held?: boolean;
  /** A rejection code: the candidate is rejected. */
  rejected?: string;
  attentionReason?: string;
  /** slaBreachedStage = the current stage. */
  slaBreached?: boolean;
  /** Resume analyses oldest first; the last is the latest. */
  skills?: string[][];
  extractedText?: string;
  quizQuestions?: Prisma.InputJsonValue;
  quizAnswers?: Prisma.InputJsonValue;
  voiceTranscript?: string[];
  screening?: { verdict: 'pass' | 'fail' | 'needs_review'; score: number };
  talentPool?: boolean;
  decisions?: SeedDecision[];
  costs?: SeedCost[];
  /** Creation time offset (seconds before now), to order candidates. */
  createdAgoSeconds?: number;
}

export async function seedCandidate(db: Db, o: SeedCandidateOpts) {
  const now = Date.now();
  const tag = randomUUID().slice(0, 8);
  const stage = o.stage ?? 'resume_parsed';
  const app = await db.jobApplication.create({
    data: {
      jobPostId: o.job.id,
      platform: o.job.postedOn,
      name: o.name ?? `Candidate ${tag}`,
      email: o.email ?? `cand-${tag}@hire.test`,
      phone: '+919800000000',
      source: 'career_page',
      resumeFileName: 'resume.pdf',
      status: stage,
      statusChangedAt: new Date(now - (o.inStageSeconds ?? 60) * 1000),
      priority: o.priority ?? 0,
      overallScore: o.overallScore ?? null,
      heldAt: o.held ? new Date(now - 30_000) : null,
      rejectedAt: o.rejected ? new Date(now - 20_000) : null,
      rejectionCode: o.rejected ?? null,
      attentionReason: o.attentionReason ?? null,
      attentionAt: o.attentionReason ? new Date(now - 10_000) : null,
      slaBreachedStage: o.slaBreached ? stage : null,
      slaBreachedAt: o.slaBreached ? new Date(now - 5_000) : null,
      createdAt: new Date(now - (o.createdAgoSeconds ?? 0) * 1000),
    },
  });
  const id = app.id;
  for (const [i, skills] of (o.skills ?? []).entries()) {
    await db.resumeAnalysis.create({
      data: {
        jobApplicationId: id,
        status: 'completed',
        skills,
        extractedText: o.extractedText ?? `Resume of ${app.name}`,
        parsedData: { name: app.name },
        summary: 'Analyst',
        model: 'gpt-4o-mini',
        createdAt: new Date(now - (100 - i) * 1000),
      },
    });
  }
  if (o.quizQuestions) {
    await db.candidateQuizResponse.create({
      data: { jobApplicationId: id, inviteToken: `invite-${randomUUID()}`, status: 'submitted', questions: o.quizQuestions, answers: o.quizAnswers ?? undefined, score: 1, maxScore: 2, passed: false },
    });
  }
  if (o.voiceTranscript) {
    await db.voiceInterview.create({
      data: {
        jobApplicationId: id,
        status: 'completed',
        provider: 'elevenlabs',
        joinToken: `join-${randomUUID()}`,
        overallScore: 72,
        messages: { create: o.voiceTranscript.map((content, sequence) => ({ sequence, role: sequence % 2 === 0 ? 'agent' : 'candidate', content })) },
      },
    });
  }
  if (o.screening) {
    await db.screeningResult.create({ data: { jobApplicationId: id, jobPostId: o.job.id, verdict: o.screening.verdict, score: o.screening.score, thresholdUsed: 70, model: 'gpt-4o-mini' } });
  }
  if (o.talentPool) {
    await db.talentPoolEntry.create({
      data: { jobApplicationId: id, jobPostId: o.job.id, source: 'below_threshold', candidateName: app.name, candidateEmail: app.email, skills: o.skills?.at(-1) ?? [], score: o.overallScore ?? 55, platform: o.job.postedOn },
    });
  }
  for (const [i, d] of (o.decisions ?? []).entries()) {
    await db.candidateDecision.create({
      data: {
        jobApplicationId: id,
        jobPostId: o.job.id,
        stage: d.stage ?? stage,
        kind: d.kind,
        actorType: d.actorType ?? 'ai',
        actorUserId: d.actorUserId ?? null,
        model: d.model ?? null,
        promptVersion: d.promptVersion ?? null,
        inputHash: d.inputHash ?? null,
        rawOutput: d.rawOutput ?? null,
        score: d.score ?? null,
        reasons: d.reasons ?? undefined,
        note: d.note ?? null,
        createdAt: new Date(now - (d.agoSeconds ?? 50 - i) * 1000),
      },
    });
  }
  for (const c of o.costs ?? []) {
    await db.pipelineCostLedger.create({
      data: { jobApplicationId: id, jobPostId: o.job.id, stage: c.stage, provider: c.provider, tokensIn: c.tokensIn ?? 0, tokensOut: c.tokensOut ?? 0, costPaise: c.costPaise ?? 0, costMicroUsd: c.costMicroUsd ?? 0 },
    });
  }
  return app;
}

/** A talent-pool match of an existing candidate's entry against `job`. */
export async function seedTalentPoolMatch(db: Db, opts: { entryJobApplicationId: string; job: { id: string }; matchScore: number; matchedSkills?: string[] }) {
  const entry = await db.talentPoolEntry.findFirstOrThrow({ where: { jobApplicationId: opts.entryJobApplicationId } });
  return db.talentPoolMatch.create({ data: { talentPoolEntryId: entry.id, jobPostId: opts.job.id, matchScore: opts.matchScore, matchedSkills: opts.matchedSkills ?? ['SQL'], reasoning: 'Strong SQL' } });
}
