// Workflow rules on a job post (mas_crm.workflow_rules): when a candidate reaches a stage, do
// something — notify a person (inline `notify` actions) and/or enroll the candidate in a CRM
// workflow (`workflowId`), through the CRM engine that already exists: the candidate becomes (or
// merges into) a raw lead on the job's platform and is enrolled in the rule's published workflow.
// Each rule fires once per candidate and stage (its audit row's key).
import { z } from 'zod';
import type { CandidateStatus } from '../../domain/candidate/status.js';
import type { Logger } from '../../infra/logger.js';
import type { WorkflowRuleEvent } from '../../prisma/generated/client.js';
import { captureLeadInTx, CAPTURE_TX_OPTIONS, retryOnConflict } from '../crm/lead-capture.js';
import { publishedVersion, startEnrollment, type EnrollDeps } from '../crm-engine/enrollment.starter.js';
import { recordDecision } from './pipeline-state.js';
import { notify as notifyUser } from '../notifications/centre.js';

/** The rule events a stage raises (every stage raises STATUS_CHANGED too). */
export function eventsFor(stage: CandidateStatus): WorkflowRuleEvent[] {
  const own: Partial<Record<CandidateStatus, WorkflowRuleEvent>> = {
    resume_received: 'APPLICATION_RECEIVED',
    quiz_completed: 'QUIZ_COMPLETED',
    voice_interview_completed: 'VOICE_INTERVIEW_COMPLETED',
    scoring_complete: 'SCREENING_COMPLETED',
  };
  return own[stage] ? ['STATUS_CHANGED', own[stage]] : ['STATUS_CHANGED'];
}

const conditionsSchema = z.object({ toStatus: z.string().optional(), minScore: z.number().optional(), maxScore: z.number().optional() }).passthrough().nullable().catch(null);
const actionSchema = z.object({ type: z.literal('notify'), userId: z.uuid().optional(), title: z.string().max(200).optional(), message: z.string().max(2000).optional() }).passthrough();
const actionsSchema = z.array(z.unknown()).nullable().catch(null);

export interface RuleRun {
  ruleId: string;
  notified: number;
  enrolled: boolean;
}

export async function runStageRules(deps: EnrollDeps & { logger: Logger; now: () => Date }, input: { jobApplicationId: string; stage: CandidateStatus }): Promise<RuleRun[]> {
  const { db } = deps;
  const app = await db.jobApplication.findUnique({ where: { id: input.jobApplicationId }, select: { jobPostId: true, name: true, email: true, phone: true, platform: true, overallScore: true, rejectedAt: true } });
  if (!app || app.rejectedAt) return [];
  const rules = await db.workflowRule.findMany({ where: { jobPostId: app.jobPostId, isActive: true, event: { in: eventsFor(input.stage) } }, orderBy: [{ priority: 'asc' }, { createdAt: 'asc' }] });
  const runs: RuleRun[] = [];
  for (const rule of rules) {
    const cond = conditionsSchema.parse(rule.conditions);
    if (rule.event === 'STATUS_CHANGED' && cond?.toStatus && cond.toStatus !== input.stage) continue;
    if (rule.event === 'STATUS_CHANGED' && !cond?.toStatus) continue; // a STATUS_CHANGED rule names its stage
    const score = app.overallScore === null ? null : Number(app.overallScore);
    if (cond?.minScore !== undefined && (score === null || score < cond.minScore)) continue;
    if (cond?.maxScore !== undefined && (score === null || score > cond.maxScore)) continue;
    const key = `${input.jobApplicationId}:rule:${rule.id}:${input.stage}`;
    if ((await db.candidateDecision.count({ where: { idempotencyKey: key } })) > 0) continue;
    const run: RuleRun = { ruleId: rule.id, notified: 0, enrolled: false };
    const job = await db.jobPost.findUnique({ where: { id: app.jobPostId }, select: { title: true, belongsTo: true } });
    const notify = (actionsSchema.parse(rule.actions) ?? []).map((a) => actionSchema.safeParse(a)).filter((r) => r.success).map((r) => r.data);

    let leadId: string | null = null;
    if (rule.workflowId && app.platform && (app.phone || app.email)) {
      const version = await publishedVersion(db, rule.workflowId);
      if (version) {
        const captured = await retryOnConflict(() =>
          db.$transaction(
            (tx) =>
              captureLeadInTx(tx, {
                platform: app.platform!,
                name: app.name ?? 'Candidate',
                phone: app.phone,
                email: app.email,
                sessionYear: String(deps.now().getUTCFullYear()),
                sourceType: 'website',
                fields: { sourceDetail: `mr-hire:${app.jobPostId}` },
                performedBy: rule.createdBy,
              }),
            CAPTURE_TX_OPTIONS,
          ),
        );
        leadId = captured.lead.id;
        await startEnrollment(deps, version, leadId, rule.createdBy);
        run.enrolled = true;
      } else deps.logger.warn({ ruleId: rule.id, workflowId: rule.workflowId }, 'workflow rule names a CRM workflow with no published version; skipped');
    }
    await db.$transaction(async (tx) => {
      for (const a of notify) {
        const userId = a.userId ?? job?.belongsTo;
        if (!userId) continue;
        await notifyUser(tx, {
          userId,
          type: 'INFO',
          category: 'JOB',
          title: a.title ?? `${rule.name}: a candidate reached ${input.stage}`,
          message: a.message ?? `A candidate for ${job?.title ?? 'a job'} reached ${input.stage}.`,
          actionUrl: `/hire/jobs/${app.jobPostId}/candidates/${input.jobApplicationId}`,
          data: { jobApplicationId: input.jobApplicationId, ruleId: rule.id, stage: input.stage },
        });
        run.notified++;
      }
      await tx.workflowRule.update({ where: { id: rule.id }, data: { triggerCount: { increment: 1 }, lastTriggeredAt: deps.now() } });
      await recordDecision(tx, { jobApplicationId: input.jobApplicationId, jobPostId: app.jobPostId, stage: input.stage, kind: 'rule', actorType: 'system', note: rule.name.slice(0, 200), reasons: { ruleId: rule.id, notified: run.notified, enrolledLeadId: leadId }, idempotencyKey: key });
    });
    runs.push(run);
  }
  return runs;
}


