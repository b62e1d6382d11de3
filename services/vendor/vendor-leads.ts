// Seed Journey 7: a vendor lead promoted into the CRM. One transaction writes the vendor_leads
// row (unique per key and idempotency key), the raw lead (created, or merged into the lead that
// holds the phone or email), today's usage counters and the key's last use. A retry with the
// same idempotency key finds the first vendor lead and answers exactly as the first call did.
import { canonicalJson } from '../../domain/crm/idempotency.js';
import { defaultSessionYear } from '../../domain/crm/lead-merge.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { CAPTURE_TX_OPTIONS, captureLeadInTx, retryOnConflict, type Tx } from '../crm/lead-capture.js';
import type { normalizeContact } from '../crm/lead-input.js';
import { DomainError } from '../../domain/errors.js';
import type { VendorKeyContext } from './vendor-key.js';
import { emitLeadEvents, type TriggerDeps } from '../crm-engine/triggers.js';

export interface UsageCounts {
  success?: number;
  error?: number;
  rateLimited?: number;
  leads?: number;
  duplicates?: number;
}

/** Upserts today's (UTC) counters for the key and stamps its last use; one request per call. */
export async function recordKeyUsage(db: Db | Tx, keyId: string, n: UsageCounts, ip: string | null, now: Date) {
  const day = now.toISOString().slice(0, 10);
  await db.$executeRaw`
    INSERT INTO "mas_crm"."vendor_api_key_access_summaries" AS s
      ("vendor_api_key_id", "day", "request_count", "success_count", "error_count", "rate_limited_count",
       "leads_received_count", "duplicate_count", "first_request_at", "last_request_at", "last_ip", "updated_at")
    VALUES (${keyId}::uuid, ${day}::date, 1, ${n.success ?? 0}::int, ${n.error ?? 0}::int, ${n.rateLimited ?? 0}::int,
            ${n.leads ?? 0}::int, ${n.duplicates ?? 0}::int, ${now}, ${now}, ${ip}, ${now})
    ON CONFLICT ("vendor_api_key_id", "day") DO UPDATE SET
      "request_count"        = s."request_count" + 1,
      "success_count"        = s."success_count" + EXCLUDED."success_count",
      "error_count"          = s."error_count" + EXCLUDED."error_count",
      "rate_limited_count"   = s."rate_limited_count" + EXCLUDED."rate_limited_count",
      "leads_received_count" = s."leads_received_count" + EXCLUDED."leads_received_count",
      "duplicate_count"      = s."duplicate_count" + EXCLUDED."duplicate_count",
      "last_request_at"      = EXCLUDED."last_request_at",
      "last_ip"              = EXCLUDED."last_ip",
      "updated_at"           = EXCLUDED."updated_at"`;
  await db.vendorApiKey.update({ where: { id: keyId }, data: { lastUsedAt: now, lastUsedIp: ip } });
}

export interface VendorLeadAnswer {
  vendorLeadId: string;
  rawLeadId: string | null;
  duplicate: boolean;
}

export interface VendorIngest {
  key: VendorKeyContext;
  idempotencyKey: string;
  /** The body as received, stored verbatim and compared on replays. */
  payload: unknown;
  contact: ReturnType<typeof normalizeContact>;
  sessionYear: string | undefined;
  externalLeadId: string | undefined;
  ip: string | null;
  now: Date;
}

async function promote(tx: Tx, input: VendorIngest): Promise<VendorLeadAnswer> {
  const { key, contact, now } = input;
  const vendorLead = await tx.vendorLead.create({
    data: {
      vendorApiKeyId: key.id,
      idempotencyKey: input.idempotencyKey,
      externalLeadId: input.externalLeadId ?? null,
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      city: contact.fields.city,
      rawPayload: input.payload as Prisma.InputJsonValue,
      requestIp: input.ip,
    },
    select: { id: true },
  });
  const { lead, merged } = await captureLeadInTx(tx, {
    platform: key.platform,
    name: contact.name,
    phone: contact.phone,
    email: contact.email,
    sessionYear: input.sessionYear ?? key.defaultSessionYear ?? defaultSessionYear(now),
    sourceType: 'vendor',
    fields: { ...contact.fields, sourceDetail: contact.fields.sourceDetail ?? key.vendorName, owningSalesHeadId: key.defaultSalesHeadId },
    extraData: contact.extraData,
    vendorLeadId: vendorLead.id,
    performedBy: null,
  });
  await tx.vendorLead.update({ where: { id: vendorLead.id }, data: { status: merged ? 'DUPLICATE' : 'PROMOTED', promotedRawLeadId: lead.id, promotedAt: now } });
  await recordKeyUsage(tx, key.id, { success: 1, leads: 1, duplicates: merged ? 1 : 0 }, input.ip, now);
  return { vendorLeadId: vendorLead.id, rawLeadId: lead.id, duplicate: merged };
}

/**
 * Ingests one vendor lead, exactly once per (key, idempotency key). Concurrent retries block on
 * the unique index until the first commits, then lose with a unique violation and replay.
 */
export async function ingestVendorLead(db: Db, input: VendorIngest): Promise<{ answer: VendorLeadAnswer; replayed: boolean }> {
  return retryOnConflict(async () => {
    const prior = await db.vendorLead.findUnique({
      where: { vendorApiKeyId_idempotencyKey: { vendorApiKeyId: input.key.id, idempotencyKey: input.idempotencyKey } },
      select: { id: true, status: true, promotedRawLeadId: true, rawPayload: true },
    });
    if (prior) {
      if (canonicalJson(prior.rawPayload) !== canonicalJson(input.payload)) {
        await recordKeyUsage(db, input.key.id, { error: 1 }, input.ip, input.now);
        throw new DomainError('CONFLICT', 'This Idempotency-Key was already used with a different body');
      }
      await recordKeyUsage(db, input.key.id, { success: 1 }, input.ip, input.now);
      return { answer: { vendorLeadId: prior.id, rawLeadId: prior.promotedRawLeadId, duplicate: prior.status === 'DUPLICATE' }, replayed: true };
    }
    const answer = await db.$transaction((tx) => promote(tx, input), CAPTURE_TX_OPTIONS);
    return { answer, replayed: false };
  });
}

/** The vendor route's use case: ingest, then (first acceptance of a new lead only) fire LEAD_CREATED triggers. */
export async function acceptVendorLead(deps: TriggerDeps, input: VendorIngest) {
  const result = await ingestVendorLead(deps.db, input);
  if (!result.replayed && !result.answer.duplicate && result.answer.rawLeadId) {
    await emitLeadEvents(deps, [{ type: 'LEAD_CREATED', leadId: result.answer.rawLeadId, platform: input.key.platform, sourceType: 'vendor' }]);
  }
  return result;
}
