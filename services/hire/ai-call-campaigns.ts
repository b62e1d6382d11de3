// AI calling campaigns: a recruiter calls a list of a job's candidates through the voice-AI
// provider. The batch is an aarya_call_batches row; each call a miss_ozone_calls row, created
// once per recipient (the batch's `results` holds each recipient's call id, written under the
// batch's row lock). The aiCallCampaign workflow places them with a concurrency limit on its own
// task queue; the voice webhook ends each call (voice-interviews.ts routes it here).
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { voiceCostMicroUsd } from '../../domain/hire/pricing.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import type { AaryaCallBatchStatus, Prisma } from '../../prisma/generated/client.js';
import { failureOf } from '../../providers/lib/provider-error.js';
import { failureOutcome } from '../../providers/voice/webhooks.js';
import type { VoiceConversation } from '../../providers/voice/interface.js';
import { AI_CALL_CAMPAIGN_MAX_CONCURRENCY, AI_CALL_CAMPAIGN_MAX_RECIPIENTS, AI_CALL_CAMPAIGN_WORKFLOW, aiCallEndedSignal, type AiCallCampaignInput } from '../../workflows/ai-call-campaign/ai-call-campaign.contract.js';
import { MasEntityId, MasEntityType, MasJobPostId, MasUserId } from '../../workflows/search-attributes.js';
import { recordCost } from './cost-ledger.js';
import { hireSettings, type HireStepDeps } from './hire-deps.js';
import { jobForRecruiter, type RecruiterScope } from './job-access.js';

export const aiCallCampaignWorkflowId = (batchId: string) => `ai-call-campaign/${batchId}`;

const recipientSchema = z.object({ jobApplicationId: z.uuid(), phone: z.string(), name: z.string().nullable() });
const resultSchema = z.object({ index: z.number().int(), aiCallId: z.uuid(), status: z.string() });
const recipients = (v: Prisma.JsonValue) => z.array(recipientSchema).parse(v);
const results = (v: Prisma.JsonValue | null) => z.array(resultSchema).catch([]).parse(v ?? []);

export interface CampaignDeps {
  db: Db;
  temporal: Client;
  /** The AI-calls task queue (its own worker, its own slot limit). */
  aiCallsTaskQueue: string;
}

export async function createCampaign(deps: CampaignDeps, scope: RecruiterScope, jobPostId: string, body: { jobApplicationIds: string[]; name?: string | undefined; concurrency?: number | undefined; aiCallPromptId?: string | undefined }) {
  const job = await jobForRecruiter(deps.db, scope, jobPostId, { id: true, title: true });
  const ids = [...new Set(body.jobApplicationIds)];
  if (ids.length > AI_CALL_CAMPAIGN_MAX_RECIPIENTS) throw new DomainError('VALIDATION_FAILED', `At most ${AI_CALL_CAMPAIGN_MAX_RECIPIENTS} candidates per campaign`, [{ path: 'jobApplicationIds', message: 'Too many' }]);
  if (body.aiCallPromptId && !(await deps.db.aiCallPrompt.findFirst({ where: { id: body.aiCallPromptId, isActive: true }, select: { id: true } }))) {
    throw new DomainError('VALIDATION_FAILED', 'No such active AI call prompt', [{ path: 'aiCallPromptId', message: 'Unknown prompt' }]);
  }
  const apps = await deps.db.jobApplication.findMany({ where: { id: { in: ids }, jobPostId, rejectedAt: null, platform: scope.platform }, select: { id: true, phone: true, name: true } });
  const callable = apps.filter((a) => a.phone);
  if (callable.length === 0) throw new DomainError('UNPROCESSABLE', 'None of these candidates can be called (no phone, rejected, or not of this job)');
  const concurrency = Math.min(body.concurrency ?? 3, AI_CALL_CAMPAIGN_MAX_CONCURRENCY);
  const batch = await deps.db.aaryaCallBatch.create({
    data: {
      userId: scope.actor.userId,
      name: body.name ?? `${job.title.slice(0, 80)} calls`,
      context: 'mr_hire',
      jobPostId,
      aiCallPromptId: body.aiCallPromptId ?? null,
      status: 'queued',
      recipients: callable.map((a) => ({ jobApplicationId: a.id, phone: a.phone!, name: a.name })),
      results: [],
      totalCalls: callable.length,
      scheduledAt: new Date(),
    },
  });
  const input: AiCallCampaignInput = { batchId: batch.id, total: callable.length, concurrency };
  try {
    await deps.temporal.workflow.start(AI_CALL_CAMPAIGN_WORKFLOW, {
      taskQueue: deps.aiCallsTaskQueue,
      workflowId: aiCallCampaignWorkflowId(batch.id),
      args: [input],
      staticSummary: `AI calls · ${job.title.slice(0, 80)} · ${callable.length} candidates`,
      typedSearchAttributes: [
        { key: MasEntityType, value: 'ai_call_batch' },
        { key: MasEntityId, value: batch.id },
        { key: MasJobPostId, value: jobPostId },
        { key: MasUserId, value: scope.actor.userId },
      ],
    });
  } catch (err) {
    await deps.db.aaryaCallBatch.delete({ where: { id: batch.id } });
    throw err;
  }
  return { batchId: batch.id, totalCalls: callable.length, skipped: ids.filter((id) => !callable.some((a) => a.id === id)), concurrency };
}

export async function getCampaign(db: Db, scope: RecruiterScope, batchId: string) {
  const batch = await db.aaryaCallBatch.findUnique({ where: { id: batchId } });
  if (!batch || batch.context !== 'mr_hire' || !batch.jobPostId) throw new DomainError('NOT_FOUND', `Call batch ${batchId} does not exist`);
  await jobForRecruiter(db, scope, batch.jobPostId, { id: true }).catch(() => {
    throw new DomainError('NOT_FOUND', `Call batch ${batchId} does not exist`);
  });
  const res = results(batch.results);
  const calls = await db.missOzoneCall.findMany({ where: { id: { in: res.map((r) => r.aiCallId) } }, select: { id: true, jobApplicationId: true, status: true, durationSeconds: true, summary: true, outcome: true, errorMessage: true, startedAt: true, endedAt: true } });
  return { batch, calls };
}

export async function markCampaign(db: Db, input: { batchId: string; status: AaryaCallBatchStatus }, now: Date): Promise<void> {
  await db.aaryaCallBatch.update({ where: { id: input.batchId }, data: { status: input.status, ...(input.status === 'in_progress' ? { startedAt: now } : { completedAt: now }) } });
}

export type CampaignCall = { outcome: 'placed'; aiCallId: string } | { outcome: 'failed'; aiCallId: string | null; reason: string };

/** Recipient `index`'s call, placed once however often this runs. */
export async function placeCampaignCall(deps: HireStepDeps, input: { batchId: string; index: number }): Promise<CampaignCall> {
  const { db, now } = deps;
  const settings = hireSettings(deps);
  const claimed = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "public"."aarya_call_batches" WHERE "id" = ${input.batchId}::uuid FOR UPDATE`;
    const batch = await tx.aaryaCallBatch.findUniqueOrThrow({ where: { id: input.batchId } });
    const recipient = recipients(batch.recipients)[input.index];
    if (!recipient) throw new DomainError('NOT_FOUND', `Recipient ${input.index} of batch ${input.batchId} does not exist`);
    const res = results(batch.results);
    const existing = res.find((r) => r.index === input.index);
    if (existing) return { aiCallId: existing.aiCallId, recipient, jobPostId: batch.jobPostId, promptId: batch.aiCallPromptId };
    const call = await tx.missOzoneCall.create({ data: { userId: batch.userId, jobApplicationId: recipient.jobApplicationId, aiCallPromptId: batch.aiCallPromptId, phoneNumber: recipient.phone, status: 'queued' } });
    await tx.aaryaCallBatch.update({ where: { id: batch.id }, data: { results: [...res, { index: input.index, aiCallId: call.id, status: 'queued' }] } });
    return { aiCallId: call.id, recipient, jobPostId: batch.jobPostId, promptId: batch.aiCallPromptId };
  });
  const call = await db.missOzoneCall.findUniqueOrThrow({ where: { id: claimed.aiCallId } });
  if (call.providerCallId) return { outcome: 'placed', aiCallId: call.id };
  if (call.status === 'failed') return { outcome: 'failed', aiCallId: call.id, reason: call.errorMessage ?? 'failed' };
  const job = claimed.jobPostId ? await db.jobPost.findUnique({ where: { id: claimed.jobPostId }, select: { title: true } }) : null;
  try {
    const placed = await deps.voice.startOutboundCall({
      agentId: settings.voiceAgentId,
      agentPhoneNumberId: settings.voiceAgentPhoneNumberId,
      toNumber: claimed.recipient.phone,
      dynamicVariables: { aiCallId: call.id, aiCallBatchId: input.batchId, jobApplicationId: claimed.recipient.jobApplicationId, candidate_first_name: (claimed.recipient.name ?? '').split(/\s+/)[0] || 'there', job_title: (job?.title ?? '').slice(0, 120) },
    });
    await db.missOzoneCall.update({ where: { id: call.id }, data: { providerCallId: placed.conversationId, status: 'ringing', startedAt: now() } });
    return { outcome: 'placed', aiCallId: call.id };
  } catch (err) {
    const f = failureOf(err);
    if (!f || f.retryable) throw err;
    const reason = `call not placed: ${(err as Error).message}`.slice(0, 500);
    await db.missOzoneCall.update({ where: { id: call.id }, data: { status: 'failed', errorMessage: reason, endedAt: now() } });
    return { outcome: 'failed', aiCallId: call.id, reason };
  }
}

const OPEN = ['queued', 'ringing', 'in_progress'] as const;

export async function campaignCallState(db: Db, aiCallId: string): Promise<'open' | 'completed' | 'failed'> {
  const c = await db.missOzoneCall.findUnique({ where: { id: aiCallId }, select: { status: true } });
  if (!c) return 'failed';
  if (c.status === 'completed') return 'completed';
  return (OPEN as readonly string[]).includes(c.status) ? 'open' : 'failed';
}

/** The AI call a voice webhook is about, if it is one (else the caller tries voice interviews). */
export async function aiCallFor(db: Db, conversationId: string, vars: Record<string, unknown>) {
  const byProvider = await db.missOzoneCall.findUnique({ where: { providerCallId: conversationId }, select: { id: true, jobApplicationId: true } });
  if (byProvider) return byProvider;
  const id = typeof vars.aiCallId === 'string' && /^[0-9a-f-]{36}$/i.test(vars.aiCallId) ? vars.aiCallId : null;
  return id ? db.missOzoneCall.findFirst({ where: { id, providerCallId: null }, select: { id: true, jobApplicationId: true } }) : null;
}

/** Stores a call's end once; false when it was stored already (a duplicate or late webhook). */
export async function storeAiCallEnd(db: Db, call: { id: string; jobApplicationId: string | null }, end: { conversation: VoiceConversation } | { conversationId: string; failureReason: string }, now: Date): Promise<boolean> {
  if ('conversation' in end) {
    const conv = end.conversation;
    const seconds = conv.callDurationSecs ?? Math.round(conv.transcript.at(-1)?.timeInCallSecs ?? 0);
    return db.$transaction(async (tx) => {
      const { count } = await tx.missOzoneCall.updateMany({
        where: { id: call.id, status: { in: [...OPEN] } },
        data: {
          status: 'completed',
          providerCallId: conv.conversationId,
          endedAt: now,
          durationSeconds: seconds,
          transcript: conv.transcript.slice(0, 500).map((t) => ({ role: t.role, message: t.message.slice(0, 4000), timeInCallSecs: t.timeInCallSecs })),
          summary: conv.summary?.slice(0, 4000) ?? null,
          outcome: conv.callSuccessful === 'success' ? 'reached' : conv.callSuccessful === 'failure' ? 'unsuccessful' : 'unknown',
        },
      });
      if (count === 0) return false;
      if (call.jobApplicationId) {
        const app = await tx.jobApplication.findUnique({ where: { id: call.jobApplicationId }, select: { jobPostId: true } });
        if (app) await recordCost(tx, { idempotencyKey: `${call.id}:ai_call`, stage: 'OUTREACH', provider: 'ELEVENLABS', units: seconds, unitType: 'call_seconds', costMicroUsd: voiceCostMicroUsd(seconds), providerRequestId: conv.conversationId, jobApplicationId: call.jobApplicationId, jobPostId: app.jobPostId, metadata: { aiCall: true } });
      }
      return true;
    });
  }
  const status = failureOutcome(end.failureReason);
  const { count } = await db.missOzoneCall.updateMany({ where: { id: call.id, status: { in: [...OPEN] } }, data: { status, providerCallId: end.conversationId, errorMessage: end.failureReason.slice(0, 500), endedAt: now } });
  return count === 1;
}

export async function signalAiCallEnded(deps: { temporal: Client; logger: Logger }, vars: Record<string, unknown>, aiCallId: string): Promise<void> {
  const batchId = typeof vars.aiCallBatchId === 'string' ? vars.aiCallBatchId : null;
  if (!batchId) return;
  try {
    await deps.temporal.workflow.getHandle(aiCallCampaignWorkflowId(batchId)).signal(aiCallEndedSignal, { aiCallId });
  } catch (err) {
    deps.logger.warn({ aiCallId, err: (err as Error).message }, 'aiCallEnded signal not delivered (the campaign reconciles by polling)');
  }
}

export async function reconcileCampaignCall(deps: HireStepDeps, aiCallId: string): Promise<'open' | 'completed' | 'failed'> {
  const call = await deps.db.missOzoneCall.findUnique({ where: { id: aiCallId }, select: { id: true, jobApplicationId: true, providerCallId: true, status: true } });
  if (!call?.providerCallId || !(OPEN as readonly string[]).includes(call.status)) return campaignCallState(deps.db, aiCallId);
  const conv = await deps.voice.getConversation(call.providerCallId);
  if (conv.status === 'done') await storeAiCallEnd(deps.db, call, { conversation: conv }, deps.now());
  else if (conv.status === 'failed') await storeAiCallEnd(deps.db, call, { conversationId: call.providerCallId, failureReason: 'the provider reports the call failed' }, deps.now());
  return campaignCallState(deps.db, aiCallId);
}

/** Recounts the batch's completed and failed calls. */
export async function tallyCampaign(db: Db, batchId: string): Promise<void> {
  const batch = await db.aaryaCallBatch.findUnique({ where: { id: batchId }, select: { results: true } });
  if (!batch) return;
  const ids = results(batch.results).map((r) => r.aiCallId);
  const calls = await db.missOzoneCall.findMany({ where: { id: { in: ids } }, select: { status: true } });
  await db.aaryaCallBatch.update({
    where: { id: batchId },
    data: { completedCalls: calls.filter((c) => c.status === 'completed').length, failedCalls: calls.filter((c) => ['failed', 'no_answer', 'busy', 'cancelled'].includes(c.status)).length },
  });
}
