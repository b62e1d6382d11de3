// Bulk rejection: a recruiter rejects up to 500 candidates of one job with one reason. The start
// checks the job is theirs; the workflow rejects 25 at a time through each candidate's own run
// (rejectChunk), so every rule of a single rejection holds; progress is the run's query.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DomainError } from '../../domain/errors.js';
import { BULK_REJECT_MAX, HIRE_BULK_REJECT_WORKFLOW, bulkRejectProgressQuery, type BulkRejectInput, type BulkRejectItemOutcome, type BulkRejectProgress } from '../../workflows/hire-bulk-reject/hire-bulk-reject.contract.js';
import { MasEntityId, MasEntityType, MasJobPostId, MasUserId } from '../../workflows/search-attributes.js';
import type { ServiceDeps } from '../deps.js';
import { jobForRecruiter, type RecruiterScope } from './job-access.js';
import { moveCandidate } from './recruiter-actions.js';

export const bulkRejectWorkflowId = (operationId: string) => `hire-bulk-reject/${operationId}`;

export async function startBulkReject(deps: Pick<ServiceDeps, 'db' | 'temporal' | 'config'>, scope: RecruiterScope, jobPostId: string, body: { jobApplicationIds: string[]; code: string; note?: string | undefined }) {
  const job = await jobForRecruiter(deps.db, scope, jobPostId, { id: true, title: true });
  const ids = [...new Set(body.jobApplicationIds)];
  if (ids.length > BULK_REJECT_MAX) throw new DomainError('VALIDATION_FAILED', `At most ${BULK_REJECT_MAX} candidates at once`, [{ path: 'jobApplicationIds', message: `At most ${BULK_REJECT_MAX}` }]);
  const operationId = randomUUID();
  const input: BulkRejectInput = {
    operationId,
    jobPostId,
    jobApplicationIds: ids,
    code: body.code,
    ...(body.note ? { note: body.note } : {}),
    actorUserId: scope.actor.userId,
    actorRole: scope.actor.role === 'SUPERADMIN' ? 'SUPERADMIN' : 'ADMIN',
    platform: scope.platform,
  };
  await deps.temporal.workflow.start(HIRE_BULK_REJECT_WORKFLOW, {
    taskQueue: deps.config.taskQueue,
    workflowId: bulkRejectWorkflowId(operationId),
    args: [input],
    staticSummary: `Bulk reject · ${job.title.slice(0, 80)} · ${ids.length} candidates`,
    typedSearchAttributes: [
      { key: MasEntityType, value: 'job_post' },
      { key: MasEntityId, value: jobPostId },
      { key: MasJobPostId, value: jobPostId },
      { key: MasUserId, value: scope.actor.userId },
    ],
  });
  return { operationId, total: ids.length };
}

export async function bulkRejectProgress(deps: Pick<ServiceDeps, 'temporal'>, scope: RecruiterScope, operationId: string): Promise<BulkRejectProgress & { operationId: string }> {
  const handle = deps.temporal.workflow.getHandle(bulkRejectWorkflowId(operationId));
  try {
    const desc = await handle.describe();
    const owner = desc.typedSearchAttributes.get(MasUserId);
    if (owner !== scope.actor.userId && scope.actor.role !== 'SUPERADMIN') throw new DomainError('NOT_FOUND', `Bulk rejection ${operationId} does not exist`);
    return { operationId, ...(await handle.query(bulkRejectProgressQuery)) };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new DomainError('NOT_FOUND', `Bulk rejection ${operationId} does not exist`);
    throw err;
  }
}

/** One chunk: each candidate's own reject Update; a refusal or a candidate outside the job is reported, not thrown. */
export async function rejectChunk(deps: Pick<ServiceDeps, 'db' | 'temporal'>, input: BulkRejectInput): Promise<{ jobApplicationId: string; outcome: BulkRejectItemOutcome; detail: string }[]> {
  const scope: RecruiterScope = { actor: { userId: input.actorUserId, role: input.actorRole }, platform: input.platform };
  const belongs = new Set((await deps.db.jobApplication.findMany({ where: { id: { in: input.jobApplicationIds }, jobPostId: input.jobPostId }, select: { id: true } })).map((r) => r.id));
  const out: { jobApplicationId: string; outcome: BulkRejectItemOutcome; detail: string }[] = [];
  for (const id of input.jobApplicationIds) {
    if (!belongs.has(id)) {
      out.push({ jobApplicationId: id, outcome: 'not_found', detail: 'Not a candidate of this job' });
      continue;
    }
    try {
      await moveCandidate(deps, scope, id, { kind: 'reject', code: input.code, note: input.note });
      out.push({ jobApplicationId: id, outcome: 'rejected', detail: '' });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      out.push({ jobApplicationId: id, outcome: err.code === 'NOT_FOUND' ? 'not_found' : 'refused', detail: err.message });
    }
  }
  return out;
}
