// What the PAP run writes, one function per activity. Each is idempotent: a row move is a
// conditional update that answers "done" when a retry finds the row already moved; the PDF is
// overwritten under one key; enrolment picks up wherever a previous attempt stopped.
import { applicationLifecycle } from '../../domain/application/status.js';
import { DomainError } from '../../domain/errors.js';
import { renderAgreementText, type MouDetails } from '../../domain/pap/mou.js';
import { papLifecycle, type PapStatus } from '../../domain/pap/status.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ObjectStore } from '../../providers/s3/interface.js';
import { amountDuePaise } from '../../domain/application/fee.js';
import { agreementKey } from '../../workflows/pap/pap.contract.js';
import { allocateBatch, enrollApplication } from '../admissions/placement.js';
import { lockApplication } from '../admissions/application-view.js';
import { renderAgreementPdf } from './agreement-pdf.js';
import { defaultTemplate } from './templates.js';

/** Row fields a move may set; 'now' is the activity's clock. */
export interface PapMoveData {
  signedDocumentS3Bucket?: string;
  signedDocumentS3Key?: string;
  mouSignedAt?: 'now';
  reviewedById?: string;
  reviewNotes?: string | null;
  reviewedAt?: 'now';
  paymentOption?: 'UPFRONT' | 'PAP';
  paymentOptionChosenAt?: 'now';
  feeAmountPaise?: number | null;
  /** Forget the Leegality document (a rejected MOU is signed again on a new one). */
  clearEsign?: true;
  /** The offer as reported (company, role, CTC, offer letter key, joining date, reporter). */
  placementDetails?: PlacementDetails;
  placementReportedAt?: 'now';
}

export interface PlacementDetails {
  company: string;
  role: string;
  ctcPaise: number;
  offerLetterKey: string;
  joiningDate: string | null;
  reportedById: string;
  /** Set when an admin verifies it (may differ from the reported CTC). */
  verifiedCtcPaise?: number;
}

/** Signed scans: PDF or an image, at most 10 MiB. */
export const SIGNED_MOU_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const SIGNED_MOU_MAX_BYTES = 10 * 1024 * 1024;

export async function movePap(db: Db, papId: string, from: PapStatus, to: PapStatus, data: PapMoveData, now: Date): Promise<void> {
  papLifecycle.assertTransition(from, to);
  const { mouSignedAt, reviewedAt, paymentOptionChosenAt, clearEsign, placementDetails, placementReportedAt, ...rest } = data;
  const moved = await db.mas101PapWorkflow.updateMany({
    // Completed only with nothing left due (the run's view and the table must agree).
    where: { id: papId, status: from, ...(to === 'COMPLETED' ? { instalments: { none: { status: 'DUE' } } } : {}) },
    data: {
      ...rest,
      ...(placementDetails ? { placementDetails: placementDetails as unknown as Prisma.InputJsonObject } : {}),
      ...(placementReportedAt ? { placementReportedAt: now } : {}),
      ...(to === 'COMPLETED' ? { completedAt: now } : {}),
      status: to,
      ...(mouSignedAt ? { mouSignedAt: now } : {}),
      ...(reviewedAt ? { reviewedAt: now } : {}),
      ...(paymentOptionChosenAt ? { paymentOptionChosenAt: now } : {}),
      ...(clearEsign ? { leegalityDocumentId: null, leegalityIrn: null, leegalitySignUrl: null } : {}),
      ...(to === 'ENROLLED' && from !== 'PLACEMENT_UNDER_REVIEW' ? { enrolledAt: now } : {}),
    },
  });
  if (moved.count === 1) return;
  const row = await db.mas101PapWorkflow.findUnique({ where: { id: papId }, select: { status: true } });
  if (row?.status === to) return;
  if (row?.status === from && to === 'COMPLETED') throw new DomainError('ILLEGAL_TRANSITION', 'The PAP agreement still has instalments due');
  throw new DomainError('ILLEGAL_TRANSITION', `The PAP agreement is ${row?.status ?? 'gone'}, not ${from}`);
}

export async function saveMouDetails(db: Db, papId: string, details: MouDetails, now: Date): Promise<void> {
  await db.mas101PapWorkflow.updateMany({ where: { id: papId, status: 'PENDING_MOU_DETAILS' }, data: { mouDetails: details as unknown as Prisma.InputJsonObject, mouDetailsSubmittedAt: now } });
}

const BANDS: Record<string, string> = { UP_TO_3_LPA: 'up to Rs. 3 lakh a year', '3_TO_6_LPA': 'Rs. 3 to 6 lakh a year', '6_TO_10_LPA': 'Rs. 6 to 10 lakh a year', '10_TO_15_LPA': 'Rs. 10 to 15 lakh a year', ABOVE_15_LPA: 'above Rs. 15 lakh a year' };

/** Renders the default template with the saved details into pap/<id>/agreement.pdf; records the template. */
export async function renderAgreement(deps: { db: Db; documents: ObjectStore }, papId: string, now: Date): Promise<{ key: string; templateId: string }> {
  const pap = await deps.db.mas101PapWorkflow.findUnique({ where: { id: papId }, include: { batch: { select: { code: true } }, user: { select: { email: true } } } });
  if (!pap?.mouDetails) throw new DomainError('NOT_FOUND', `PAP agreement ${papId} has no MOU details`);
  const template = pap.agreementTemplateId ? await deps.db.mas101PapAgreementTemplate.findUnique({ where: { id: pap.agreementTemplateId } }) : await defaultTemplate(deps.db);
  if (!template?.bodyHtml) throw new DomainError('UNPROCESSABLE', 'No active PAP agreement template has a body');
  const d = pap.mouDetails as unknown as MouDetails;
  const address = [d.address.line1, d.address.line2, d.address.city, d.address.state, d.address.pin].filter(Boolean).join(', ');
  const papFee = template.papFeePaise ? `Rs. ${(template.papFeePaise / 100).toFixed(2)}` : template.papFeePercent ? `${template.papFeePercent.toString()}% of the first-year CTC` : 'the amount MAS sets out';
  const values: Record<string, string> = {
    date: now.toISOString().slice(0, 10),
    legalName: d.legalName,
    address,
    batchCode: pap.batch?.code ?? 'the batch applied for',
    guardianName: d.guardian ? `${d.guardian.name} (${d.guardian.relation})` : 'not applicable',
    salaryBand: BANDS[d.expectedSalaryBand] ?? d.expectedSalaryBand,
    papFee,
    email: pap.user.email,
  };
  const bytes = await renderAgreementPdf(`${template.name} v${template.version}`, renderAgreementText(template.bodyHtml, values), now);
  const key = agreementKey(papId);
  await deps.documents.putObject(key, bytes, { contentType: 'application/pdf' });
  if (!pap.agreementTemplateId) await deps.db.mas101PapWorkflow.update({ where: { id: papId }, data: { agreementTemplateId: template.id } });
  return { key, templateId: template.id };
}

/** HEAD of an upload (a signed MOU, an offer letter): it must exist, be a PDF or image, and not be empty or too big. */
export async function checkUploadedDocument(documents: ObjectStore, key: string, what = 'A signed MOU'): Promise<{ bucket: string; sizeBytes: number }> {
  const info = await documents.head(key);
  if (!info) throw new DomainError('UNPROCESSABLE', `No file was uploaded under that key (${what.toLowerCase()})`);
  if (!info.contentType || !(SIGNED_MOU_TYPES as readonly string[]).includes(info.contentType)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `${what} must be ${SIGNED_MOU_TYPES.join(', ')}`);
  if (info.sizeBytes <= 0 || info.sizeBytes > SIGNED_MOU_MAX_BYTES) throw new DomainError('UNPROCESSABLE', `${what} must be 1 byte to ${SIGNED_MOU_MAX_BYTES} bytes`);
  return { bucket: documents.bucket, sizeBytes: info.sizeBytes };
}

/** What the student owes under the option: upfront, the application's amount due; PAP, the template's fixed fee (if any). */
export async function paymentOptionFee(db: Db, papId: string, option: 'UPFRONT' | 'PAP'): Promise<{ feeAmountPaise: number | null }> {
  const pap = await db.mas101PapWorkflow.findUniqueOrThrow({ where: { id: papId }, include: { application: { select: { feePaise: true, discountPaise: true } }, agreementTemplate: { select: { papFeePaise: true } } } });
  if (option === 'UPFRONT') return { feeAmountPaise: amountDuePaise(pap.application) };
  return { feeAmountPaise: pap.agreementTemplate?.papFeePaise ?? null };
}

/**
 * Enrols the student: under PAP (or upfront with nothing due) the application is first settled
 * without a payment (APPROVED → PAYMENT_RECEIVED → PAID, nothing paid now); then PAID → BATCH_ALLOCATED (capacity respected)
 * → ENROLLED with the LMS enrollments (services/admissions/placement.ts), and the PAP row → ENROLLED.
 * A retry resumes from wherever the application is.
 */
export async function enrolPap(db: Db, papId: string, actorId: string | null, via: 'upfront' | 'pap', now: Date): Promise<void> {
  const pap = await db.mas101PapWorkflow.findUnique({ where: { id: papId }, select: { status: true, applicationId: true, userId: true, batchId: true } });
  if (!pap) throw new DomainError('NOT_FOUND', `No PAP agreement ${papId}`);
  if (pap.status === 'ENROLLED') return;
  const from: PapStatus = via === 'pap' ? 'PENDING_PAP_APPROVAL' : 'PENDING_UPFRONT_PAYMENT';
  if (pap.status !== from) throw new DomainError('ILLEGAL_TRANSITION', `The PAP agreement is ${pap.status}, not ${from}`);
  const performer = actorId ?? pap.userId;
  // Under PAP the fee is deferred; upfront with nothing due (a full discount) there is nothing to
  // pay. Either way the application is settled without a payment.
  {
    await db.$transaction(async (tx) => {
      const app = await lockApplication(tx, pap.applicationId);
      if (app?.status !== 'APPROVED') return;
      if (via === 'upfront' && amountDuePaise(app) > 0) return;
      applicationLifecycle.assertTransition('APPROVED', 'PAYMENT_RECEIVED');
      applicationLifecycle.assertTransition('PAYMENT_RECEIVED', 'PAID');
      await tx.application.update({ where: { id: pap.applicationId }, data: { status: 'PAID', amountPaidPaise: 0, paidAt: now } });
    });
  }
  let app = await db.application.findUniqueOrThrow({ where: { id: pap.applicationId }, select: { status: true } });
  if (app.status === 'PAID') {
    // A deleted batch (batchId SET NULL) cannot take the student: refused, the run waits for an admin.
    if (!pap.batchId) throw new DomainError('UNPROCESSABLE', 'The batch of this PAP agreement no longer exists');
    await allocateBatch({ db }, performer, pap.applicationId, pap.batchId);
    app = { status: 'BATCH_ALLOCATED' };
  }
  if (app.status === 'BATCH_ALLOCATED') await enrollApplication({ db }, performer, pap.applicationId);
  else if (app.status !== 'ENROLLED') throw new DomainError('ILLEGAL_TRANSITION', `The application is ${app.status}; it cannot be enrolled`);
  await movePap(db, papId, from, 'ENROLLED', {}, now);
}
