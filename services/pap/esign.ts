// eSign of the PAP agreement through Leegality: the sign request made once per agreement (a
// retried activity finds the stored document and makes no second one), and the signed PDF and
// audit trail copied into the documents bucket under keys derived from the PAP and document ids
// (a retry overwrites the same objects). The webhook side is services/pap/esign-webhook.ts.
import { DomainError } from '../../domain/errors.js';
import type { MouDetails } from '../../domain/pap/mou.js';
import type { Db } from '../../infra/prisma.js';
import type { LeegalityProvider } from '../../providers/leegality/interface.js';
import type { ObjectStore } from '../../providers/s3/interface.js';
import { agreementKey, esignAuditTrailKey, esignSignedKey } from '../../workflows/pap/pap.contract.js';

export interface EsignDeps {
  db: Db;
  documents: ObjectStore;
  leegality: LeegalityProvider;
  leegalityProfileId: string;
}

/** Ten digits as Leegality takes an Indian mobile (+91 and spacing dropped); '' when not one. */
export function leegalityPhone(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  const ten = digits.length === 12 && digits.startsWith('91') ? digits.slice(2) : digits.length === 11 && digits.startsWith('0') ? digits.slice(1) : digits;
  return /^[6-9]\d{9}$/.test(ten) ? ten : '';
}

/** The agreement's sign request: the stored one, or a new one for the rendered PDF (stored only where none is). */
export async function createEsignRequest(deps: EsignDeps, papId: string): Promise<{ documentId: string; signUrl: string | null }> {
  const pap = await deps.db.mas101PapWorkflow.findUnique({
    where: { id: papId },
    select: { leegalityDocumentId: true, leegalitySignUrl: true, mouDetails: true, user: { select: { email: true, name: true, phone: true } }, application: { select: { phone: true } } },
  });
  if (!pap) throw new DomainError('NOT_FOUND', `No PAP agreement ${papId}`);
  if (pap.leegalityDocumentId) return { documentId: pap.leegalityDocumentId, signUrl: pap.leegalitySignUrl };
  const pdf = await deps.documents.getObject(agreementKey(papId));
  if (!pdf) throw new DomainError('UNPROCESSABLE', `The agreement of PAP ${papId} is not rendered`);
  const details = pap.mouDetails as unknown as MouDetails | null;
  const request = await deps.leegality.createSignRequest({
    profileId: deps.leegalityProfileId,
    fileName: `pap-agreement-${papId}.pdf`,
    pdf: pdf.body,
    invitee: { name: details?.legalName ?? pap.user.name, email: pap.user.email, phone: leegalityPhone(pap.application.phone ?? pap.user.phone) },
    irn: papId,
  });
  const stored = await deps.db.mas101PapWorkflow.updateMany({
    where: { id: papId, leegalityDocumentId: null },
    data: { leegalityDocumentId: request.documentId, leegalityIrn: papId, leegalitySignUrl: request.signUrl },
  });
  if (stored.count === 1) return request;
  // Another attempt stored its document first: that one stands.
  const row = await deps.db.mas101PapWorkflow.findUniqueOrThrow({ where: { id: papId }, select: { leegalityDocumentId: true, leegalitySignUrl: true } });
  return { documentId: row.leegalityDocumentId ?? request.documentId, signUrl: row.leegalitySignUrl };
}

/** Forgets the agreement's document (a failed or declined signing) so a new request can be made. */
export async function clearEsignRequest(db: Db, papId: string, documentId: string | null): Promise<void> {
  await db.mas101PapWorkflow.updateMany({
    where: { id: papId, status: 'PENDING_MOU_UPLOAD', ...(documentId ? { leegalityDocumentId: documentId } : {}) },
    data: { leegalityDocumentId: null, leegalityIrn: null, leegalitySignUrl: null },
  });
}

/** Copies the completed document's signed PDF and audit trail into the bucket; refused for a document not the agreement's. */
export async function storeEsignedMou(deps: Omit<EsignDeps, 'leegalityProfileId'>, papId: string, documentId: string): Promise<{ bucket: string; key: string; auditTrailKey: string }> {
  const pap = await deps.db.mas101PapWorkflow.findUnique({ where: { id: papId }, select: { leegalityDocumentId: true } });
  if (!pap) throw new DomainError('NOT_FOUND', `No PAP agreement ${papId}`);
  if (pap.leegalityDocumentId !== documentId) throw new DomainError('CONFLICT', `Document ${documentId} is not the current eSign document of PAP ${papId}`);
  const signed = await deps.leegality.fetchDocument(documentId, 'DOCUMENT');
  const audit = await deps.leegality.fetchDocument(documentId, 'AUDIT_TRAIL');
  const key = esignSignedKey(papId, documentId);
  const auditTrailKey = esignAuditTrailKey(papId, documentId);
  await deps.documents.putObject(key, signed, { contentType: 'application/pdf' });
  await deps.documents.putObject(auditTrailKey, audit, { contentType: 'application/pdf' });
  // The link is used up; the document id stays (the webhook's and the audit trail's reference).
  await deps.db.mas101PapWorkflow.updateMany({ where: { id: papId, leegalityDocumentId: documentId }, data: { leegalitySignUrl: null } });
  return { bucket: deps.documents.bucket, key, auditTrailKey };
}
