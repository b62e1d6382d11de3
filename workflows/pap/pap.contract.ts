// Contract of the PAP agreement workflow, pap/<papWorkflowId>: shared by the workflow, the api
// (each human step is a validated Update; GET reads the `state` Query) and the payment workflow
// (a pap-upfront payment signals its outcome here).
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { MouDetails } from '../../domain/pap/mou.js';
import type { PapStatus } from '../../domain/pap/status.js';

export interface PapInput {
  papId: string;
  applicationId: string;
  userId: string;
  batchId: string | null;
  /** The state to resume in when a lost run is started again for an existing row; default PENDING_MOU_DETAILS. */
  status?: PapStatus;
  /** When reminders fire, ms after a student step is entered; the last one escalates to the batch's community manager. Default day 2, day 5, day 7. */
  reminderOffsetsMs?: number[];
  /** When each instalment's reminders fire, ms relative to its due date (negative: before). Default 3 days before, the due day, 3 days after, and 7 days after (escalated). */
  collectionReminderOffsetsMs?: number[];
}

export interface PapLiveState {
  status: PapStatus;
  /** What the run waits for, in words. */
  waitingFor: string;
  /** ISO instant of the next reminder, while a student step waits. */
  nextReminderAt: string | null;
  /** Reminders already sent in the current step. */
  remindersSent: number;
  /** Why enrolment could not complete (e.g. the batch is full), until an admin retries. */
  blocked: string | null;
  /** The last review rejection's reason, while the student redoes a step. */
  rejection: string | null;
  upfrontPayment: { globalPaymentId: string; status: string } | null;
  /** The Leegality signing of the agreement, once asked for: where the student signs, or why eSign is not available (the manual upload stays). */
  esign: EsignLiveState | null;
  /** The collection, once the placement is verified: what is owed and each instalment's state. */
  collection: CollectionLiveState | null;
}

export interface InstalmentLiveState {
  id: string;
  seq: number;
  amountPaise: number;
  dueAt: string;
  status: 'DUE' | 'PAID' | 'WRITTEN_OFF';
}
export interface CollectionLiveState {
  totalPaise: number;
  instalments: InstalmentLiveState[];
}

export interface EsignLiveState {
  documentId: string | null;
  signUrl: string | null;
  /** Why the sign request could not be made or the signing failed; the student uploads a signed scan or asks for a new link. */
  failure: string | null;
}

export interface ActorArg {
  actorId: string;
}
export interface MouDetailsArgs extends ActorArg {
  details: MouDetails;
}
export interface SignedMouArgs extends ActorArg {
  key: string;
}
export interface ReviewArgs extends ActorArg {
  decision: 'approve' | 'reject';
  notes: string | null;
  /** Where a rejection sends the student. */
  sendBackTo?: 'PENDING_MOU_DETAILS' | 'PENDING_MOU_UPLOAD';
}
export interface PaymentOptionArgs extends ActorArg {
  option: 'UPFRONT' | 'PAP';
}

/** Placement (student or staff): the offer letter, uploaded under offerLetterPrefix, with the CTC. */
export interface PlacementArgs extends ActorArg {
  company: string;
  role: string;
  ctcPaise: number;
  offerLetterKey: string;
  joiningDate: string | null;
}
export interface VerifyPlacementArgs extends ActorArg {
  decision: 'approve' | 'reject';
  notes: string | null;
  /** The CTC as verified, when it differs from the one reported. */
  verifiedCtcPaise?: number;
  /** The collection plan (defaults: 3 instalments, the first 30 days after verification, monthly). */
  instalments?: number;
  firstDueAt?: string;
  intervalDays?: number;
}
export interface WriteOffArgs extends ActorArg {
  reason: string;
}

export const submitMouDetailsUpdate = defineUpdate<PapLiveState, [MouDetailsArgs]>('submitMouDetails');
export const submitSignedMouUpdate = defineUpdate<PapLiveState, [SignedMouArgs]>('submitSignedMou');
export const reviewMouUpdate = defineUpdate<PapLiveState, [ReviewArgs]>('reviewMou');
export const choosePaymentOptionUpdate = defineUpdate<PapLiveState, [PaymentOptionArgs]>('choosePaymentOption');
export const approvePapUpdate = defineUpdate<PapLiveState, [ActorArg]>('approvePap');
/** An admin retries an enrolment that was blocked (a full batch, a missing batch). */
export const retryEnrolmentUpdate = defineUpdate<PapLiveState, [ActorArg]>('retryEnrolment');
/** The student asks for a new eSign link (after a failed or declined signing). */
export const resendEsignUpdate = defineUpdate<PapLiveState, [ActorArg]>('resendEsign');
export const reportPlacementUpdate = defineUpdate<PapLiveState, [PlacementArgs]>('reportPlacement');
export const verifyPlacementUpdate = defineUpdate<PapLiveState, [VerifyPlacementArgs]>('verifyPlacement');
/** An admin writes the agreement off, with a reason (an unplaced student, an uncollectable balance). */
export const writeOffUpdate = defineUpdate<PapLiveState, [WriteOffArgs]>('writeOff');
export const papStateQuery = defineQuery<PapLiveState>('state');

/** The pap-upfront payment run's outcome (sent by workflows/payment when it ends). */
export const papUpfrontSettledSignal = defineSignal<[{ globalPaymentId: string; status: string }]>('papUpfrontSettled');

/** A pap-instalment payment run's outcome (sent by workflows/payment when it ends). */
export const papInstalmentSettledSignal = defineSignal<[{ instalmentId: string; globalPaymentId: string; status: string }]>('papInstalmentSettled');

/** Leegality's webhook: the agreement's document is signed (Success, Completed). */
export const papEsignCompletedSignal = defineSignal<[{ documentId: string }]>('papEsignCompleted');
/** Leegality's webhook: the signing failed (webhookType Error). */
export const papEsignFailedSignal = defineSignal<[{ documentId: string; reason: string }]>('papEsignFailed');

/** Prefix of a validator's refusal; the api maps it to 409 (an activity's refusal keeps its own code). */
export const REFUSED = 'REFUSED:';

export const DAY_MS = 24 * 3600 * 1000;
export const DEFAULT_REMINDER_OFFSETS_MS = [2 * DAY_MS, 5 * DAY_MS, 7 * DAY_MS];
export const DEFAULT_COLLECTION_REMINDER_OFFSETS_MS = [-3 * DAY_MS, 0, 3 * DAY_MS, 7 * DAY_MS];
export const DEFAULT_INSTALMENTS = 3;
export const DEFAULT_INSTALMENT_INTERVAL_DAYS = 30;

/** The object key prefix a student's signed MOU upload must use. */
export const signedMouPrefix = (papId: string) => `pap/${papId}/signed/`;
/** The object key prefix an offer letter upload must use. */
export const offerLetterPrefix = (papId: string) => `pap/${papId}/offer-letter/`;
export const agreementKey = (papId: string) => `pap/${papId}/agreement.pdf`;
/** Where the eSigned PDF and its audit trail are copied (a retry overwrites the same objects). */
export const esignPrefix = (papId: string, documentId: string) => `pap/${papId}/esign/${documentId}/`;
export const esignSignedKey = (papId: string, documentId: string) => `${esignPrefix(papId, documentId)}signed.pdf`;
export const esignAuditTrailKey = (papId: string, documentId: string) => `${esignPrefix(papId, documentId)}audit-trail.pdf`;
/** The patch of the eSign path (pap-esign); runs started before it keep the manual upload only. */
export const PAP_ESIGN_PATCH = 'pap-esign';
/** The patch that enrols an upfront agreement with nothing due at once (pap-free-upfront). */
export const PAP_FREE_UPFRONT_PATCH = 'pap-free-upfront';
