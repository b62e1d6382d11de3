// A candidate's whole file for the recruiter: the application, the latest resume analysis (its
// extracted text only on request), quiz attempts with the answer key stripped from the
// questions, voice interviews with their transcripts, screening results, the talent-pool entry
// and the decision trail. Link tokens (quiz invites, interview joins) are never shown.
import { z } from '@hono/zod-openapi';
import type { Prisma } from '../../prisma/generated/client.js';
import { CandidateStatus } from '../../prisma/generated/enums.js';
import type { ObjectStore } from '../../providers/s3/interface.js';
import type { ServiceDeps } from '../deps.js';
import { applicationForRecruiter, type RecruiterScope } from './job-access.js';

const when = z.string().nullable();
const num = z.number().nullable();
const anyJson = z.unknown().nullable();

export const CandidateDecisionView = z
  .object({
    id: z.uuid(),
    stage: z.enum(CandidateStatus),
    kind: z.string(),
    actorType: z.string(),
    actorUserId: z.uuid().nullable(),
    model: z.string().nullable(),
    promptVersion: z.string().nullable(),
    inputHash: z.string().nullable(),
    rawOutput: z.string().nullable(),
    score: num,
    reasons: anyJson,
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('CandidateDecision');

export const CandidateFile = z
  .object({
    application: z.object({
      id: z.uuid(),
      jobPostId: z.uuid(),
      jobTitle: z.string(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      source: z.string().nullable(),
      status: z.enum(CandidateStatus),
      statusChangedAt: z.string(),
      priority: z.number().int(),
      platform: z.string().nullable(),
      overallScore: num,
      notes: z.string().nullable(),
      whatsappConsent: z.boolean(),
      resumeFileName: z.string().nullable(),
      heldAt: when,
      heldById: z.uuid().nullable(),
      rejectedAt: when,
      rejectedById: z.uuid().nullable(),
      rejectionCode: z.string().nullable(),
      rejectionNote: z.string().nullable(),
      attentionReason: z.string().nullable(),
      attentionAt: when,
      slaBreachedStage: z.enum(CandidateStatus).nullable(),
      slaBreachedAt: when,
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
    resumeAnalysis: z
      .object({
        id: z.uuid(),
        status: z.string(),
        extractedText: z.string().nullable().optional().openapi({ description: 'Only with ?include=text' }),
        parsedData: anyJson,
        skills: z.array(z.string()),
        totalExperienceYears: num,
        resumeScore: num,
        matchScore: num,
        strengths: anyJson,
        gaps: anyJson,
        summary: z.string().nullable(),
        model: z.string().nullable(),
        errorMessage: z.string().nullable(),
        processedAt: when,
        createdAt: z.string(),
      })
      .nullable()
      .openapi({ description: 'The latest analysis' }),
    quizResponses: z.array(
      z.object({
        id: z.uuid(),
        quizTemplateId: z.uuid().nullable(),
        status: z.string(),
        questions: anyJson.openapi({ description: 'As sent to the candidate; answer keys (correct, answer, isCorrect, …) are removed' }),
        answers: anyJson,
        score: num,
        maxScore: num,
        passed: z.boolean().nullable(),
        expiresAt: when,
        startedAt: when,
        submittedAt: when,
        durationSeconds: z.number().int().nullable(),
        createdAt: z.string(),
      }),
    ),
    voiceInterviews: z.array(
      z.object({
        id: z.uuid(),
        status: z.string(),
        provider: z.string().nullable(),
        scheduledAt: when,
        startedAt: when,
        endedAt: when,
        durationSeconds: z.number().int().nullable(),
        overallScore: num,
        evaluation: anyJson,
        summary: z.string().nullable(),
        errorMessage: z.string().nullable(),
        createdAt: z.string(),
        messages: z.array(z.object({ sequence: z.number().int(), role: z.string(), content: z.string(), startOffsetMs: z.number().int().nullable(), endOffsetMs: z.number().int().nullable() })),
      }),
    ),
    screeningResults: z.array(
      z.object({
        id: z.uuid(),
        verdict: z.string(),
        score: z.number(),
        thresholdUsed: num,
        criteriaScores: anyJson,
        reasoning: z.string().nullable(),
        redFlags: anyJson,
        model: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    talentPoolEntry: z
      .object({
        id: z.uuid(),
        source: z.string(),
        skills: z.array(z.string()),
        experienceYears: num,
        currentRole: z.string().nullable(),
        location: z.string().nullable(),
        summary: z.string().nullable(),
        score: num,
        isActive: z.boolean(),
        createdAt: z.string(),
      })
      .nullable(),
    decisions: z.array(CandidateDecisionView).openapi({ description: 'Oldest first: every AI verdict and recruiter action' }),
    resumeDownload: z
      .object({ url: z.string(), expiresAt: z.string() })
      .nullable()
      .openapi({ description: 'A short-lived presigned GET of the resume file; null when there is no file (or no resumes store)' }),
  })
  .openapi('CandidateFile');
export type CandidateFile = z.infer<typeof CandidateFile>;

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;
const dec = (d: Prisma.Decimal | null): number | null => (d === null ? null : d.toNumber());

/** Keys that carry a quiz's answer key; removed wherever they sit in the stored questions. */
const ANSWER_KEYS = new Set(['correct', 'correctanswer', 'correctanswers', 'correctoption', 'correctoptions', 'correctindex', 'answer', 'answerkey', 'answers', 'iscorrect', 'solution', 'explanation']);

/** A deep copy of `value` without answer-key properties (iterative, so depth cannot overflow the stack). */
export function stripAnswerKeys(value: unknown): unknown {
  const root: { v: unknown } = { v: undefined };
  const stack: [unknown, (copy: unknown) => void][] = [[value, (c) => (root.v = c)]];
  while (stack.length > 0) {
    const [v, put] = stack.pop()!;
    if (Array.isArray(v)) {
      const out: unknown[] = new Array<unknown>(v.length);
      put(out);
      v.forEach((x, i) => stack.push([x, (c) => (out[i] = c)]));
    } else if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      put(out);
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (ANSWER_KEYS.has(k.toLowerCase().replace(/[_-]/g, ''))) continue;
        stack.push([x, (c) => (out[k] = c)]);
      }
    } else put(v);
  }
  return root.v;
}

export function decisionView(d: Prisma.CandidateDecisionGetPayload<object>): z.infer<typeof CandidateDecisionView> {
  return {
    id: d.id,
    stage: d.stage,
    kind: d.kind,
    actorType: d.actorType,
    actorUserId: d.actorUserId,
    model: d.model,
    promptVersion: d.promptVersion,
    inputHash: d.inputHash,
    rawOutput: d.rawOutput,
    score: dec(d.score),
    reasons: d.reasons,
    note: d.note,
    createdAt: d.createdAt.toISOString(),
  };
}

/** How long a resume download link stays valid. */
export const RESUME_URL_TTL_SECONDS = 300;

export interface CandidateFileOptions {
  includeText?: boolean;
  /** The resumes bucket; without it (or when the file lives in another bucket) resumeDownload is null. */
  resumes?: Pick<ObjectStore, 'bucket' | 'presignGet'> | undefined;
}

async function resumeDownload(store: CandidateFileOptions['resumes'], a: { resumeS3Bucket: string | null; resumeS3Key: string | null; resumeFileName: string | null }) {
  if (!store || !a.resumeS3Key || (a.resumeS3Bucket !== null && a.resumeS3Bucket !== store.bucket)) return null;
  const link = await store.presignGet(a.resumeS3Key, { expiresInSeconds: RESUME_URL_TTL_SECONDS, ...(a.resumeFileName ? { downloadName: a.resumeFileName } : {}) });
  return { url: link.url, expiresAt: link.expiresAt.toISOString() };
}

export async function candidateFile(deps: Pick<ServiceDeps, 'db'>, scope: RecruiterScope, jobApplicationId: string, opts: CandidateFileOptions = {}): Promise<CandidateFile> {
  const scoped = await applicationForRecruiter(deps.db, scope, jobApplicationId);
  const id = scoped.id;
  const [a, analysis, quizzes, interviews, screenings, pool, decisions] = await Promise.all([
    deps.db.jobApplication.findUniqueOrThrow({ where: { id } }),
    deps.db.resumeAnalysis.findFirst({ where: { jobApplicationId: id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], omit: { extractedText: !opts.includeText } }),
    deps.db.candidateQuizResponse.findMany({ where: { jobApplicationId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], omit: { inviteToken: true } }),
    deps.db.voiceInterview.findMany({
      where: { jobApplicationId: id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      omit: { joinToken: true },
      include: { messages: { orderBy: { sequence: 'asc' }, select: { sequence: true, role: true, content: true, startOffsetMs: true, endOffsetMs: true } } },
    }),
    deps.db.screeningResult.findMany({ where: { jobApplicationId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    deps.db.talentPoolEntry.findFirst({ where: { jobApplicationId: id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    deps.db.candidateDecision.findMany({ where: { jobApplicationId: id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);
  return {
    application: {
      id: a.id,
      jobPostId: a.jobPostId,
      jobTitle: scoped.job.title,
      name: a.name,
      email: a.email,
      phone: a.phone,
      source: a.source,
      status: a.status,
      statusChangedAt: a.statusChangedAt.toISOString(),
      priority: a.priority,
      platform: a.platform,
      overallScore: dec(a.overallScore),
      notes: a.notes,
      whatsappConsent: a.whatsappConsent,
      resumeFileName: a.resumeFileName,
      heldAt: iso(a.heldAt),
      heldById: a.heldById,
      rejectedAt: iso(a.rejectedAt),
      rejectedById: a.rejectedById,
      rejectionCode: a.rejectionCode,
      rejectionNote: a.rejectionNote,
      attentionReason: a.attentionReason,
      attentionAt: iso(a.attentionAt),
      slaBreachedStage: a.slaBreachedStage,
      slaBreachedAt: iso(a.slaBreachedAt),
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    },
    resumeAnalysis: analysis && {
      id: analysis.id,
      status: analysis.status,
      ...(opts.includeText ? { extractedText: analysis.extractedText ?? null } : {}),
      parsedData: analysis.parsedData,
      skills: analysis.skills,
      totalExperienceYears: dec(analysis.totalExperienceYears),
      resumeScore: dec(analysis.resumeScore),
      matchScore: dec(analysis.matchScore),
      strengths: analysis.strengths,
      gaps: analysis.gaps,
      summary: analysis.summary,
      model: analysis.model,
      errorMessage: analysis.errorMessage,
      processedAt: iso(analysis.processedAt),
      createdAt: analysis.createdAt.toISOString(),
    },
    quizResponses: quizzes.map((q) => ({
      id: q.id,
      quizTemplateId: q.quizTemplateId,
      status: q.status,
      questions: stripAnswerKeys(q.questions),
      answers: q.answers,
      score: dec(q.score),
      maxScore: dec(q.maxScore),
      passed: q.passed,
      expiresAt: iso(q.expiresAt),
      startedAt: iso(q.startedAt),
      submittedAt: iso(q.submittedAt),
      durationSeconds: q.durationSeconds,
      createdAt: q.createdAt.toISOString(),
    })),
    voiceInterviews: interviews.map((v) => ({
      id: v.id,
      status: v.status,
      provider: v.provider,
      scheduledAt: iso(v.scheduledAt),
      startedAt: iso(v.startedAt),
      endedAt: iso(v.endedAt),
      durationSeconds: v.durationSeconds,
      overallScore: dec(v.overallScore),
      evaluation: v.evaluation,
      summary: v.summary,
      errorMessage: v.errorMessage,
      createdAt: v.createdAt.toISOString(),
      messages: v.messages,
    })),
    screeningResults: screenings.map((s) => ({
      id: s.id,
      verdict: s.verdict,
      score: s.score.toNumber(),
      thresholdUsed: dec(s.thresholdUsed),
      criteriaScores: s.criteriaScores,
      reasoning: s.reasoning,
      redFlags: s.redFlags,
      model: s.model,
      createdAt: s.createdAt.toISOString(),
    })),
    talentPoolEntry: pool && {
      id: pool.id,
      source: pool.source,
      skills: pool.skills,
      experienceYears: dec(pool.experienceYears),
      currentRole: pool.currentRole,
      location: pool.location,
      summary: pool.summary,
      score: dec(pool.score),
      isActive: pool.isActive,
      createdAt: pool.createdAt.toISOString(),
    },
    decisions: decisions.map(decisionView),
    // Signing is local (no network call to the store), so it needs no timeout of its own.
    resumeDownload: await resumeDownload(opts.resumes, a),
  };
}
