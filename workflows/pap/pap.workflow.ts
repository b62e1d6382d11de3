// pap: one run per PAP agreement (pap/<papWorkflowId>). Every human step is a validated Update,
// so an illegal step is refused before anything is written; the run writes the row through
// activities and keeps MasState current. Student steps send reminders on durable timers (day 2,
// day 5, then an escalation to the batch's community manager), each once per (pap, step, visit,
// reminder#). Upfront payment goes through the one payment workflow (kind pap-upfront), whose
// run signals its outcome here. After enrolment the run waits for the placement (an offer letter
// with the CTC, reported by the student or staff) and an admin's verification, which writes the
// collection plan; each instalment's due date is a durable timer with reminders before and after
// it, each instalment is paid through the payment workflow (kind pap-instalment, which signals
// here), and the run ends COMPLETED when nothing is left due, or WRITTEN_OFF by an admin.
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  log,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { PapActivities } from '../../activities/pap.activities.js';
import { papStepRefusal, STUDENT_WAITS, type PapStatus, type PapStep } from '../../domain/pap/status.js';
import { MasState } from '../search-attributes.js';
import {
  approvePapUpdate,
  choosePaymentOptionUpdate,
  DEFAULT_COLLECTION_REMINDER_OFFSETS_MS,
  DEFAULT_REMINDER_OFFSETS_MS,
  offerLetterPrefix,
  papInstalmentSettledSignal,
  reportPlacementUpdate,
  verifyPlacementUpdate,
  writeOffUpdate,
  type CollectionLiveState,
  type InstalmentLiveState,
  type PlacementArgs,
  type VerifyPlacementArgs,
  type WriteOffArgs,
  PAP_ESIGN_PATCH,
  PAP_FREE_UPFRONT_PATCH,
  papEsignCompletedSignal,
  papEsignFailedSignal,
  papStateQuery,
  papUpfrontSettledSignal,
  REFUSED,
  resendEsignUpdate,
  retryEnrolmentUpdate,
  reviewMouUpdate,
  signedMouPrefix,
  submitMouDetailsUpdate,
  submitSignedMouUpdate,
  type ActorArg,
  type EsignLiveState,
  type MouDetailsArgs,
  type PapInput,
  type PapLiveState,
  type PaymentOptionArgs,
} from './pap.contract.js';

const acts = proxyActivities<PapActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
});
/** The sign request runs inside the student's Update: a few quick tries, then the manual upload stands. */
const esignActs = proxyActivities<PapActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '4 seconds', maximumAttempts: 3 },
});
const mail = proxyActivities<PapActivities>({
  startToCloseTimeout: '45 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 },
});

/** Where the run only waits for a person (staff, or a placement that takes months): no reminders. */
const QUIET_WAITS: readonly PapStatus[] = ['PENDING_MOU_REVIEW', 'MOU_SIGNED_APPROVED', 'PENDING_PAP_APPROVAL', 'ENROLLED', 'PLACEMENT_UNDER_REVIEW'];
const ENDED: readonly PapStatus[] = ['COMPLETED', 'WRITTEN_OFF'];

const WAITING_FOR: Record<PapStatus, string> = {
  PENDING_MOU_DETAILS: 'the student to fill in the MOU details',
  PENDING_MOU_UPLOAD: 'the student to sign the agreement (upload of the signed scan)',
  PENDING_MOU_REVIEW: 'an admin to review the signed MOU',
  MOU_SIGNED_APPROVED: 'nothing (moving to the payment option)',
  PENDING_PAYMENT_OPTION: 'the student to choose upfront payment or pay-after-placement',
  PENDING_PAP_APPROVAL: 'an admin to approve pay-after-placement',
  PENDING_UPFRONT_PAYMENT: 'the student’s upfront payment',
  ENROLLED: 'the placement: the offer letter and CTC, from the student or staff',
  PLACEMENT_UNDER_REVIEW: 'an admin to verify the placement',
  PAYMENT_COLLECTION_PENDING: 'the instalments to be paid',
  COMPLETED: 'nothing: completed',
  WRITTEN_OFF: 'nothing: written off',
};

export async function pap(input: PapInput): Promise<PapStatus> {
  const { papId } = input;
  const offsets = input.reminderOffsetsMs ?? DEFAULT_REMINDER_OFFSETS_MS;
  const collectionOffsets = input.collectionReminderOffsetsMs ?? DEFAULT_COLLECTION_REMINDER_OFFSETS_MS;
  let status: PapStatus = input.status ?? 'PENDING_MOU_DETAILS';
  let busy = false;
  let nextReminderAt: number | null = null;
  let remindersSent = 0;
  let blocked: string | null = null;
  let rejection: string | null = null;
  let upfront: { globalPaymentId: string; status: string } | null = null;
  let esign: EsignLiveState | null = null;
  let collection: CollectionLiveState | null = null;
  /** Instalments whose payment run reported COMPLETED (before or after the plan was loaded). */
  const paidInstalments = new Set<string>();
  const visits: Partial<Record<PapStatus, number>> = { [status]: 1 };

  const waitingFor = () => {
    if (blocked) return `an admin to retry the enrolment (${blocked})`;
    if (status === 'PAYMENT_COLLECTION_PENDING' && collection) {
      const next = collection.instalments.find((i) => i.status === 'DUE');
      if (next) return `instalment ${next.seq} of ${collection.instalments.length} (${next.amountPaise} paise, due ${next.dueAt}) to be paid`;
    }
    if (status === 'PENDING_MOU_UPLOAD' && esign?.signUrl && !esign.failure) return 'the student to sign the agreement through Leegality (signUrl) or upload a signed scan';
    if (status === 'PENDING_MOU_UPLOAD' && esign?.failure) return `the student to upload a signed scan or ask for a new eSign link (eSign: ${esign.failure})`;
    return WAITING_FOR[status];
  };
  const live = (): PapLiveState => ({
    status,
    waitingFor: waitingFor(),
    nextReminderAt: nextReminderAt !== null ? new Date(nextReminderAt).toISOString() : null,
    remindersSent,
    blocked,
    rejection,
    upfrontPayment: upfront,
    esign,
    collection,
  });
  const describe = () => setCurrentDetails(`**${status}**: waiting for ${live().waitingFor}${nextReminderAt !== null ? `; next reminder ${new Date(nextReminderAt).toISOString()}` : ''}`);
  /** The row moves first (a conditional update), then the run's own state and the search attribute. */
  const moveTo = async (to: PapStatus, data: Parameters<PapActivities['movePap']>[0]['data'] = {}) => {
    await acts.movePap({ papId, from: status, to, data });
    entered(to);
  };
  /** The run's side of a move the row has already made: its status, the visit, MasState and the details. */
  function entered(to: PapStatus) {
    status = to;
    visits[to] = (visits[to] ?? 0) + 1;
    upsertSearchAttributes([{ key: MasState, value: to }]);
    describe();
  }
  const refuseUnless = (step: PapStep) => {
    if (busy) throw new Error(`${REFUSED} another step of this PAP agreement is being processed; try again`);
    const refusal = papStepRefusal(step, status);
    if (refusal) throw new Error(`${REFUSED} ${refusal}`);
  };
  /** Runs a step's writes with the run marked busy, so a second Update waits its turn (is refused). */
  const step = async (fn: () => Promise<void>): Promise<PapLiveState> => {
    busy = true;
    try {
      await fn();
      return live();
    } finally {
      busy = false;
    }
  };
  /** Waits for the run's other step to finish, then runs fn marked busy (the Updates' rule, for signals). */
  const turn = async (fn: () => Promise<void>): Promise<void> => {
    while (busy) await condition(() => !busy);
    await step(fn);
  };
  /** The Leegality sign request; a permanent failure (or one that outlasts the tries) leaves the manual upload as the way to sign. */
  const requestEsign = async () => {
    try {
      const req = await esignActs.createEsignRequest({ papId });
      esign = { documentId: req.documentId, signUrl: req.signUrl, failure: null };
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      const reason = err.cause?.message ?? err.message;
      log.warn('PAP eSign request failed; the manual upload stays', { papId, reason });
      esign = { documentId: null, signUrl: null, failure: `the eSign request failed (${reason}); upload a signed scan instead` };
    }
  };
  const enrol = async (actorId: string | null, via: 'upfront' | 'pap') => {
    try {
      await acts.enrolPap({ papId, actorId, via });
      blocked = null;
      status = 'ENROLLED';
      upsertSearchAttributes([{ key: MasState, value: status }]);
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      blocked = err.cause?.message ?? err.message;
    }
    describe();
  };

  setHandler(papStateQuery, live);
  setHandler(
    submitMouDetailsUpdate,
    ({ details }) =>
      step(async () => {
        await acts.saveMouDetails({ papId, details });
        await acts.renderAgreement({ papId });
        // eSign: the Leegality document is made here (stored on the row: documentId, IRN,
        // signUrl); its webhook signals the signed PDF in. The manual upload stays as the fallback.
        if (patched(PAP_ESIGN_PATCH)) await requestEsign();
        rejection = null;
        await moveTo('PENDING_MOU_UPLOAD');
      }),
    { validator: (_a: MouDetailsArgs) => refuseUnless('submitMouDetails') },
  );
  setHandler(
    submitSignedMouUpdate,
    ({ key }) =>
      step(async () => {
        // The object must exist with an accepted type and size (HEAD); a refusal changes nothing.
        const signed = await acts.checkSignedMou({ papId, key });
        rejection = null;
        await moveTo('PENDING_MOU_REVIEW', { signedDocumentS3Bucket: signed.bucket, signedDocumentS3Key: key, mouSignedAt: 'now' });
      }),
    {
      validator: ({ key }) => {
        refuseUnless('submitSignedMou');
        if (!key.startsWith(signedMouPrefix(papId))) throw new Error(`${REFUSED} the upload key is not one issued for this PAP agreement`);
      },
    },
  );
  setHandler(
    reviewMouUpdate,
    ({ decision, notes, sendBackTo, actorId }) =>
      step(async () => {
        const review = { reviewedById: actorId, reviewNotes: notes, reviewedAt: 'now' as const };
        if (decision === 'approve') {
          await moveTo('MOU_SIGNED_APPROVED', review);
          await moveTo('PENDING_PAYMENT_OPTION');
        } else {
          rejection = notes;
          // A rejected MOU is signed again on a new Leegality document (resendEsign, or the new details).
          const esignPatched = patched(PAP_ESIGN_PATCH);
          await moveTo(sendBackTo ?? 'PENDING_MOU_UPLOAD', esignPatched ? { ...review, clearEsign: true } : review);
          if (esignPatched) esign = null;
        }
      }),
    {
      validator: ({ decision, notes }) => {
        refuseUnless('reviewMou');
        if (decision === 'reject' && !notes?.trim()) throw new Error(`${REFUSED} a rejection needs a reason`);
      },
    },
  );
  setHandler(
    choosePaymentOptionUpdate,
    ({ option, actorId }) =>
      step(async () => {
        const { feeAmountPaise } = await acts.paymentOptionFee({ papId, option });
        await moveTo(option === 'UPFRONT' ? 'PENDING_UPFRONT_PAYMENT' : 'PENDING_PAP_APPROVAL', { paymentOption: option, paymentOptionChosenAt: 'now', feeAmountPaise });
        // Nothing due upfront (a full discount): no order can be made, so the student is enrolled now.
        if (option === 'UPFRONT' && feeAmountPaise === 0 && patched(PAP_FREE_UPFRONT_PATCH)) await enrol(actorId, 'upfront');
      }),
    { validator: (_a: PaymentOptionArgs) => refuseUnless('choosePaymentOption') },
  );
  setHandler(approvePapUpdate, ({ actorId }) => step(() => enrol(actorId, 'pap')), { validator: (_a: ActorArg) => refuseUnless('approvePap') });
  setHandler(retryEnrolmentUpdate, ({ actorId }) => step(() => enrol(actorId, status === 'PENDING_PAP_APPROVAL' ? 'pap' : 'upfront')), {
    validator: (_a: ActorArg) => {
      if (busy) throw new Error(`${REFUSED} another step of this PAP agreement is being processed; try again`);
      if (!blocked) throw new Error(`${REFUSED} the enrolment is not blocked`);
    },
  });
  setHandler(
    resendEsignUpdate,
    () =>
      step(async () => {
        await acts.clearEsignRequest({ papId, documentId: esign?.documentId ?? null });
        await requestEsign();
      }),
    {
      validator: (_a: ActorArg) => {
        if (busy) throw new Error(`${REFUSED} another step of this PAP agreement is being processed; try again`);
        if (status !== 'PENDING_MOU_UPLOAD') throw new Error(`${REFUSED} a new eSign link is asked for while PENDING_MOU_UPLOAD; this agreement is ${status}`);
        if (esign?.signUrl && !esign.failure) throw new Error(`${REFUSED} the current eSign link is still open`);
      },
    },
  );
  setHandler(
    reportPlacementUpdate,
    ({ actorId, company, role, ctcPaise, offerLetterKey, joiningDate }) =>
      step(async () => {
        await acts.checkOfferLetter({ papId, key: offerLetterKey });
        rejection = null;
        await moveTo('PLACEMENT_UNDER_REVIEW', { placementDetails: { company, role, ctcPaise, offerLetterKey, joiningDate, reportedById: actorId }, placementReportedAt: 'now' });
      }),
    {
      validator: ({ offerLetterKey }: PlacementArgs) => {
        refuseUnless('reportPlacement');
        if (!offerLetterKey.startsWith(offerLetterPrefix(papId))) throw new Error(`${REFUSED} the offer letter key is not one issued for this PAP agreement`);
      },
    },
  );
  setHandler(
    verifyPlacementUpdate,
    ({ decision, notes, actorId, verifiedCtcPaise, instalments, firstDueAt, intervalDays }) =>
      step(async () => {
        if (decision === 'reject') {
          rejection = notes;
          await moveTo('ENROLLED');
          return;
        }
        const plan = await acts.planCollection({ papId, actorId, verifiedCtcPaise, instalments, firstDueAt, intervalDays });
        collection = plan.collection;
        rejection = null;
        entered(plan.status);
      }),
    {
      validator: ({ decision, notes }: VerifyPlacementArgs) => {
        refuseUnless('verifyPlacement');
        if (decision === 'reject' && !notes?.trim()) throw new Error(`${REFUSED} a rejection needs a reason`);
      },
    },
  );
  setHandler(
    writeOffUpdate,
    ({ actorId, reason }) =>
      step(async () => {
        await acts.writeOffPap({ papId, from: status, actorId, reason });
        if (collection) collection = { ...collection, instalments: collection.instalments.map((i) => (i.status === 'DUE' ? { ...i, status: 'WRITTEN_OFF' } : i)) };
        nextReminderAt = null;
        entered('WRITTEN_OFF');
      }),
    {
      validator: ({ reason }: WriteOffArgs) => {
        refuseUnless('writeOff');
        if (!reason.trim()) throw new Error(`${REFUSED} a write-off needs a reason`);
      },
    },
  );
  setHandler(papInstalmentSettledSignal, ({ instalmentId, status: paid }) => {
    if (paid !== 'COMPLETED') return;
    paidInstalments.add(instalmentId);
    if (collection) collection = { ...collection, instalments: collection.instalments.map((i) => (i.id === instalmentId ? { ...i, status: 'PAID' } : i)) };
    describe();
  });
  // Leegality's webhook (services/pap/esign-webhook.ts): only the agreement's current document,
  // only while the signature is awaited; anything else (stale, duplicate, late) changes nothing.
  const currentDocument = (documentId: string) => status === 'PENDING_MOU_UPLOAD' && (!esign?.documentId || esign.documentId === documentId);
  setHandler(papEsignCompletedSignal, ({ documentId }) =>
    turn(async () => {
      if (!currentDocument(documentId)) {
        log.info('PAP eSign completion ignored', { papId, documentId, status });
        return;
      }
      let signed: { bucket: string; key: string };
      try {
        signed = await acts.storeEsignedMou({ papId, documentId });
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        log.warn('PAP eSign completion not stored', { papId, documentId, reason: err.cause?.message ?? err.message });
        return;
      }
      rejection = null;
      esign = { documentId, signUrl: null, failure: null };
      await moveTo('PENDING_MOU_REVIEW', { signedDocumentS3Bucket: signed.bucket, signedDocumentS3Key: signed.key, mouSignedAt: 'now' });
    }),
  );
  setHandler(papEsignFailedSignal, ({ documentId, reason }) =>
    turn(async () => {
      if (!currentDocument(documentId)) return;
      esign = { documentId, signUrl: null, failure: reason };
      describe();
    }),
  );
  setHandler(papUpfrontSettledSignal, (settled) => {
    upfront = settled;
  });

  // Read through functions: the handlers change these between awaits.
  const upfrontPaid = () => upfront?.status === 'COMPLETED';
  const stillAt = (at: PapStatus) => status === at;

  upsertSearchAttributes([{ key: MasState, value: status }]);
  describe();

  /** Waits in a student step; reminders fire at their offsets unless the step is left first. */
  const waitWithReminders = async (at: PapStatus, done: () => boolean) => {
    const visit = visits[at] ?? 1;
    const enteredAt = Date.now();
    remindersSent = 0;
    for (let i = 0; i < offsets.length; i++) {
      nextReminderAt = enteredAt + offsets[i]!;
      describe();
      if (await condition(done, Math.max(1, nextReminderAt - Date.now()))) break;
      await mail.sendPapReminder({ papId, step: at, visit, reminder: i + 1, escalate: offsets.length > 1 && i === offsets.length - 1 });
      remindersSent++;
    }
    nextReminderAt = null;
    describe();
    await condition(done);
  };

  const isPaid = (i: InstalmentLiveState) => i.status === 'PAID' || paidInstalments.has(i.id);
  const collecting = () => status === 'PAYMENT_COLLECTION_PENDING';
  /**
   * The collection: instalments in due order; each one's reminders fire at its due date plus the
   * offsets (a reminder whose successor is already due is skipped, so a late start sends one, not
   * a burst). It ends COMPLETED when none is left due, unless an admin wrote it off meanwhile.
   */
  const collect = async () => {
    collection ??= await acts.loadCollection({ papId });
    for (const inst of collection?.instalments ?? []) {
      if (isPaid(inst) || inst.status !== 'DUE') continue;
      const due = Date.parse(inst.dueAt);
      remindersSent = 0;
      for (let i = 0; i < collectionOffsets.length; i++) {
        const at = due + collectionOffsets[i]!;
        const following = collectionOffsets[i + 1];
        if (following !== undefined && due + following <= Date.now()) continue;
        nextReminderAt = at;
        describe();
        if (await condition(() => isPaid(inst) || !collecting(), Math.max(1, at - Date.now()))) break;
        const escalate = collectionOffsets.length > 1 && i === collectionOffsets.length - 1 && collectionOffsets[i]! > 0;
        await mail.sendPapInstalmentReminder({ papId, instalmentId: inst.id, seq: inst.seq, reminder: i + 1, offsetMs: collectionOffsets[i]!, escalate });
        remindersSent++;
      }
      nextReminderAt = null;
      describe();
      await condition(() => isPaid(inst) || !collecting());
      if (!collecting()) return;
    }
    await turn(async () => {
      if (!collecting()) return;
      if (collection) collection = { ...collection, instalments: collection.instalments.map((i) => (paidInstalments.has(i.id) ? { ...i, status: 'PAID' } : i)) };
      await moveTo('COMPLETED');
    });
  };

  for (;;) {
    const at = status;
    if (ENDED.includes(at)) break;
    // Staff steps, the moment between approval and the payment option, and the placement: no reminders.
    if (QUIET_WAITS.includes(at)) {
      await condition(() => status !== at);
      continue;
    }
    if (at === 'PAYMENT_COLLECTION_PENDING') {
      await collect();
      continue;
    }
    if (at === 'PENDING_UPFRONT_PAYMENT') {
      await waitWithReminders(at, () => status !== at || upfrontPaid() || blocked !== null);
      // Paid: enrol (a blocked enrolment waits for an admin's retryEnrolment, which moves the status).
      if (stillAt(at) && upfrontPaid() && !blocked) await enrol(null, 'upfront');
      if (stillAt(at)) await condition(() => status !== at);
      continue;
    }
    if (STUDENT_WAITS.includes(at)) {
      await waitWithReminders(at, () => status !== at);
      continue;
    }
    throw ApplicationFailure.nonRetryable(`The PAP run cannot continue from ${at}`);
  }
  nextReminderAt = null;
  describe();
  return status;
}
