// PAP agreement activities: thin adapters over services/pap/ (row moves, the agreement PDF, the
// signed upload's HEAD check, the Leegality sign request and the signed copy, enrolment, the
// placement's collection plan and write-off, reminders). Refusals (DomainError) and permanent provider errors are non-retryable.
import type { MouDetails } from '../domain/pap/mou.js';
import type { PapStatus } from '../domain/pap/status.js';
import { checkUploadedDocument, enrolPap, movePap, paymentOptionFee, renderAgreement, saveMouDetails, type PapMoveData } from '../services/pap/pap-steps.js';
import { clearEsignRequest, createEsignRequest, storeEsignedMou } from '../services/pap/esign.js';
import { sendPapInstalmentReminder, sendPapReminder, type InstalmentReminderInput, type ReminderInput, type ReminderOutcome } from '../services/pap/reminders.js';
import { loadCollection, planCollection, writeOffPap, type PlanCollectionInput, type PlanOutcome } from '../services/pap/collection.js';
import type { CollectionLiveState } from '../workflows/pap/pap.contract.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export function createPapActivities(deps: Pick<ActivityDeps, 'db' | 'documents' | 'email' | 'logger' | 'now' | 'notifications' | 'leegality' | 'leegalityProfileId'>) {
  return {
    movePap: ({ papId, from, to, data }: { papId: string; from: PapStatus; to: PapStatus; data: PapMoveData }): Promise<void> => refusingDomainErrors(() => movePap(deps.db, papId, from, to, data, deps.now())),
    saveMouDetails: ({ papId, details }: { papId: string; details: MouDetails }): Promise<void> => refusingDomainErrors(() => saveMouDetails(deps.db, papId, details, deps.now())),
    renderAgreement: ({ papId }: { papId: string }): Promise<{ key: string; templateId: string }> => refusingDomainErrors(() => renderAgreement(deps, papId, deps.now())),
    checkSignedMou: ({ key }: { papId: string; key: string }): Promise<{ bucket: string; sizeBytes: number }> => refusingDomainErrors(() => checkUploadedDocument(deps.documents, key)),
    checkOfferLetter: ({ key }: { papId: string; key: string }): Promise<{ bucket: string; sizeBytes: number }> => refusingDomainErrors(() => checkUploadedDocument(deps.documents, key, 'An offer letter')),
    planCollection: (input: PlanCollectionInput): Promise<PlanOutcome> => refusingDomainErrors(() => planCollection(deps.db, input, deps.now())),
    loadCollection: ({ papId }: { papId: string }): Promise<CollectionLiveState | null> => refusingDomainErrors(() => loadCollection(deps.db, papId)),
    writeOffPap: (input: { papId: string; from: PapStatus; actorId: string; reason: string }): Promise<void> => refusingDomainErrors(() => writeOffPap(deps.db, input, deps.now())),
    sendPapInstalmentReminder: (input: InstalmentReminderInput): Promise<ReminderOutcome> => refusingDomainErrors(() => sendPapInstalmentReminder(deps, input)),
    paymentOptionFee: ({ papId, option }: { papId: string; option: 'UPFRONT' | 'PAP' }): Promise<{ feeAmountPaise: number | null }> => refusingDomainErrors(() => paymentOptionFee(deps.db, papId, option)),
    enrolPap: ({ papId, actorId, via }: { papId: string; actorId: string | null; via: 'upfront' | 'pap' }): Promise<void> => refusingDomainErrors(() => enrolPap(deps.db, papId, actorId, via, deps.now())),
    /** A permanent LeegalityError (not retryable) comes back non-retryable: the run keeps the manual upload. */
    createEsignRequest: ({ papId }: { papId: string }): Promise<{ documentId: string; signUrl: string | null }> => refusingDomainErrors(() => createEsignRequest(deps, papId)),
    storeEsignedMou: ({ papId, documentId }: { papId: string; documentId: string }): Promise<{ bucket: string; key: string; auditTrailKey: string }> => refusingDomainErrors(() => storeEsignedMou(deps, papId, documentId)),
    clearEsignRequest: ({ papId, documentId }: { papId: string; documentId: string | null }): Promise<void> => refusingDomainErrors(() => clearEsignRequest(deps.db, papId, documentId)),
    sendPapReminder: (input: ReminderInput): Promise<ReminderOutcome> => refusingDomainErrors(() => sendPapReminder(deps, input)),
  };
}

export type PapActivities = ReturnType<typeof createPapActivities>;
