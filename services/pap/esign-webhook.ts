// Receiving Leegality's webhook: the MAC (HMAC-SHA1 of the document id with the private salt)
// checked before anything is read or written, one webhook_events row per (document, type,
// status) so a retry or duplicate is acknowledged without work, and the outcome signalled to
// pap/<id>: Success + Completed → papEsignCompleted, Error → papEsignFailed. The run decides
// what a signal means (a stale document or a late signal changes nothing there).
import { DomainError } from '../../domain/errors.js';
import type { PapStatus } from '../../domain/pap/status.js';
import { verifyLeegalityWebhook, type LeegalityWebhookEvent } from '../../providers/leegality/webhooks.js';
import { papEsignCompletedSignal, papEsignFailedSignal } from '../../workflows/pap/pap.contract.js';
import type { ServiceDeps } from '../deps.js';
import { signalPap } from './pap.starter.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

export type LeegalityAck = 'processed' | 'duplicate' | 'ignored';

/** The dedupe key of a delivery: Leegality sends no event id, so its document, type and status. */
export const leegalityEventKey = (e: LeegalityWebhookEvent) => `${e.documentId}:${e.webhookType}:${e.documentStatus}`;

type Deps = Pick<ServiceDeps, 'db' | 'temporal' | 'logger' | 'config' | 'leegality'>;

export async function receiveLeegalityWebhook(deps: Deps, raw: string): Promise<LeegalityAck> {
  const verified = verifyLeegalityWebhook(raw, deps.config.leegality.privateSalt);
  if (!verified.ok && verified.reason === 'bad_mac') throw new DomainError('INVALID_SIGNATURE', 'The webhook MAC does not match the document id');
  if (!verified.ok) throw new DomainError('BAD_REQUEST', `Not a Leegality webhook: ${verified.detail}`);
  const { event } = verified;
  const pap = await deps.db.mas101PapWorkflow.findUnique({
    where: { leegalityDocumentId: event.documentId },
    select: { id: true, applicationId: true, userId: true, batchId: true, status: true, batch: { select: { code: true } } },
  });
  if (!pap) {
    // Not ours (or a document since replaced): 2xx, so Leegality stops retrying.
    deps.logger.info({ documentId: event.documentId, webhookType: event.webhookType }, 'leegality webhook for an unknown document acknowledged without work');
    return 'ignored';
  }
  const completed = event.webhookType === 'Success' && event.documentStatus === 'Completed';
  const failed = event.webhookType === 'Error';
  // Outside the transaction: never hold one across a provider call.
  const reason = failed ? await failureReason(deps, event) : null;
  const row = { id: pap.id, applicationId: pap.applicationId, userId: pap.userId, batchId: pap.batchId, status: pap.status as PapStatus, batchCode: pap.batch?.code ?? null };
  try {
    // The row and the signal commit together: if Temporal is unreachable the row rolls back and
    // Leegality's retry is processed; a concurrent copy waits on the unique key, then is a duplicate.
    return await deps.db.$transaction(async (tx): Promise<LeegalityAck> => {
      await tx.webhookEvent.create({ data: { provider: 'leegality', eventId: leegalityEventKey(event), eventType: `${event.webhookType}:${event.documentStatus}`, subjectId: pap.id } });
      if (completed) await signalPap(deps, row, papEsignCompletedSignal, { documentId: event.documentId });
      else if (failed) await signalPap(deps, row, papEsignFailedSignal, { documentId: event.documentId, reason: reason! });
      else return 'ignored';
      return 'processed';
    });
  } catch (err) {
    if (isUniqueViolation(err)) return 'duplicate';
    throw err;
  }
}

/** What went wrong, from the document's invitations when Leegality answers (the webhook says only "Error"). */
async function failureReason(deps: Pick<Deps, 'leegality' | 'logger'>, event: LeegalityWebhookEvent): Promise<string> {
  try {
    const doc = await deps.leegality.documentDetails(event.documentId);
    if (doc.invitations.some((i) => i.rejected)) return 'the signer declined to sign the agreement on Leegality';
    if (doc.invitations.some((i) => i.expired)) return 'the Leegality signing link expired';
  } catch (err) {
    deps.logger.warn({ err: String(err), documentId: event.documentId }, 'leegality document details unavailable for an Error webhook');
  }
  return `Leegality reported an error for the signing (document ${event.documentStatus})`;
}
