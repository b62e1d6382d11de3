// Starting CRM enrollments: crm-enrollment/<enrollmentId>, where the enrollment id is derived
// from (workflow, lead, generation). Two triggers for the same lead therefore name the same
// Temporal workflow, and the ID conflict policy (FAIL) plus the reuse policy
// (REJECT_DUPLICATE) let exactly one of them start it. Generation stays 0 unless the
// workflow allows re-enrollment; then it is the number of the lead's ended enrollments there,
// so a new one may start only after the previous one ended.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { isGrpcServiceError, ServiceError, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { DefinitionSchema, type WorkflowDefinition } from '../../domain/crm-engine/definition.js';
import { workflowIds } from '../../domain/ids.js';
import type { Db } from '../../infra/prisma.js';
import type { CrmEnrollmentInput } from '../../workflows/crm-enrollment/crm-enrollment.contract.js';
import { MasCrmWorkflowId, MasEntityId, MasEntityType, MasState } from '../../workflows/search-attributes.js';

export interface EnrollDeps {
  db: Db;
  temporal: Client;
  config: { taskQueue: string; crmEnrollmentStepsPerRun?: number };
}

export interface PublishedVersion {
  crmWorkflowId: string;
  name: string;
  version: number;
  allowReenrollment: boolean;
  definition: WorkflowDefinition;
}

/** A UUID (v8 layout) from a SHA-256: the same inputs always give the same enrollment id. */
export function enrollmentIdFor(crmWorkflowId: string, leadId: string, generation: number): string {
  const h = createHash('sha256').update(`crm-enrollment:${crmWorkflowId}:${leadId}:${generation}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

// Published versions never change: parsed once per process.
const versionCache = new Map<string, WorkflowDefinition>();

type WorkflowHead = { id: string; name: string; version: number; allowReenrollment: boolean };
const HEAD_SELECT = { id: true, name: true, version: true, allowReenrollment: true } as const;

/** The latest published version of a workflow (or the asked-for one), or null. */
export async function publishedVersion(db: Db, crmWorkflowId: string, version?: number): Promise<PublishedVersion | null> {
  const wf = await db.crmWorkflow.findUnique({ where: { id: crmWorkflowId }, select: HEAD_SELECT });
  return wf ? versionOf(db, wf, version) : null;
}

/** The same, for a workflow row already read (its versions are read once per process). */
export async function versionOf(db: Db, wf: WorkflowHead, version?: number): Promise<PublishedVersion | null> {
  if (wf.version === 0) return null;
  const v = version ?? wf.version;
  const key = `${wf.id}:${v}`;
  let definition = versionCache.get(key);
  if (!definition) {
    const row = await db.crmWorkflowVersion.findUnique({ where: { workflowId_version: { workflowId: wf.id, version: v } }, select: { definition: true } });
    if (!row) return null;
    definition = DefinitionSchema.parse(row.definition);
    versionCache.set(key, definition);
  }
  return { crmWorkflowId: wf.id, name: wf.name, version: v, allowReenrollment: wf.allowReenrollment, definition };
}

export const WORKFLOW_HEAD_SELECT = HEAD_SELECT;

export interface EnrollResult {
  leadId: string;
  enrollmentId: string;
  workflowId: string;
  /** False when the lead already has an enrollment in this workflow (running, or ended and re-enrollment is off). */
  started: boolean;
}

export async function startEnrollment(deps: EnrollDeps, v: PublishedVersion, leadId: string, enrolledBy: string | null): Promise<EnrollResult> {
  const generation = v.allowReenrollment
    ? await deps.db.workflowEnrollment.count({ where: { workflowId: v.crmWorkflowId, subjectId: leadId, status: { in: ['COMPLETED', 'FAILED', 'CANCELLED'] } } })
    : 0;
  const enrollmentId = enrollmentIdFor(v.crmWorkflowId, leadId, generation);
  const workflowId = workflowIds.crmEnrollment(enrollmentId);
  const input: CrmEnrollmentInput = {
    enrollmentId,
    crmWorkflowId: v.crmWorkflowId,
    workflowName: v.name,
    version: v.version,
    leadId,
    definition: v.definition,
    enrolledBy,
    rowWritten: true,
    ...(deps.config.crmEnrollmentStepsPerRun ? { stepsPerRun: deps.config.crmEnrollmentStepsPerRun } : {}),
  };
  // The row (and the trigger's node run) first, so the enrollment can be read the moment this
  // returns and the workflow need not spend an activity on it.
  const trigger = v.definition.nodes.find((n) => n.type.startsWith('trigger.'))!;
  const now = new Date();
  const [inserted] = await deps.db.$transaction([
    deps.db.workflowEnrollment.createMany({
      data: [
        {
          id: enrollmentId,
          workflowId: v.crmWorkflowId,
          definitionVersion: v.version,
          subjectType: 'RAW_LEAD',
          subjectId: leadId,
          status: 'ACTIVE',
          currentNodeId: trigger.id,
          temporalWorkflowId: workflowId,
          enrolledBy,
        },
      ],
      skipDuplicates: true,
    }),
    deps.db.workflowNodeRun.createMany({
      data: [{ enrollmentId, nodeId: trigger.id, nodeType: trigger.type, attempt: 1, status: 'SUCCEEDED', startedAt: now, endedAt: now }],
      skipDuplicates: true,
    }),
  ]);
  // A start refused for a moment (the server busy or slow: UNAVAILABLE, DEADLINE_EXCEEDED,
  // RESOURCE_EXHAUSTED) is tried again: the id is fixed and duplicates are rejected, so a retry
  // after an attempt that did start the run answers "already started", which is this run.
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.temporal.workflow.start('crmEnrollment', {
        taskQueue: deps.config.taskQueue,
        workflowId,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        staticSummary: `CRM · ${v.name} v${v.version} · lead ${leadId}`,
        staticDetails: `Enrollment ${enrollmentId} of workflow ${v.crmWorkflowId} (pinned to v${v.version})${enrolledBy ? `, enrolled by ${enrolledBy}` : ''}.`,
        typedSearchAttributes: [
          { key: MasEntityType, value: 'crm_enrollment' },
          { key: MasEntityId, value: enrollmentId },
          { key: MasState, value: 'ACTIVE' },
          { key: MasCrmWorkflowId, value: v.crmWorkflowId },
        ],
      });
      return { leadId, enrollmentId, workflowId, started: true };
    } catch (err) {
      // This call wrote the row and the run exists: an earlier attempt of ours started it.
      if (err instanceof WorkflowExecutionAlreadyStartedError) return { leadId, enrollmentId, workflowId, started: inserted.count > 0 && attempt > 1 };
      if (attempt < START_ATTEMPTS && transientStartFailure(err)) {
        await sleep(START_BACKOFF_MS * 2 ** (attempt - 1));
        continue;
      }
      // No workflow runs it: do not leave a row that claims one does.
      if (inserted.count) await deps.db.workflowEnrollment.deleteMany({ where: { id: enrollmentId, status: 'ACTIVE' } }).catch(() => undefined);
      throw err;
    }
  }
}

/** Starts of one enrollment before a busy server's refusal counts as a failure. */
const START_ATTEMPTS = 4;
const START_BACKOFF_MS = 250;
/** gRPC DEADLINE_EXCEEDED (4), RESOURCE_EXHAUSTED (8), UNAVAILABLE (14). */
const TRANSIENT_GRPC = new Set([4, 8, 14]);
const transientStartFailure = (err: unknown) => {
  const cause = err instanceof ServiceError ? err.cause : err;
  return isGrpcServiceError(cause) && TRANSIENT_GRPC.has(cause.code);
};

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  });
  await Promise.all(lanes);
  return out;
}
