// PAP agreement activities: thin adapters over services/pap/ (row moves, the agreement PDF, the
// signed upload's HEAD check, enrolment, reminders). Refusals (DomainError) are non-retryable.
import type { MouDetails } from '../domain/pap/mou.js';
import type { PapStatus } from '../domain/pap/status.js';
import { checkSignedMou, enrolPap, movePap, paymentOptionFee, renderAgreement, saveMouDetails, type PapMoveData } from '../services/pap/pap-steps.js';
import { sendPapReminder, type ReminderInput, type ReminderOutcome } from '../services/pap/reminders.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export function createPapActivities(deps: Pick<ActivityDeps, 'db' | 'documents' | 'email' | 'logger' | 'now' | 'notifications'>) {
  return {
    movePap: ({ papId, from, to, data }: { papId: string; from: PapStatus; to: PapStatus; data: PapMoveData }): Promise<void> => refusingDomainErrors(() => movePap(deps.db, papId, from, to, data, deps.now())),
    saveMouDetails: ({ papId, details }: { papId: string; details: MouDetails }): Promise<void> => refusingDomainErrors(() => saveMouDetails(deps.db, papId, details, deps.now())),
    renderAgreement: ({ papId }: { papId: string }): Promise<{ key: string; templateId: string }> => refusingDomainErrors(() => renderAgreement(deps, papId, deps.now())),
    checkSignedMou: ({ key }: { papId: string; key: string }): Promise<{ bucket: string; sizeBytes: number }> => refusingDomainErrors(() => checkSignedMou(deps.documents, key)),
    paymentOptionFee: ({ papId, option }: { papId: string; option: 'UPFRONT' | 'PAP' }): Promise<{ feeAmountPaise: number | null }> => refusingDomainErrors(() => paymentOptionFee(deps.db, papId, option)),
    enrolPap: ({ papId, actorId, via }: { papId: string; actorId: string | null; via: 'upfront' | 'pap' }): Promise<void> => refusingDomainErrors(() => enrolPap(deps.db, papId, actorId, via, deps.now())),
    sendPapReminder: (input: ReminderInput): Promise<ReminderOutcome> => refusingDomainErrors(() => sendPapReminder(deps, input)),
  };
}

export type PapActivities = ReturnType<typeof createPapActivities>;
