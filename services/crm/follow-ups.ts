// Creating a lead follow-up with its durable reminder timer (crm-followup/<followUpId>). The
// row and the timer start together: the workflow is started inside the transaction, so a
// failed start rolls the row back. Used by the REST route and by CRM workflow actions.
import type { Client } from '@temporalio/client';
import type { LeadFollowUpChannel } from '../../prisma/generated/client.js';
import { workflowIds } from '../../domain/ids.js';
import type { Db } from '../../infra/prisma.js';
import type { CrmFollowUpInput } from '../../workflows/crm-followup/crm-followup.contract.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';

export const followUpSelect = { id: true, rawLeadId: true, assigneeId: true, dueAt: true, status: true, channel: true, note: true, outcomeNote: true, reminderSentAt: true, temporalWorkflowId: true } as const;

export interface NewFollowUp {
  leadId: string;
  assigneeId: string | null;
  dueAt: Date;
  channel: LeadFollowUpChannel;
  note: string | null;
}

export async function createFollowUpWithTimer(deps: { db: Db; temporal: Client; taskQueue: string }, f: NewFollowUp) {
  return deps.db.$transaction(async (tx) => {
    const row = await tx.leadFollowUp.create({
      data: { rawLeadId: f.leadId, assigneeId: f.assigneeId, dueAt: f.dueAt, channel: f.channel, note: f.note },
      select: { id: true },
    });
    const workflowId = workflowIds.crmFollowUp(row.id);
    const dueAt = f.dueAt.toISOString();
    const input: CrmFollowUpInput = { followUpId: row.id, dueAt };
    await deps.temporal.workflow.start('crmFollowUp', {
      taskQueue: deps.taskQueue,
      workflowId,
      args: [input],
      staticSummary: `CRM follow-up · lead ${f.leadId.slice(0, 8)} · due ${dueAt.slice(0, 16).replace('T', ' ')}`,
      typedSearchAttributes: [
        { key: MasEntityType, value: 'crm_follow_up' },
        { key: MasEntityId, value: row.id },
        { key: MasState, value: 'SCHEDULED' },
        ...(f.assigneeId ? [{ key: MasUserId, value: f.assigneeId }] : []),
      ],
    });
    return tx.leadFollowUp.update({ where: { id: row.id }, data: { temporalWorkflowId: workflowId }, select: followUpSelect });
  });
}
