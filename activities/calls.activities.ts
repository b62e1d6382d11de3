// CRM call activities: a thin adapter over services/crm/call-sync.ts for the exotel-call
// workflow. Refusals (Exotel off, unknown call) are not retried; a row or figures that have
// not appeared yet are retried, since they do within minutes.
import { ApplicationFailure } from '@temporalio/activity';
import { syncCall } from '../services/crm/call-sync.js';
import type { CallEvent, CallSyncResult } from '../workflows/exotel-call/exotel-call.contract.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export { outcomeOf } from '../services/crm/call-sync.js';

export function createCallActivities({ db, exotel, now }: ActivityDeps) {
  return {
    async syncExotelCall({ callSid, event }: { callSid: string; event: CallEvent | null }): Promise<CallSyncResult> {
      const r = await refusingDomainErrors(() => syncCall({ db, exotel, now }, { callSid, event }));
      if (r.kind === 'missing') throw ApplicationFailure.retryable(`No lead_call_logs row has CallSid ${callSid} yet`, 'CALL_LOG_MISSING');
      if (!r.ended && (event === null || event.eventType === 'terminal')) throw ApplicationFailure.retryable(`Exotel still reports call ${callSid} as not ended (${r.status})`, 'CALL_NOT_ENDED');
      if (r.ended && !r.hasFigures) throw ApplicationFailure.retryable(`Exotel has not filled in the figures of call ${callSid} yet`, 'FIGURES_PENDING');
      return { status: r.status, final: r.ended };
    },
  };
}

export type CallActivities = ReturnType<typeof createCallActivities>;
