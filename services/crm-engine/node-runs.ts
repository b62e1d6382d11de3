// Node runs (workflow_node_runs): one row per node visit, unique per (enrollment, node, visit),
// so a retried activity finds its own row. A SUCCEEDED run is never performed again, and a
// send whose log row already went out is marked done instead of sent twice.
import { evaluate } from '../../domain/crm-engine/graph.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { performAction, type ActionDeps, type ActionRef, type NodeRef } from './actions.js';
import { leadSnapshot } from './lead-snapshot.js';
import { alreadySent, isDeferred } from './send-actions.js';

const json = (v: unknown) => v as Prisma.InputJsonValue;
type Deps = Pick<ActionDeps, 'db' | 'now'>;

async function loadLead(deps: Deps, leadId: string) {
  const lead = await deps.db.rawLead.findUnique({ where: { id: leadId } });
  if (!lead) throw new DomainError('UNPROCESSABLE', `Lead ${leadId} no longer exists`);
  return lead;
}

/** The node run of this visit, created RUNNING on first sight. */
function claimRun(deps: Deps, { enrollmentId, node, visit }: NodeRef) {
  return deps.db.workflowNodeRun.upsert({
    where: { enrollmentId_nodeId_attempt: { enrollmentId, nodeId: node.id, attempt: visit } },
    create: { enrollmentId, nodeId: node.id, nodeType: node.type, attempt: visit, status: 'RUNNING', input: json(node), startedAt: deps.now() },
    update: {},
  });
}

async function finishRun(deps: Deps, id: string, result: unknown) {
  await deps.db.workflowNodeRun.update({ where: { id }, data: { status: 'SUCCEEDED', result: json(result), error: null, endedAt: deps.now() } });
}

async function failRun(deps: Deps, id: string, err: unknown) {
  const message = err instanceof Error ? err.message : String(err);
  await deps.db.workflowNodeRun.update({ where: { id }, data: { status: 'FAILED', error: message.slice(0, 2000), endedAt: deps.now() } }).catch(() => undefined);
}

/** A condition or goal: its outcome on the lead as it is now, recorded once per visit. */
export async function evaluateNodeRun(deps: Deps, p: NodeRef): Promise<boolean> {
  if (p.node.type !== 'condition.if' && p.node.type !== 'goal') throw new DomainError('UNPROCESSABLE', `Not a condition: ${p.node.type}`);
  const run = await claimRun(deps, p);
  if (run.status === 'SUCCEEDED') return (run.result as { outcome: boolean }).outcome;
  const lead = await loadLead(deps, p.leadId);
  const outcome = evaluate(p.node.condition, leadSnapshot(lead));
  await finishRun(deps, run.id, { outcome });
  return outcome;
}

/** An action, performed at most once per visit; `heartbeat` is called before the outside call. */
export async function runActionNode(deps: ActionDeps, p: Omit<ActionRef, 'priorLogId' | 'priorMessageId'>, heartbeat: () => void): Promise<Record<string, unknown>> {
  const run = await claimRun(deps, p);
  if (run.status === 'SUCCEEDED' || run.status === 'SKIPPED') return (run.result ?? {}) as Record<string, unknown>;
  if (run.status !== 'RUNNING') await deps.db.workflowNodeRun.update({ where: { id: run.id }, data: { status: 'RUNNING', error: null } });
  // A send already written to its log as sent (the worker died before marking the run)
  // is not sent again.
  const prior = run.result as { logId?: string; messageId?: string } | null;
  if (prior?.logId && (await alreadySent(deps, p.node.type, prior.logId))) {
    await finishRun(deps, run.id, { ...prior, recovered: true });
    return { ...prior, recovered: true };
  }
  try {
    const lead = await loadLead(deps, p.leadId);
    heartbeat();
    const result = await performAction(deps, { ...p, priorLogId: prior?.logId, priorMessageId: prior?.messageId }, lead, run.id);
    if (isDeferred(result)) {
      // Quiet hours: the run waits (not done), and the workflow runs this visit again at deferredUntil.
      await deps.db.workflowNodeRun.update({ where: { id: run.id }, data: { status: 'WAITING', result: json(result) } });
      return result;
    }
    if (result.skipped === 'unsubscribed') {
      await deps.db.workflowNodeRun.update({ where: { id: run.id }, data: { status: 'SKIPPED', result: json(result), endedAt: deps.now() } });
      return result;
    }
    await finishRun(deps, run.id, result);
    return result;
  } catch (err) {
    await failRun(deps, run.id, err);
    throw err;
  }
}
