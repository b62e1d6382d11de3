// Opening a payment of any kind: the GST split is worked out (place of supply, SAC rate from
// hsn_sac_master, lines that add up to the price), the Razorpay order created (no transaction is
// open while Razorpay is asked), then one transaction writes the global_payments row CREATED with
// its tax lines and the kind's own bookkeeping, and the workflow payment/<kind>/<key> starts. A
// failed order leaves nothing behind but the caller's own row; a failed start is healed by the
// first webhook or checkout verify (signalWithStart).
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { isIntraState } from '../../domain/finance/gst.js';
import { checkGstin } from '../../domain/finance/gstin.js';
import { placeOfSupply, priceLines, totalsOf, type BuyerDetails } from '../../domain/finance/invoice.js';
import { workflowIds } from '../../domain/ids.js';
import type { Tx } from '../../infra/prisma.js';
import { Prisma } from '../../prisma/generated/client.js';
import { RazorpayError } from '../../providers/razorpay/interface.js';
import type { PaymentKind } from '../../workflows/payment/payment.contract.js';
import type { ServiceDeps } from '../deps.js';
import { supplierOf } from '../finance/documents.js';
import { startPayment, type PaymentRef } from './payment.starter.js';

export interface PaymentItem {
  description: string;
  /** SAC code in hsn_sac_master; its rate applies. */
  sac: string;
  listGrossPaise: number;
  chargedGrossPaise: number;
}

export interface OpenPaymentInput {
  kind: PaymentKind;
  subjectId: string;
  /** The workflow id's last part: the purchase id for tokens; omitted: the new payment's id. */
  workflowKey?: string;
  userId: string;
  /** The application the payment is for, when the subject is not the application itself (pap-upfront). */
  applicationId?: string;
  platform?: string | null;
  description: string;
  items: PaymentItem[];
  buyer: BuyerDetails;
  /** The kind's own writes, in the transaction that records the payment (e.g. the order id on the subject). */
  onRecorded?: (tx: Tx, ref: PaymentRef) => Promise<void>;
  /**
   * Runs first in the recording transaction, after the order exists: it locks the subject and
   * re-checks it. A payment it returns (a concurrent caller's, recorded meanwhile) is handed back
   * and this call's order is left unpaid; it may also throw to refuse (the subject moved on).
   */
  claim?: (tx: Tx) => Promise<PaymentRef | null>;
}

export interface OpenedPayment {
  ref: PaymentRef;
  /** True when a concurrent caller's open payment was handed back (claim) instead of a new one. */
  reused: boolean;
  taxes: { placeOfSupplyCode: string; intraState: boolean; taxablePaise: number; cgstPaise: number; sgstPaise: number; igstPaise: number };
}

type OpenDeps = Pick<ServiceDeps, 'db' | 'razorpay' | 'temporal' | 'logger' | 'config'>;

/** Checks a buyer's GSTIN and address state; 400 naming the field. */
export async function checkBuyer(deps: Pick<ServiceDeps, 'db'>, buyer: BuyerDetails, fieldPrefix: string): Promise<BuyerDetails> {
  let gstin: string | null = null;
  if (buyer.gstin) {
    const g = checkGstin(buyer.gstin);
    if (!g.ok) throw new DomainError('BAD_REQUEST', `Not a valid GSTIN (${g.reason})`, [{ path: `${fieldPrefix}.gstin`, message: g.reason === 'checksum' ? 'The check character does not match' : g.reason === 'state' ? 'Unknown state code' : 'A GSTIN is 2 digits, a 10-character PAN, an entity number, Z and a check character' }]);
    gstin = g.gstin;
  }
  if (buyer.address) {
    const state = await deps.db.gstStateCode.findUnique({ where: { code: buyer.address.stateCode }, select: { isActive: true } });
    if (!state?.isActive) throw new DomainError('BAD_REQUEST', 'Unknown GST state code', [{ path: `${fieldPrefix}.address.stateCode`, message: 'Not an active GST state code' }]);
  }
  return { ...buyer, gstin };
}

/** The state on the student's profile, when it names a GST state (the B2C place of supply). */
async function profileStateCode(deps: Pick<ServiceDeps, 'db'>, userId: string): Promise<string | null> {
  const profile = await deps.db.studentProfile.findUnique({ where: { userId }, select: { state: true } });
  if (!profile?.state) return null;
  const state = await deps.db.gstStateCode.findFirst({ where: { name: { equals: profile.state.trim(), mode: 'insensitive' }, isActive: true }, select: { code: true } });
  return state?.code ?? null;
}

export async function openPayment(deps: OpenDeps, input: OpenPaymentInput): Promise<OpenedPayment> {
  const supplier = supplierOf(deps.config.supplier);
  const pos = placeOfSupply(supplier, input.buyer, input.buyer.gstin || input.buyer.address ? null : await profileStateCode(deps, input.userId));
  const intraState = isIntraState(supplier.stateCode, pos);
  const sacs = await deps.db.hsnSacMaster.findMany({ where: { code: { in: [...new Set(input.items.map((i) => i.sac))] }, isActive: true }, select: { id: true, code: true, gstRatePercent: true } });
  const sacOf = new Map(sacs.map((s) => [s.code, { id: s.id, rateBp: Math.round(Number(s.gstRatePercent) * 100), percent: s.gstRatePercent }]));
  const lines = priceLines(
    input.items.map((i) => {
      const sac = sacOf.get(i.sac);
      if (!sac) throw new DomainError('INTERNAL', `SAC ${i.sac} is not in hsn_sac_master`);
      return { ...i, rateBp: sac.rateBp };
    }),
    intraState,
  );
  const totals = totalsOf(lines);
  if (totals.totalPaise < 100) throw new DomainError('UNPROCESSABLE', 'Razorpay takes payments of ₹1.00 or more');

  const id = randomUUID();
  const receipt = `gp_${id.replaceAll('-', '').slice(0, 24)}`;
  let orderId: string;
  try {
    orderId = (await deps.razorpay.createOrder({ amount: totals.totalPaise, currency: 'INR', receipt, notes: { globalPaymentId: id, kind: input.kind, subjectId: input.subjectId } })).id;
  } catch (err) {
    deps.logger.warn({ err: err instanceof RazorpayError ? { status: err.status, code: err.code } : String(err), kind: input.kind, subjectId: input.subjectId }, 'razorpay order failed');
    throw new DomainError('DEPENDENCY_UNAVAILABLE', 'The payment provider is unavailable; nothing was charged. Try again.');
  }
  const workflowId = workflowIds.payment(input.kind, input.workflowKey ?? id);
  const ref: PaymentRef = { id, purpose: input.kind, subjectId: input.subjectId, userId: input.userId, razorpayOrderId: orderId, amountPaise: totals.totalPaise, workflowId, description: input.description };
  const winner = await deps.db.$transaction(async (tx) => {
    const claimed = (await input.claim?.(tx)) ?? null;
    if (claimed) return claimed;
    await tx.globalPayment.create({
      data: {
        id,
        userId: input.userId,
        ...(input.kind === 'application' ? { applicationId: input.subjectId } : input.applicationId ? { applicationId: input.applicationId } : {}),
        platform: input.platform ?? null,
        purpose: input.kind,
        subjectId: input.subjectId,
        workflowId,
        description: input.description,
        razorpayOrderId: orderId,
        amountPaise: totals.totalPaise,
        taxableValuePaise: totals.taxablePaise,
        cgstPaise: totals.cgstPaise,
        sgstPaise: totals.sgstPaise,
        igstPaise: totals.igstPaise,
        placeOfSupplyCode: pos,
        customerName: input.buyer.name,
        customerEmail: input.buyer.email ?? null,
        customerPhone: input.buyer.phone ?? null,
        customerGstin: input.buyer.gstin ?? null,
        billingAddress: input.buyer.address ? { ...input.buyer.address } : Prisma.DbNull,
        razorpayNotes: { receipt },
      },
    });
    await tx.globalPaymentTaxLine.createMany({
      data: lines.map((l) => ({
        globalPaymentId: id,
        hsnSacId: sacOf.get(l.sac)!.id,
        lineNumber: l.lineNumber,
        description: l.description,
        quantity: l.quantity,
        unitPricePaise: l.unitPricePaise,
        taxableValuePaise: l.taxableValuePaise,
        gstRatePercent: sacOf.get(l.sac)!.percent,
        cgstPaise: l.cgstPaise,
        sgstPaise: l.sgstPaise,
        igstPaise: l.igstPaise,
        totalPaise: l.totalPaise,
      })),
    });
    await input.onRecorded?.(tx, ref);
    return null;
  });
  const taxes = { placeOfSupplyCode: pos, intraState, taxablePaise: totals.taxablePaise, cgstPaise: totals.cgstPaise, sgstPaise: totals.sgstPaise, igstPaise: totals.igstPaise };
  if (winner) {
    // Nothing was recorded for this order; Razorpay lets an unpaid order expire.
    deps.logger.info({ kind: input.kind, subjectId: input.subjectId, unusedOrderId: orderId, globalPaymentId: winner.id }, 'a concurrent open payment was handed back');
    return { ref: winner, reused: true, taxes };
  }
  try {
    await startPayment(deps, ref);
  } catch (err) {
    // The payment is recorded; the first checkout verify or webhook starts the run (signalWithStart).
    deps.logger.warn({ err: String(err), globalPaymentId: id, workflowId }, 'payment workflow not started; the first payment event will start it');
  }
  return { ref, reused: false, taxes };
}
