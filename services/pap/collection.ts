// The PAP agreement's collection, written by its run: the verified placement becomes a plan of
// instalments (the agreement's terms on the verified CTC), the instalments are read back for a
// run that was started again, and a write-off closes the agreement with its open instalments.
// Each is one transaction on a conditional status, so a retried activity answers with what the
// first attempt wrote.
import { collectionPlanProblem, papAmountOwedPaise, splitInstalments } from '../../domain/pap/collection.js';
import { DomainError } from '../../domain/errors.js';
import { papLifecycle, type PapStatus } from '../../domain/pap/status.js';
import type { Db, Tx } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { DAY_MS, DEFAULT_INSTALMENT_INTERVAL_DAYS, DEFAULT_INSTALMENTS, type CollectionLiveState } from '../../workflows/pap/pap.contract.js';
import type { PlacementDetails } from './pap-steps.js';

export interface PlanCollectionInput {
  papId: string;
  actorId: string;
  verifiedCtcPaise?: number | undefined;
  instalments?: number | undefined;
  firstDueAt?: string | undefined;
  intervalDays?: number | undefined;
}

export type PlanOutcome = { status: 'COMPLETED' | 'PAYMENT_COLLECTION_PENDING'; collection: CollectionLiveState | null };

async function instalmentsOf(db: Tx | Db, papId: string) {
  return db.mas101PapInstalment.findMany({ where: { papWorkflowId: papId }, orderBy: { seq: 'asc' }, select: { id: true, seq: true, amountPaise: true, dueAt: true, status: true } });
}

function liveOf(totalPaise: number, rows: Awaited<ReturnType<typeof instalmentsOf>>): CollectionLiveState {
  return { totalPaise, instalments: rows.map((r) => ({ id: r.id, seq: r.seq, amountPaise: r.amountPaise, dueAt: r.dueAt.toISOString(), status: r.status })) };
}

/** The collection as written (a run started again in PAYMENT_COLLECTION_PENDING reads it here). */
export async function loadCollection(db: Db, papId: string): Promise<CollectionLiveState | null> {
  const pap = await db.mas101PapWorkflow.findUnique({ where: { id: papId }, select: { collectionAmountPaise: true } });
  if (pap?.collectionAmountPaise == null) return null;
  return liveOf(pap.collectionAmountPaise, await instalmentsOf(db, papId));
}

/**
 * The admin's verification: the verified CTC on the agreement's terms gives the amount owed.
 * Nothing owed (the upfront option) → COMPLETED; otherwise the instalments are written and the
 * agreement → PAYMENT_COLLECTION_PENDING, all in one transaction. A retry finds the row moved on
 * and answers with the plan it wrote.
 */
export async function planCollection(db: Db, input: PlanCollectionInput, now: Date): Promise<PlanOutcome> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: PapStatus }[]>`SELECT status FROM public.mas101_pap_workflows WHERE id = ${input.papId}::uuid FOR UPDATE`;
    if (!locked) throw new DomainError('NOT_FOUND', `No PAP agreement ${input.papId}`);
    const pap = await tx.mas101PapWorkflow.findUniqueOrThrow({
      where: { id: input.papId },
      select: { status: true, paymentOption: true, placementDetails: true, collectionAmountPaise: true, agreementTemplate: { select: { papFeePaise: true, papFeePercent: true } } },
    });
    if (pap.status === 'COMPLETED' && pap.collectionAmountPaise === 0) return { status: 'COMPLETED', collection: null };
    if (pap.status === 'PAYMENT_COLLECTION_PENDING') return { status: pap.status, collection: liveOf(pap.collectionAmountPaise ?? 0, await instalmentsOf(tx, input.papId)) };
    if (pap.status !== 'PLACEMENT_UNDER_REVIEW') throw new DomainError('ILLEGAL_TRANSITION', `The placement is verified while PLACEMENT_UNDER_REVIEW; this agreement is ${pap.status}`);
    const placement = pap.placementDetails as unknown as PlacementDetails | null;
    if (!placement) throw new DomainError('UNPROCESSABLE', 'No placement was reported');
    const ctcPaise = input.verifiedCtcPaise ?? placement.ctcPaise;
    const terms = { papFeePaise: pap.agreementTemplate?.papFeePaise ?? null, papFeePercent: pap.agreementTemplate?.papFeePercent ? Number(pap.agreementTemplate.papFeePercent) : null };
    const owed = papAmountOwedPaise(pap.paymentOption, terms, ctcPaise);
    if (owed === null) throw new DomainError('UNPROCESSABLE', 'The agreement’s template states no PAP fee (neither a fixed fee nor a share of the CTC)');
    const verified = { placementDetails: { ...placement, verifiedCtcPaise: ctcPaise } as unknown as Prisma.InputJsonObject, placementVerifiedById: input.actorId, placementVerifiedAt: now, collectionAmountPaise: owed };
    if (owed === 0) {
      papLifecycle.assertTransition('PLACEMENT_UNDER_REVIEW', 'COMPLETED');
      await tx.mas101PapWorkflow.update({ where: { id: input.papId }, data: { ...verified, status: 'COMPLETED', completedAt: now } });
      return { status: 'COMPLETED', collection: null };
    }
    const count = input.instalments ?? DEFAULT_INSTALMENTS;
    const problem = collectionPlanProblem(owed, count);
    if (problem) throw new DomainError('UNPROCESSABLE', problem);
    const firstDueAt = input.firstDueAt ? new Date(input.firstDueAt) : new Date(now.getTime() + DEFAULT_INSTALMENT_INTERVAL_DAYS * DAY_MS);
    const plan = splitInstalments(owed, count, firstDueAt, input.intervalDays ?? DEFAULT_INSTALMENT_INTERVAL_DAYS);
    papLifecycle.assertTransition('PLACEMENT_UNDER_REVIEW', 'PAYMENT_COLLECTION_PENDING');
    await tx.mas101PapInstalment.createMany({ data: plan.map((p) => ({ papWorkflowId: input.papId, seq: p.seq, amountPaise: p.amountPaise, dueAt: p.dueAt })), skipDuplicates: true });
    await tx.mas101PapWorkflow.update({ where: { id: input.papId }, data: { ...verified, status: 'PAYMENT_COLLECTION_PENDING' } });
    return { status: 'PAYMENT_COLLECTION_PENDING', collection: liveOf(owed, await instalmentsOf(tx, input.papId)) };
  });
}

/** The admin's write-off: the agreement → WRITTEN_OFF with the reason, its open instalments with it. */
export async function writeOffPap(db: Db, input: { papId: string; from: PapStatus; actorId: string; reason: string }, now: Date): Promise<void> {
  papLifecycle.assertTransition(input.from, 'WRITTEN_OFF');
  await db.$transaction(async (tx) => {
    const moved = await tx.mas101PapWorkflow.updateMany({
      where: { id: input.papId, status: input.from },
      data: { status: 'WRITTEN_OFF', writtenOffById: input.actorId, writtenOffAt: now, writeOffReason: input.reason },
    });
    if (moved.count === 0) {
      const row = await tx.mas101PapWorkflow.findUnique({ where: { id: input.papId }, select: { status: true } });
      if (row?.status === 'WRITTEN_OFF') return;
      throw new DomainError('ILLEGAL_TRANSITION', `The PAP agreement is ${row?.status ?? 'gone'}, not ${input.from}`);
    }
    await tx.mas101PapInstalment.updateMany({ where: { papWorkflowId: input.papId, status: 'DUE' }, data: { status: 'WRITTEN_OFF' } });
  });
}

/** The agreement an instalment belongs to (the payment run tells that agreement's run). */
export async function papOfInstalment(db: Db, instalmentId: string): Promise<string | null> {
  const row = await db.mas101PapInstalment.findUnique({ where: { id: instalmentId }, select: { papWorkflowId: true } });
  return row?.papWorkflowId ?? null;
}

/** Settlement of a pap-instalment payment (in the capture's transaction): DUE or written off → PAID, once. */
export async function markInstalmentPaid(tx: Tx, instalmentId: string, orderId: string, now: Date): Promise<boolean> {
  const gp = await tx.globalPayment.findFirst({ where: { razorpayOrderId: orderId, purpose: 'pap-instalment' }, select: { id: true } });
  const moved = await tx.mas101PapInstalment.updateMany({ where: { id: instalmentId, status: { in: ['DUE', 'WRITTEN_OFF'] } }, data: { status: 'PAID', paidAt: now, globalPaymentId: gp?.id ?? null } });
  return moved.count === 1;
}
