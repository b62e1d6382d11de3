// The PAP agreement's use cases for the api: start (row first, then the run), read (the row plus
// the run's live step), staff lists, and each human step sent as the run's validated Update.
// A student sees and acts on only their own agreements (404 otherwise); staff review and approve.
import { randomUUID } from 'node:crypto';
import { isStaffRole } from './pap-access.js';
import { DomainError } from '../../domain/errors.js';
import { workflowIds } from '../../domain/ids.js';
import { mouDetailsProblem, type MouDetails } from '../../domain/pap/mou.js';
import type { PapStatus } from '../../domain/pap/status.js';
import type { Prisma } from '../../prisma/generated/client.js';
import {
  agreementKey,
  approvePapUpdate,
  choosePaymentOptionUpdate,
  resendEsignUpdate,
  retryEnrolmentUpdate,
  esignAuditTrailKey,
  reviewMouUpdate,
  signedMouPrefix,
  submitMouDetailsUpdate,
  submitSignedMouUpdate,
  type PapInput,
  type ReviewArgs,
} from '../../workflows/pap/pap.contract.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { SIGNED_MOU_MAX_BYTES, type PlacementDetails } from './pap-steps.js';
import { papLiveState, sendPapStep, startPapRun, type PapRunRow } from './pap.starter.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db' | 'temporal' | 'config' | 'logger'>;

export const papSelect = {
  id: true,
  applicationId: true,
  userId: true,
  batchId: true,
  agreementTemplateId: true,
  status: true,
  paymentOption: true,
  mouDetails: true,
  mouDetailsSubmittedAt: true,
  mouSignedAt: true,
  signedDocumentS3Key: true,
  leegalityDocumentId: true,
  leegalitySignUrl: true,
  reviewedById: true,
  reviewNotes: true,
  reviewedAt: true,
  feeAmountPaise: true,
  currency: true,
  paymentOptionChosenAt: true,
  enrolledAt: true,
  placementDetails: true,
  placementReportedAt: true,
  placementVerifiedAt: true,
  collectionAmountPaise: true,
  completedAt: true,
  writtenOffAt: true,
  writeOffReason: true,
  instalments: { orderBy: { seq: 'asc' }, select: { id: true, seq: true, amountPaise: true, dueAt: true, status: true, paidAt: true, globalPaymentId: true } },
  temporalWorkflowId: true,
  createdAt: true,
  updatedAt: true,
  batch: { select: { code: true } },
} as const satisfies Prisma.Mas101PapWorkflowSelect;
type PapRow = Prisma.Mas101PapWorkflowGetPayload<{ select: typeof papSelect }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function placementOf(r: PapRow) {
  const p = r.placementDetails as unknown as PlacementDetails | null;
  if (!p) return null;
  return {
    company: p.company,
    role: p.role,
    ctcPaise: p.ctcPaise,
    verifiedCtcPaise: p.verifiedCtcPaise ?? null,
    joiningDate: p.joiningDate,
    reportedById: p.reportedById,
    reportedAt: iso(r.placementReportedAt),
    verifiedAt: iso(r.placementVerifiedAt),
  };
}

function collectionOf(r: PapRow) {
  if (r.collectionAmountPaise === null) return null;
  return {
    amountPaise: r.collectionAmountPaise,
    paidPaise: r.instalments.filter((i) => i.status === 'PAID').reduce((sum, i) => sum + i.amountPaise, 0),
    instalments: r.instalments.map((i) => ({ id: i.id, seq: i.seq, amountPaise: i.amountPaise, dueAt: i.dueAt.toISOString(), status: i.status, paidAt: iso(i.paidAt), globalPaymentId: i.globalPaymentId })),
  };
}

/** `viewerId`: the signing link is shown to the agreement's student only, while the signature is awaited. */
export function toPapView(r: PapRow, viewerId?: string) {
  return {
    id: r.id,
    applicationId: r.applicationId,
    userId: r.userId,
    batchId: r.batchId,
    batchCode: r.batch?.code ?? null,
    agreementTemplateId: r.agreementTemplateId,
    status: r.status as PapStatus,
    paymentOption: r.paymentOption,
    mouDetails: (r.mouDetails ?? null) as MouDetails | null,
    mouDetailsSubmittedAt: iso(r.mouDetailsSubmittedAt),
    mouSignedAt: iso(r.mouSignedAt),
    signedMouUploaded: r.signedDocumentS3Key !== null,
    esignDocumentId: r.leegalityDocumentId,
    signUrl: viewerId === r.userId && r.status === 'PENDING_MOU_UPLOAD' ? r.leegalitySignUrl : null,
    reviewedById: r.reviewedById,
    reviewNotes: r.reviewNotes,
    reviewedAt: iso(r.reviewedAt),
    feeAmountPaise: r.feeAmountPaise,
    currency: r.currency,
    paymentOptionChosenAt: iso(r.paymentOptionChosenAt),
    enrolledAt: iso(r.enrolledAt),
    placement: placementOf(r),
    collection: collectionOf(r),
    completedAt: iso(r.completedAt),
    writtenOffAt: iso(r.writtenOffAt),
    writeOffReason: r.writeOffReason,
    workflowId: r.temporalWorkflowId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export const runRow = (r: PapRow): PapRunRow => ({ id: r.id, applicationId: r.applicationId, userId: r.userId, batchId: r.batchId, status: r.status as PapStatus, batchCode: r.batch?.code ?? null });

/** The agreement, when the actor may see it: its student, or staff. Anyone else: 404. */
export async function visiblePap(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string): Promise<PapRow> {
  const row = await deps.db.mas101PapWorkflow.findUnique({ where: { id }, select: papSelect });
  if (!row || (row.userId !== actor.userId && !isStaffRole(actor.role))) throw new DomainError('NOT_FOUND', 'No such PAP agreement');
  return row;
}

/** Only the student themself takes the student steps. */
async function ownPap(deps: Pick<ServiceDeps, 'db'>, actor: AuthContext, id: string): Promise<PapRow> {
  const row = await deps.db.mas101PapWorkflow.findUnique({ where: { id }, select: papSelect });
  if (!row || row.userId !== actor.userId) throw new DomainError('NOT_FOUND', 'No such PAP agreement of yours');
  return row;
}

export async function staffPap(deps: Pick<ServiceDeps, 'db'>, id: string): Promise<PapRow> {
  const row = await deps.db.mas101PapWorkflow.findUnique({ where: { id }, select: papSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such PAP agreement');
  return row;
}

/** The row after a step, with the run's live state. */
export async function viewAfter(deps: Deps, actor: AuthContext, id: string, live: Awaited<ReturnType<typeof papLiveState>>) {
  const row = await deps.db.mas101PapWorkflow.findUniqueOrThrow({ where: { id }, select: papSelect });
  return { ...toPapView(row, actor.userId), live };
}

export async function startPap(deps: Deps, actor: AuthContext, applicationId: string, opts: Pick<PapInput, 'reminderOffsetsMs' | 'collectionReminderOffsetsMs'> = {}) {
  const app = await deps.db.application.findUnique({ where: { id: applicationId }, select: { id: true, userId: true, status: true, batchId: true } });
  if (!app || app.userId !== actor.userId) throw new DomainError('NOT_FOUND', 'No such application of yours');
  if (app.status !== 'APPROVED') throw new DomainError('ILLEGAL_TRANSITION', `A ${app.status} application cannot start a PAP agreement; it must be APPROVED`);
  const id = randomUUID();
  let row: PapRow;
  try {
    row = await deps.db.mas101PapWorkflow.create({
      data: { id, applicationId: app.id, userId: app.userId, batchId: app.batchId, status: 'PENDING_MOU_DETAILS', temporalWorkflowId: workflowIds.pap(id) },
      select: papSelect,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'This application already has a PAP agreement');
    throw err;
  }
  try {
    await startPapRun(deps, runRow(row), opts);
  } catch (err) {
    // The row stands; the first step starts the run (sendPapStep heals a missing run).
    deps.logger.warn({ err: String(err), papId: id }, 'PAP run not started; the first step will start it');
  }
  return { ...toPapView(row, actor.userId), live: null };
}

export async function getPap(deps: Deps, actor: AuthContext, id: string) {
  const row = await visiblePap(deps, actor, id);
  return { ...toPapView(row, actor.userId), live: await papLiveState(deps.temporal, id) };
}

export function listPaps(
  deps: Pick<ServiceDeps, 'db'>,
  filters: { status?: PapStatus | undefined; batchId?: string | undefined; userId?: string | undefined },
  page: { where: Prisma.Mas101PapWorkflowWhereInput; orderBy: Prisma.Mas101PapWorkflowOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.Mas101PapWorkflowWhereInput[] = [page.where];
  if (filters.status) where.push({ status: filters.status });
  if (filters.batchId) where.push({ batchId: filters.batchId });
  if (filters.userId) where.push({ userId: filters.userId });
  return deps.db.mas101PapWorkflow.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: papSelect });
}

export async function submitMouDetails(deps: Deps, actor: AuthContext, id: string, details: MouDetails) {
  const row = await ownPap(deps, actor, id);
  const problem = mouDetailsProblem(details, new Date());
  if (problem) throw new DomainError('VALIDATION_FAILED', problem.message, [problem]);
  const live = await sendPapStep(deps, runRow(row), submitMouDetailsUpdate, { details, actorId: actor.userId });
  return viewAfter(deps, actor, id, live);
}

/** The rendered agreement (after the MOU details), as a presigned download. */
export async function agreementDownload(deps: Pick<ServiceDeps, 'db' | 'documents'>, actor: AuthContext, id: string) {
  const row = await visiblePap(deps, actor, id);
  if (!row.mouDetailsSubmittedAt) throw new DomainError('CONFLICT', 'The agreement is generated once the MOU details are in');
  const key = agreementKey(id);
  if (!(await deps.documents.head(key))) throw new DomainError('CONFLICT', 'The agreement is not generated yet; try again shortly');
  const d = await deps.documents.presignGet(key, { expiresInSeconds: 300, downloadName: `pap-agreement-${id}.pdf` });
  return { url: d.url, expiresAt: d.expiresAt.toISOString() };
}

export async function signedMouUploadUrl(deps: Pick<ServiceDeps, 'db' | 'documents'>, actor: AuthContext, id: string, body: { contentType: string; sizeBytes: number }) {
  const row = await ownPap(deps, actor, id);
  if (row.status !== 'PENDING_MOU_UPLOAD') throw new DomainError('ILLEGAL_TRANSITION', `A signed MOU is uploaded while PENDING_MOU_UPLOAD; this agreement is ${row.status}`);
  if (body.sizeBytes > SIGNED_MOU_MAX_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `A signed MOU is at most ${SIGNED_MOU_MAX_BYTES} bytes`);
  const ext = body.contentType === 'application/pdf' ? 'pdf' : body.contentType === 'image/png' ? 'png' : 'jpg';
  const key = `${signedMouPrefix(id)}${randomUUID()}.${ext}`;
  const upload = await deps.documents.presignPut(key, { contentType: body.contentType, contentLength: body.sizeBytes, expiresInSeconds: 900 });
  return { key, upload: { url: upload.url, method: upload.method, headers: upload.headers, expiresAt: upload.expiresAt.toISOString() } };
}

export async function submitSignedMou(deps: Deps, actor: AuthContext, id: string, key: string) {
  const row = await ownPap(deps, actor, id);
  // The manual path; the eSign path is Leegality's webhook signalling the run (services/pap/esign-webhook.ts).
  const live = await sendPapStep(deps, runRow(row), submitSignedMouUpdate, { key, actorId: actor.userId });
  return viewAfter(deps, actor, id, live);
}

export async function signedMouDownload(deps: Pick<ServiceDeps, 'db' | 'documents'>, actor: AuthContext, id: string) {
  const row = await visiblePap(deps, actor, id);
  if (!row.signedDocumentS3Key) throw new DomainError('NOT_FOUND', 'No signed MOU yet');
  const d = await deps.documents.presignGet(row.signedDocumentS3Key, { expiresInSeconds: 300 });
  return { url: d.url, expiresAt: d.expiresAt.toISOString() };
}

export async function reviewMou(deps: Deps, actor: AuthContext, id: string, body: Omit<ReviewArgs, 'actorId'>) {
  const row = await staffPap(deps, id);
  const live = await sendPapStep(deps, runRow(row), reviewMouUpdate, { ...body, actorId: actor.userId });
  return viewAfter(deps, actor, id, live);
}

export async function choosePaymentOption(deps: Deps, actor: AuthContext, id: string, option: 'UPFRONT' | 'PAP') {
  const row = await ownPap(deps, actor, id);
  const live = await sendPapStep(deps, runRow(row), choosePaymentOptionUpdate, { option, actorId: actor.userId });
  return viewAfter(deps, actor, id, live);
}

export async function approvePap(deps: Deps, actor: AuthContext, id: string) {
  const row = await staffPap(deps, id);
  const live = await sendPapStep(deps, runRow(row), approvePapUpdate, { actorId: actor.userId });
  return viewAfter(deps, actor, id, live);
}

export async function retryPapEnrolment(deps: Deps, actor: AuthContext, id: string) {
  const row = await staffPap(deps, id);
  const live = await sendPapStep(deps, runRow(row), retryEnrolmentUpdate, { actorId: actor.userId });
  return viewAfter(deps, actor, id, live);
}

export { ownPap };

/** The student asks for a new eSign link (the last signing failed or the request could not be made). */
export async function resendEsign(deps: Deps, actor: AuthContext, id: string) {
  const row = await ownPap(deps, actor, id);
  const live = await sendPapStep(deps, runRow(row), resendEsignUpdate, { actorId: actor.userId });
  return viewAfter(deps, actor, id, live);
}

/** The Leegality audit trail of an eSigned MOU (staff), as a presigned download. */
export async function auditTrailDownload(deps: Pick<ServiceDeps, 'db' | 'documents'>, id: string) {
  const row = await staffPap(deps, id);
  const esigned = row.signedDocumentS3Key?.match(/^pap\/[^/]+\/esign\/(.+)\/signed\.pdf$/);
  if (!esigned) throw new DomainError('NOT_FOUND', 'This agreement was not signed through eSign');
  const key = esignAuditTrailKey(id, esigned[1]!);
  if (!(await deps.documents.head(key))) throw new DomainError('NOT_FOUND', 'No audit trail stored for this agreement');
  const d = await deps.documents.presignGet(key, { expiresInSeconds: 300, downloadName: `pap-audit-trail-${id}.pdf` });
  return { url: d.url, expiresAt: d.expiresAt.toISOString() };
}
