// candidatePipeline: one job application from resume_received to a verdict (shortlisted or
// talent_pool), one stage at a time, each stage an idempotent activity that writes its child row
// and moves job_applications.status in one transaction. The run waits, never fails, when a
// candidate needs a human (a scan with no text, an LLM that keeps answering nonsense, a quiz that
// expired, a phone nobody answers): it flags the candidate and waits for a recruiter's Update.
//
// Recruiter Updates (advance, reject, hold, release, override) are validated against the domain
// rules first (a refusal is a 409 and changes nothing), then queued and applied by the main loop
// between stages, so a recruiter's move and a stage's own move never race. A per-stage SLA timer
// runs beside the main loop and tells the recruiter once per stage.
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  currentUpdateInfo,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { HireActivities } from '../../activities/hire.activities.js';
import {
  isDecision,
  nextStage,
  refuseAdvance,
  refuseHold,
  refuseOverride,
  refuseReject,
  refuseRelease,
  slaHoursFor,
  type AttentionReason,
  type Decision,
} from '../../domain/candidate/pipeline.js';
import type { CandidateStatus } from '../../domain/candidate/status.js';
import { MasState } from '../search-attributes.js';
import {
  advanceUpdate,
  holdUpdate,
  overrideUpdate,
  pipelineStateQuery,
  quizCompletedSignal,
  rejectUpdate,
  releaseUpdate,
  voiceInterviewEndedSignal,
  type CandidatePipelineInput,
  type PipelineState,
} from './candidate-pipeline.contract.js';

/** Reads, moves and sends: short, retried with backoff until they succeed. */
const steps = proxyActivities<HireActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 30 },
});
/** LLM steps: the activity itself gives up (non-retryable LLM_INVALID_OUTPUT) after its third unusable answer; a refusal is final; outages retry on. */
const llmSteps = proxyActivities<HireActivities>({
  startToCloseTimeout: '3 minutes',
  // The activity heartbeats every 3 s: a dead worker's attempt is retried after 15 s.
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 30, nonRetryableErrorTypes: ['LLM_REFUSED'] },
});

/** How long a verdict stays open to an override Update before the run completes. */
const DECISION_WINDOW_MS = 14 * 24 * 3_600_000;
/** How long a placed call may go without a webhook before the run asks the provider. */
const VOICE_RECONCILE_AFTER_MS = 30 * 60_000;
const VOICE_RECONCILE_LIMIT = 6;

type Intent =
  | { kind: 'advance'; to: CandidateStatus; userId: string; note?: string | undefined }
  | { kind: 'reject'; code: string; note?: string | undefined; userId: string }
  | { kind: 'hold'; note?: string | undefined; userId: string }
  | { kind: 'release'; userId: string }
  | { kind: 'override'; verdict: Decision; reason: string; userId: string };

interface Queued {
  intent: Intent;
  key: string;
  done: boolean;
  error: string | null;
}

export async function candidatePipeline(input: CandidatePipelineInput): Promise<PipelineState> {
  const id = input.jobApplicationId;
  const loaded = await steps.hireLoadContext(id);
  // The application was undone (its apply answered 503) or deleted: nothing to do.
  if (!loaded) return { status: 'resume_received', held: false, rejected: false, attention: 'application_deleted', stageSince: new Date().toISOString() };
  const ctx = loaded;
  let status: CandidateStatus = ctx.status;
  let held = ctx.held;
  let rejected = ctx.rejected;
  let attention: string | null = ctx.attention;
  let stageSinceMs = Date.parse(ctx.stageSince);
  let finished = false;
  const queue: Queued[] = [];
  let quizSignalled = false;
  const voiceEnded = new Set<string>();

  const state = (): PipelineState => ({ status, held, rejected, attention, stageSince: new Date(stageSinceMs).toISOString() });
  const flags = () => ({ status, held, rejected });
  const interrupted = () => queue.some((q) => !q.done) || rejected;
  const setStatus = (next: CandidateStatus) => {
    if (next === status) return;
    status = next;
    stageSinceMs = Date.now();
    attention = null;
    upsertSearchAttributes([{ key: MasState, value: next }]);
  };
  const flag = async (reason: AttentionReason) => {
    attention = reason;
    await steps.hireSetAttention({ jobApplicationId: id, reason });
  };

  // ----- recruiter Updates: validate, queue, wait until the main loop applied them -----
  const refusal = (intent: Intent): string | null => {
    switch (intent.kind) {
      case 'advance':
        return refuseAdvance(flags(), intent.to);
      case 'reject':
        return refuseReject(flags());
      case 'hold':
        return refuseHold(flags());
      case 'release':
        return refuseRelease(flags());
      case 'override':
        return refuseOverride(flags(), intent.verdict);
    }
  };
  const check = (intent: Intent) => {
    const why = finished ? 'The pipeline has ended' : refusal(intent);
    if (why) throw ApplicationFailure.create({ type: 'ILLEGAL_TRANSITION', message: why, nonRetryable: true });
  };
  const submit = async (intent: Intent): Promise<PipelineState> => {
    if (finished) throw ApplicationFailure.create({ type: 'ILLEGAL_TRANSITION', message: 'The pipeline has ended', nonRetryable: true });
    const q: Queued = { intent, key: `${workflowInfo().workflowId}:${currentUpdateInfo()?.id ?? `${intent.kind}-${queue.length}`}`, done: false, error: null };
    queue.push(q);
    await condition(() => q.done);
    if (q.error) throw ApplicationFailure.create({ type: 'ILLEGAL_TRANSITION', message: q.error, nonRetryable: true });
    return state();
  };
  setHandler(advanceUpdate, (r) => submit({ kind: 'advance', to: r.to, userId: r.userId, note: r.note }), { validator: (r) => check({ kind: 'advance', to: r.to, userId: r.userId }) });
  setHandler(rejectUpdate, (r) => submit({ kind: 'reject', code: r.code, note: r.note, userId: r.userId }), { validator: (r) => check({ kind: 'reject', code: r.code, userId: r.userId }) });
  setHandler(holdUpdate, (r) => submit({ kind: 'hold', note: r.note, userId: r.userId }), { validator: (r) => check({ kind: 'hold', userId: r.userId }) });
  setHandler(releaseUpdate, (r) => submit({ kind: 'release', userId: r.userId }), { validator: (r) => check({ kind: 'release', userId: r.userId }) });
  setHandler(overrideUpdate, (r) => submit({ kind: 'override', verdict: r.verdict, reason: r.reason, userId: r.userId }), { validator: (r) => check({ kind: 'override', verdict: r.verdict, reason: r.reason, userId: r.userId }) });
  setHandler(pipelineStateQuery, state);
  setHandler(quizCompletedSignal, () => {
    quizSignalled = true;
  });
  setHandler(voiceInterviewEndedSignal, ({ voiceInterviewId }) => {
    voiceEnded.add(voiceInterviewId);
  });

  /** Applies queued recruiter moves in arrival order; each is checked again against the state it meets. */
  const drain = async () => {
    for (let q = queue.find((x) => !x.done); q; q = queue.find((x) => !x.done)) {
      const why = refusal(q.intent);
      if (why) {
        q.error = why;
        q.done = true;
        continue;
      }
      const i = q.intent;
      const write =
        i.kind === 'advance'
          ? { kind: 'advance' as const, from: status, to: i.to, userId: i.userId, note: i.note }
          : i.kind === 'override'
            ? { kind: 'override' as const, from: status, verdict: i.verdict, reason: i.reason, userId: i.userId }
            : i.kind === 'reject'
              ? { kind: 'reject' as const, stage: status, code: i.code, note: i.note, userId: i.userId }
              : i.kind === 'hold'
                ? { kind: 'hold' as const, stage: status, note: i.note, userId: i.userId }
                : { kind: 'release' as const, stage: status, userId: i.userId };
      const { applied } = await steps.hireRecruiterWrite({ jobApplicationId: id, key: q.key, write });
      if (!applied) {
        q.error = 'The candidate changed meanwhile; reload and try again';
      } else if (i.kind === 'advance') setStatus(i.to);
      else if (i.kind === 'override') setStatus(i.verdict);
      else if (i.kind === 'reject') {
        rejected = true;
        held = false;
        attention = null;
      } else if (i.kind === 'hold') held = true;
      else held = false;
      if (applied && i.kind !== 'hold' && i.kind !== 'release') attention = null;
      q.done = true;
    }
  };

  /** Runs an LLM step; an unusable or refused answer flags the candidate instead of failing the run. */
  const llm = async (run: () => Promise<{ outcome: 'done' } | { outcome: 'attention'; reason: AttentionReason }>): Promise<boolean> => {
    try {
      const r = await run();
      if (r.outcome === 'attention') {
        attention = r.reason;
        return false;
      }
      return true;
    } catch (err) {
      if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && (err.cause.type === 'LLM_INVALID_OUTPUT' || err.cause.type === 'LLM_REFUSED')) {
        await flag(err.cause.type === 'LLM_INVALID_OUTPUT' ? 'llm_invalid_output' : 'llm_refused');
        return false;
      }
      throw err;
    }
  };

  /** Enters the next stage the job uses after `from`. */
  const enter = async (from: CandidateStatus) => {
    const next = nextStage(from, ctx.plan);
    if (next === null) return;
    switch (next) {
      case 'outreach_sent': {
        await steps.hireSendOutreach({ jobApplicationId: id, from });
        setStatus('outreach_sent');
        return;
      }
      case 'quiz_invited':
        return quizStage(from);
      case 'voice_interview_scheduled':
        return voiceStage(from);
      case 'scoring_complete': {
        if (await llm(() => llmSteps.hireScoreCandidate({ jobApplicationId: id, from }))) setStatus('scoring_complete');
        return;
      }
      default:
        // quiz_completed and voice_interview_completed are reached by their events, never entered.
        setStatus(next);
    }
  };

  const quizStage = async (from: CandidateStatus) => {
    const invite = await steps.hireInviteQuiz({ jobApplicationId: id, from });
    if (invite.outcome === 'attention') return flag(invite.reason);
    setStatus('quiz_invited');
    const expiresAtMs = invite.expiresAt ? Date.parse(invite.expiresAt) : Date.now() + ctx.quizExpiryHours * 3_600_000;
    for (;;) {
      if (await steps.hireQuizSubmitted(id)) {
        await steps.hireCompleteQuizStage(id);
        setStatus('quiz_completed');
        return;
      }
      quizSignalled = false;
      const left = expiresAtMs - Date.now();
      const woke = left > 0 ? await condition(() => quizSignalled || interrupted(), left) : false;
      if (interrupted()) return;
      if (woke) continue;
      if (await steps.hireQuizSubmitted(id)) continue;
      await steps.hireExpireQuiz(id);
      return flag('quiz_expired');
    }
  };

  /** Waits for the attempt's webhook; asks the provider when none comes. */
  const awaitCall = async (voiceInterviewId: string): Promise<'completed' | 'failed' | 'interrupted'> => {
    for (let asked = 0; ; ) {
      const s = await steps.hireVoiceInterviewState(voiceInterviewId);
      if (s !== 'open') return s;
      const woke = await condition(() => voiceEnded.has(voiceInterviewId) || interrupted(), VOICE_RECONCILE_AFTER_MS);
      if (interrupted()) return 'interrupted';
      if (woke) continue;
      const r = await steps.hireReconcileVoiceCall(voiceInterviewId);
      if (r !== 'open') return r;
      if (++asked >= VOICE_RECONCILE_LIMIT) return 'failed';
    }
  };

  const voiceStage = async (from: CandidateStatus) => {
    for (let attempt = 1; attempt <= ctx.voiceMaxAttempts; attempt++) {
      const call = await steps.hirePlaceVoiceCall({ jobApplicationId: id, attempt, from: attempt === 1 ? from : status });
      if (call.outcome === 'attention') return flag(call.reason);
      if (call.outcome === 'placed') {
        setStatus('voice_interview_scheduled');
        const end = await awaitCall(call.voiceInterviewId);
        if (end === 'interrupted') return;
        if (end === 'completed') {
          if (await llm(() => llmSteps.hireEvaluateVoice({ jobApplicationId: id, voiceInterviewId: call.voiceInterviewId }))) setStatus('voice_interview_completed');
          return;
        }
      }
      if (attempt < ctx.voiceMaxAttempts) {
        await condition(interrupted, Math.max(1_000, ctx.voiceRetryMinutes * 60_000));
        if (interrupted()) return;
      }
    }
    return flag('voice_unreachable');
  };

  const runStage = async () => {
    switch (status) {
      case 'resume_received':
        if (await llm(() => llmSteps.hireParseResume({ jobApplicationId: id }))) setStatus('resume_parsed');
        return;
      case 'quiz_invited':
        return quizStage('quiz_invited');
      case 'voice_interview_scheduled':
        return voiceStage('voice_interview_scheduled');
      case 'scoring_complete': {
        const { verdict } = await steps.hireDecide({ jobApplicationId: id, passThreshold: ctx.passThreshold });
        if (verdict) setStatus(verdict);
        else await flag('llm_invalid_output');
        return;
      }
      default:
        return enter(status);
    }
  };

  // ----- the time-in-stage SLA, beside the main loop -----
  const breached = new Set<CandidateStatus>();
  const slaWatcher = async () => {
    while (!finished) {
      const stage = status;
      const hours = slaHoursFor(ctx.stageSlaHours, stage);
      if (hours === null || isDecision(stage) || breached.has(stage)) {
        await condition(() => status !== stage || finished);
        continue;
      }
      const left = stageSinceMs + hours * 3_600_000 - Date.now();
      const moved = left > 0 ? await condition(() => status !== stage || finished || rejected, left) : false;
      if (moved || finished || rejected) {
        if (rejected) await condition(() => finished);
        continue;
      }
      breached.add(stage);
      await steps.hireNotifySlaBreach({ jobApplicationId: id, stage, hours });
    }
  };
  const sla = slaWatcher();

  // ----- the main loop -----
  let ruledStage: CandidateStatus | null = null;
  for (;;) {
    await drain();
    if (rejected) break;
    if (ruledStage !== status) {
      // The job's workflow rules for the stage just reached (notify, enroll in a CRM workflow).
      ruledStage = status;
      await steps.hireRunStageRules({ jobApplicationId: id, stage: status });
    }
    if (held) {
      await condition(() => !held || interrupted());
      continue;
    }
    if (attention) {
      await condition(interrupted);
      continue;
    }
    if (isDecision(status)) {
      const more = await condition(interrupted, DECISION_WINDOW_MS);
      if (!more) break;
      continue;
    }
    await runStage();
  }
  finished = true;
  // Updates queued behind the final move are refused: nothing is left waiting on the loop.
  for (const q of queue) if (!q.done) Object.assign(q, { done: true, error: 'The pipeline has ended' });
  await sla;
  await condition(allHandlersFinished);
  return state();
}
