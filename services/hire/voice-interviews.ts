// Pipeline step 4, the voice interview: place the call through the voice-AI provider, take its
// signed post-call webhook (transcript or initiation failure) exactly once, and evaluate the
// transcript with the LLM. One voice_interviews row per call attempt; the run retries a failed
// or unanswered call per the job's config and then leaves the candidate to the recruiter.
import type { Client } from '@temporalio/client';
import type { CandidateStatus } from '../../domain/candidate/status.js';
import { DomainError } from '../../domain/errors.js';
import { VOICE_EVALUATION, jobBriefText } from '../../domain/hire/ai-prompts.js';
import { voiceCostMicroUsd } from '../../domain/hire/pricing.js';
import { workflowIds } from '../../domain/ids.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import { failureOf } from '../../providers/lib/provider-error.js';
import { failureOutcome } from '../../providers/voice/webhooks.js';
import type { VoiceConversation, VoiceWebhookEvent } from '../../providers/voice/interface.js';
import { voiceInterviewEndedSignal } from '../../workflows/candidate-pipeline/candidate-pipeline.contract.js';
import { aiCallFor, signalAiCallEnded, storeAiCallEnd } from './ai-call-campaigns.js';
import { recordCost } from './cost-ledger.js';
import { hireSettings, type HireStepDeps } from './hire-deps.js';
import { askLlm } from './llm-call.js';
import { moveStageIn, recordDecision, screeningSettings, stepDone } from './pipeline-state.js';
import type { StepOutcome } from './resume-parse.js';

export type VoiceCallOutcome = { outcome: 'placed'; voiceInterviewId: string } | { outcome: 'failed'; voiceInterviewId: string; reason: string } | { outcome: 'attention'; reason: 'voice_no_phone' };

/** Attempt n (1-based) of the candidate's voice interview: idempotent per attempt. */
export async function placeVoiceCallStep(deps: HireStepDeps, input: { jobApplicationId: string; attempt: number; from: CandidateStatus }): Promise<VoiceCallOutcome> {
  const { db, now } = deps;
  const settings = hireSettings(deps);
  const { jobApplicationId } = input;
  const app = await db.jobApplication.findUnique({ where: { id: jobApplicationId }, select: { jobPostId: true, name: true, phone: true } });
  if (!app) throw new DomainError('NOT_FOUND', `Job application ${jobApplicationId} does not exist`);
  if (!app.phone) return { outcome: 'attention', reason: 'voice_no_phone' };
  const attempts = await db.voiceInterview.findMany({ where: { jobApplicationId }, orderBy: { createdAt: 'asc' }, select: { id: true, providerSessionId: true, status: true, errorMessage: true } });
  let row = attempts[input.attempt - 1];
  if (row?.providerSessionId) return { outcome: 'placed', voiceInterviewId: row.id };
  if (row && row.status === 'failed') return { outcome: 'failed', voiceInterviewId: row.id, reason: row.errorMessage ?? 'failed' };
  row ??= await db.voiceInterview.create({ data: { jobApplicationId, status: 'scheduled', provider: 'elevenlabs', scheduledAt: now() }, select: { id: true, providerSessionId: true, status: true, errorMessage: true } });
  const job = await db.jobPost.findUnique({ where: { id: app.jobPostId }, select: { title: true } });
  try {
    const call = await deps.voice.startOutboundCall({
      agentId: settings.voiceAgentId,
      agentPhoneNumberId: settings.voiceAgentPhoneNumberId,
      toNumber: app.phone,
      dynamicVariables: { jobApplicationId, voiceInterviewId: row.id, candidate_first_name: (app.name ?? '').split(/\s+/)[0] || 'there', job_title: (job?.title ?? '').slice(0, 120), attempt: input.attempt },
    });
    await db.voiceInterview.update({ where: { id: row.id }, data: { providerSessionId: call.conversationId } });
  } catch (err) {
    const f = failureOf(err);
    if (!f || f.retryable) throw err;
    const reason = `call not placed: ${(err as Error).message}`.slice(0, 500);
    await db.voiceInterview.update({ where: { id: row.id }, data: { status: 'failed', errorMessage: reason } });
    return { outcome: 'failed', voiceInterviewId: row.id, reason };
  }
  if (input.from !== 'voice_interview_scheduled') await moveStageIn(db, jobApplicationId, input.from, 'voice_interview_scheduled', now());
  return { outcome: 'placed', voiceInterviewId: row.id };
}

export interface VoiceIntakeResult {
  /** What happened to the interview: stored now, already stored (a duplicate or late webhook), or not ours. */
  result: 'stored' | 'duplicate' | 'unknown';
  jobApplicationId?: string;
  voiceInterviewId?: string;
}

async function interviewFor(db: Db, conversationId: string, vars: Record<string, unknown>) {
  const byId = await db.voiceInterview.findUnique({ where: { providerSessionId: conversationId }, select: { id: true, jobApplicationId: true, status: true, providerSessionId: true } });
  if (byId) return byId;
  // The call was placed but its id never stored (the worker died in between): the dynamic variables name the row.
  const vid = typeof vars.voiceInterviewId === 'string' ? vars.voiceInterviewId : null;
  const aid = typeof vars.jobApplicationId === 'string' ? vars.jobApplicationId : null;
  if (!vid || !aid || !/^[0-9a-f-]{36}$/i.test(vid)) return null;
  const row = await db.voiceInterview.findFirst({ where: { id: vid, jobApplicationId: aid, providerSessionId: null }, select: { id: true, jobApplicationId: true, status: true, providerSessionId: true } });
  return row;
}

const OPEN = ['scheduled', 'in_progress'] as const;

/** Stores one verified voice event exactly once, then tells the candidate's run. */
export async function ingestVoiceEvent(deps: { db: Db; temporal: Client; logger: Logger; now: () => Date }, event: VoiceWebhookEvent): Promise<VoiceIntakeResult> {
  const { db } = deps;
  if (event.type === 'post_call_audio') return { result: 'duplicate' };
  const conversationId = event.type === 'post_call_transcription' ? event.conversation.conversationId : event.conversationId;
  const vars = event.type === 'post_call_transcription' ? event.conversation.dynamicVariables : event.dynamicVariables;
  // A campaign's AI call, rather than a pipeline interview?
  const aiCall = await aiCallFor(db, conversationId, vars);
  if (aiCall) {
    const end = event.type === 'post_call_transcription' ? { conversation: event.conversation } : { conversationId, failureReason: event.failureReason };
    if (!(await storeAiCallEnd(db, aiCall, end, deps.now()))) return { result: 'duplicate' };
    await signalAiCallEnded(deps, vars, aiCall.id);
    return { result: 'stored' };
  }
  const row = await interviewFor(db, conversationId, vars);
  if (!row) {
    deps.logger.warn({ conversationId, type: event.type }, 'voice webhook for an unknown conversation; acknowledged');
    return { result: 'unknown' };
  }
  const stored = event.type === 'post_call_transcription' ? await storeTranscript(db, row, event.conversation, deps.now()) : await storeFailure(db, row, conversationId, event.failureReason);
  if (!stored) return { result: 'duplicate', jobApplicationId: row.jobApplicationId, voiceInterviewId: row.id };
  try {
    await deps.temporal.workflow
      .getHandle(workflowIds.candidatePipeline(row.jobApplicationId))
      .signal(voiceInterviewEndedSignal, { voiceInterviewId: row.id, outcome: event.type === 'post_call_transcription' ? 'completed' : 'failed' });
  } catch (err) {
    deps.logger.warn({ jobApplicationId: row.jobApplicationId, err: (err as Error).message }, 'voiceInterviewCompleted signal not delivered (the run reconciles by polling)');
  }
  return { result: 'stored', jobApplicationId: row.jobApplicationId, voiceInterviewId: row.id };
}

async function storeTranscript(db: Db, row: { id: string; jobApplicationId: string; providerSessionId: string | null }, conv: VoiceConversation, now: Date): Promise<boolean> {
  const app = await db.jobApplication.findUnique({ where: { id: row.jobApplicationId }, select: { jobPostId: true } });
  return db.$transaction(async (tx) => {
    const seconds = conv.callDurationSecs ?? Math.round(conv.transcript.at(-1)?.timeInCallSecs ?? 0);
    const { count } = await tx.voiceInterview.updateMany({
      where: { id: row.id, status: { in: [...OPEN] } },
      data: { status: 'completed', providerSessionId: conv.conversationId, endedAt: now, startedAt: new Date(now.getTime() - seconds * 1000), durationSeconds: seconds, summary: conv.summary?.slice(0, 4000) ?? null },
    });
    if (count === 0) return false;
    await tx.voiceInterviewMessage.createMany({
      data: conv.transcript.slice(0, 500).map((t, i, all) => ({
        voiceInterviewId: row.id,
        sequence: i,
        role: t.role === 'agent' ? ('agent' as const) : ('candidate' as const),
        content: t.message.slice(0, 8000),
        startOffsetMs: Math.round(t.timeInCallSecs * 1000),
        endOffsetMs: all[i + 1] ? Math.round(all[i + 1]!.timeInCallSecs * 1000) : Math.round(seconds * 1000),
      })),
      skipDuplicates: true,
    });
    if (app) await recordCost(tx, { idempotencyKey: `${row.id}:voice_call`, stage: 'VOICE_INTERVIEW', provider: 'ELEVENLABS', units: seconds, unitType: 'call_seconds', costMicroUsd: voiceCostMicroUsd(seconds), providerRequestId: conv.conversationId, jobApplicationId: row.jobApplicationId, jobPostId: app.jobPostId });
    return true;
  });
}

async function storeFailure(db: Db, row: { id: string }, conversationId: string, reason: string): Promise<boolean> {
  const status = failureOutcome(reason) === 'failed' ? 'failed' : 'no_show';
  const { count } = await db.voiceInterview.updateMany({ where: { id: row.id, status: { in: [...OPEN] } }, data: { status, providerSessionId: conversationId, errorMessage: reason.slice(0, 500) } });
  return count === 1;
}

/** Where the attempt stands in our tables (the run asks after a signal, or when it gave up waiting). */
export async function voiceInterviewState(db: Db, voiceInterviewId: string): Promise<'open' | 'completed' | 'failed'> {
  const row = await db.voiceInterview.findUnique({ where: { id: voiceInterviewId }, select: { status: true } });
  if (!row) return 'failed';
  if (row.status === 'completed') return 'completed';
  return row.status === 'scheduled' || row.status === 'in_progress' ? 'open' : 'failed';
}

/** No webhook came: ask the provider for the conversation and store what it says. */
export async function reconcileVoiceCall(deps: HireStepDeps & { temporal: Client }, voiceInterviewId: string): Promise<'open' | 'completed' | 'failed'> {
  const row = await deps.db.voiceInterview.findUnique({ where: { id: voiceInterviewId }, select: { id: true, jobApplicationId: true, providerSessionId: true, status: true } });
  if (!row?.providerSessionId) return voiceInterviewState(deps.db, voiceInterviewId);
  if (row.status !== 'scheduled' && row.status !== 'in_progress') return voiceInterviewState(deps.db, voiceInterviewId);
  const conv = await deps.voice.getConversation(row.providerSessionId);
  if (conv.status === 'done') await storeTranscript(deps.db, row, conv, deps.now());
  else if (conv.status === 'failed') await storeFailure(deps.db, row, row.providerSessionId, 'the provider reports the call failed');
  return voiceInterviewState(deps.db, voiceInterviewId);
}

/** voice_interview_scheduled → voice_interview_completed, with the LLM's evaluation of the transcript. */
export async function evaluateVoiceInterviewStep(deps: HireStepDeps, input: { jobApplicationId: string; voiceInterviewId: string; attempt: number }): Promise<StepOutcome> {
  const { db, now } = deps;
  const { jobApplicationId, voiceInterviewId } = input;
  const key = `${jobApplicationId}:voice_evaluation:${voiceInterviewId}`;
  if (await stepDone(db, key)) return { outcome: 'done' };
  const app = await db.jobApplication.findUnique({ where: { id: jobApplicationId }, select: { jobPostId: true } });
  if (!app) throw new DomainError('NOT_FOUND', `Job application ${jobApplicationId} does not exist`);
  const messages = await db.voiceInterviewMessage.findMany({ where: { voiceInterviewId }, orderBy: { sequence: 'asc' }, select: { role: true, content: true } });
  const job = await db.jobPost.findUnique({ where: { id: app.jobPostId }, select: { title: true, description: true, skills: true, belongsTo: true } });
  const s = await screeningSettings(db, app.jobPostId, job?.belongsTo ?? null);
  const transcript = messages.map((m) => `${m.role === 'agent' ? 'Interviewer' : 'Candidate'}: ${m.content}`).join('\n').slice(0, 24_000);
  const user = `${jobBriefText({ title: job?.title ?? 'unknown', description: job?.description ?? null, skills: job?.skills ?? [], mustHaveSkills: s.mustHaveSkills, niceToHaveSkills: s.niceToHaveSkills, minExperienceYears: s.minExperienceYears })}\n\nInterview transcript:\n${transcript || '(empty)'}`;
  const answer = await askLlm(deps, VOICE_EVALUATION, user, { key, attempt: input.attempt, stage: 'VOICE_INTERVIEW_EVALUATION', jobApplicationId, jobPostId: app.jobPostId });
  const v = answer.value;
  await db.$transaction(async (tx) => {
    await tx.voiceInterview.update({ where: { id: voiceInterviewId }, data: { overallScore: v.overallScore, evaluation: { competencies: v.competencies, reasons: v.reasons }, summary: v.summary } });
    await recordDecision(tx, {
      jobApplicationId,
      jobPostId: app.jobPostId,
      stage: 'voice_interview_scheduled',
      kind: 'voice_evaluation',
      actorType: 'ai',
      model: answer.model,
      promptVersion: answer.promptVersion,
      inputHash: answer.inputHash,
      rawOutput: answer.raw,
      score: v.overallScore,
      reasons: { reasons: v.reasons, competencies: v.competencies },
      idempotencyKey: key,
    });
    await recordCost(tx, answer.cost);
    await moveStageIn(tx, jobApplicationId, 'voice_interview_scheduled', 'voice_interview_completed', now());
  });
  return { outcome: 'done' };
}
