// Starting a bulk operation: the bulk_operations row and its workflow crm-bulk/<id> start
// together (the workflow is started inside the transaction, so a failed start leaves no row).
import type { CrmBulkOperation, Prisma } from '../../prisma/generated/client.js';
import { workflowIds } from '../../domain/ids.js';
import type { BulkAction, BulkFilter, CrmBulkInput } from '../../workflows/crm-bulk/crm-bulk.contract.js';
import { MasCrmWorkflowId, MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import type { Client } from '@temporalio/client';
import type { Db } from '../../infra/prisma.js';

export interface BulkDeps {
  db: Db;
  temporal: Client;
  config: { taskQueue: string; crmBulkBatchSize?: number };
}

/** Who asked: a user, or the system (userId null, sees every lead) for trigger fan-outs. */
export interface BulkActor {
  userId: string | null;
  role: string;
}

export async function startBulkOperation(deps: BulkDeps, auth: BulkActor, req: { action: BulkAction; filter: BulkFilter; reason: string | null }): Promise<CrmBulkOperation> {
  return deps.db.$transaction(async (tx) => {
    const row = await tx.crmBulkOperation.create({
      data: {
        action: req.action,
        workflowId: req.filter.workflowId ?? null,
        filter: req.filter as Prisma.InputJsonValue,
        reason: req.reason,
        requestedBy: auth.userId,
        temporalWorkflowId: 'pending',
      },
    });
    const workflowId = workflowIds.crmBulkOperation(row.id);
    const input: CrmBulkInput = {
      operationId: row.id,
      action: req.action,
      filter: req.filter,
      reason: req.reason,
      actorId: auth.userId,
      actorRole: auth.role,
      ...(deps.config.crmBulkBatchSize ? { batchSize: deps.config.crmBulkBatchSize } : {}),
    };
    await deps.temporal.workflow.start('crmBulkOperation', {
      taskQueue: deps.config.taskQueue,
      workflowId,
      args: [input],
      staticSummary: `CRM bulk ${req.action}${req.filter.workflowId ? ` · workflow ${req.filter.workflowId}` : ''}${req.reason ? ` · ${req.reason.slice(0, 60)}` : ''}`,
      typedSearchAttributes: [
        { key: MasEntityType, value: 'crm_bulk_operation' },
        { key: MasEntityId, value: row.id },
        { key: MasState, value: 'RUNNING' },
        ...(auth.userId ? [{ key: MasUserId, value: auth.userId }] : []),
        ...(req.filter.workflowId ? [{ key: MasCrmWorkflowId, value: req.filter.workflowId }] : []),
      ],
    });
    return tx.crmBulkOperation.update({ where: { id: row.id }, data: { temporalWorkflowId: workflowId } });
  });
}

export function bulkOperationView(op: CrmBulkOperation) {
  return {
    id: op.id,
    action: op.action,
    status: op.status,
    workflowId: op.workflowId,
    filter: op.filter,
    reason: op.reason,
    requestedBy: op.requestedBy,
    total: op.total,
    processed: op.processed,
    succeeded: op.succeeded,
    skipped: op.skipped,
    failed: op.failed,
    failures: op.failures as { id: string; error?: string }[],
    temporalWorkflowId: op.temporalWorkflowId,
    createdAt: op.createdAt.toISOString(),
    completedAt: op.completedAt?.toISOString() ?? null,
  };
}
