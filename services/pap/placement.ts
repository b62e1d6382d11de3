// After enrolment: the placement (the offer letter through a presigned PUT, then the report with
// the CTC, by the student or staff), the admin's verification (which writes the collection plan)
// and the write-off. Each step is the run's validated Update; a student acts only on their own
// agreement (404 otherwise).
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { offerLetterPrefix, reportPlacementUpdate, verifyPlacementUpdate, writeOffUpdate, type PlacementArgs, type VerifyPlacementArgs } from '../../workflows/pap/pap.contract.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { SIGNED_MOU_MAX_BYTES, type PlacementDetails } from './pap-steps.js';
import { runRow, staffPap, viewAfter, visiblePap } from './pap.js';
import { sendPapStep } from './pap.starter.js';

type Deps = Pick<ServiceDeps, 'db' | 'temporal' | 'config' | 'logger'>;

const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** Where the student (or staff for them) uploads the offer letter; allowed while ENROLLED. */
export async function offerLetterUploadUrl(deps: Pick<ServiceDeps, 'db' | 'documents'>, actor: AuthContext, id: string, body: { contentType: string; sizeBytes: number }) {
  const row = await visiblePap(deps, actor, id);
  if (row.status !== 'ENROLLED') throw new DomainError('ILLEGAL_TRANSITION', `An offer letter is uploaded while ENROLLED; this agreement is ${row.status}`);
  if (body.sizeBytes > SIGNED_MOU_MAX_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `An offer letter is at most ${SIGNED_MOU_MAX_BYTES} bytes`);
  const key = `${offerLetterPrefix(id)}${randomUUID()}.${EXT[body.contentType] ?? 'bin'}`;
  const upload = await deps.documents.presignPut(key, { contentType: body.contentType, contentLength: body.sizeBytes, expiresInSeconds: 900 });
  return { key, upload: { url: upload.url, method: upload.method, headers: upload.headers, expiresAt: upload.expiresAt.toISOString() } };
}

/** The placement, reported by the agreement's student or by staff → PLACEMENT_UNDER_REVIEW. */
export async function reportPlacement(deps: Deps, actor: AuthContext, id: string, body: Omit<PlacementArgs, 'actorId'>) {
  const row = await visiblePap(deps, actor, id);
  const live = await sendPapStep(deps, runRow(row), reportPlacementUpdate, { ...body, actorId: actor.userId });
  return viewAfter(deps, actor, id, live);
}

/** The admin's verification: approve (the plan is written → PAYMENT_COLLECTION_PENDING, or COMPLETED with nothing owed) or reject back to ENROLLED. */
export async function verifyPlacement(deps: Deps, actor: AuthContext, id: string, body: Omit<VerifyPlacementArgs, 'actorId'>) {
  const row = await staffPap(deps, id);
  if (body.firstDueAt && Date.parse(body.firstDueAt) < Date.now() - 60_000) {
    throw new DomainError('BAD_REQUEST', 'The first instalment cannot fall due in the past', [{ path: 'json.firstDueAt', message: 'Must be in the future' }]);
  }
  const live = await sendPapStep(deps, runRow(row), verifyPlacementUpdate, { ...body, actorId: actor.userId });
  return viewAfter(deps, actor, id, live);
}

export async function writeOffPapAgreement(deps: Deps, actor: AuthContext, id: string, reason: string) {
  const row = await staffPap(deps, id);
  const live = await sendPapStep(deps, runRow(row), writeOffUpdate, { reason, actorId: actor.userId });
  return viewAfter(deps, actor, id, live);
}

/** The offer letter (its student or staff), as a presigned download. */
export async function offerLetterDownload(deps: Pick<ServiceDeps, 'db' | 'documents'>, actor: AuthContext, id: string) {
  const row = await visiblePap(deps, actor, id);
  const placement = row.placementDetails as unknown as PlacementDetails | null;
  if (!placement) throw new DomainError('NOT_FOUND', 'No placement reported yet');
  const d = await deps.documents.presignGet(placement.offerLetterKey, { expiresInSeconds: 300, downloadName: `offer-letter-${id}.${placement.offerLetterKey.split('.').pop() ?? 'pdf'}` });
  return { url: d.url, expiresAt: d.expiresAt.toISOString() };
}
