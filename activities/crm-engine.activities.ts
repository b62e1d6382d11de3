// CRM workflow engine activities: thin adapters over services/crm-engine/ (the enrollment row,
// node runs and actions, the trigger outbox sweep). A DomainError from a service is a refusal
// no retry can fix, so it becomes a non-retryable failure and the enrollment fails at once.
import { Context } from '@temporalio/activity';
import type { ActionRef, NodeRef } from '../services/crm-engine/actions.js';
import { beginEnrollmentRow, patchEnrollment, type BeginEnrollment, type EnrollmentPatch } from '../services/crm-engine/enrollment-rows.js';
import { evaluateNodeRun, runActionNode } from '../services/crm-engine/node-runs.js';
import { dispatchPendingLeadEvents } from '../services/crm-engine/triggers.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export type { BeginEnrollment, EnrollmentPatch };

export function createCrmEngineActivities(deps: ActivityDeps) {
  return {
    async beginEnrollment(b: BeginEnrollment): Promise<void> {
      await beginEnrollmentRow(deps, b);
    },

    async syncEnrollment(p: EnrollmentPatch): Promise<void> {
      await refusingDomainErrors(() => patchEnrollment(deps, p));
    },

    /** The outbox sweep: events still undispatched after `olderThanMs`. */
    async dispatchPendingTriggers(p: { olderThanMs: number; limit: number }): Promise<{ dispatched: number; pending: number }> {
      return dispatchPendingLeadEvents({ db: deps.db, temporal: deps.temporal, logger: deps.logger, config: { taskQueue: deps.taskQueue } }, p);
    },

    async evaluateNode(p: NodeRef): Promise<boolean> {
      return refusingDomainErrors(() => evaluateNodeRun(deps, p));
    },

    async runAction(p: Omit<ActionRef, 'priorLogId' | 'priorMessageId'>): Promise<Record<string, unknown>> {
      return refusingDomainErrors(() => runActionNode(deps, p, () => Context.current().heartbeat()));
    },
  };
}

export type CrmEngineActivities = ReturnType<typeof createCrmEngineActivities>;
