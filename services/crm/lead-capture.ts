// Lead capture (seed Journeys 5 and 7): create the raw lead, or merge into the lead that already
// holds the phone or email on that platform, with its activity row in the same transaction.
// Race-free: the unique keys raw_leads(platform, phone|email) decide. Matching rows are locked
// (FOR UPDATE) before they are read, and an insert that loses a race retries as a merge.
import { planMerge, type ExtraData, type MergeableField } from '../../domain/crm/lead-merge.js';
import type { Db } from '../../infra/prisma.js';
import { recordLeadEvents } from '../crm-engine/triggers.js';
import { Prisma, type RawLead, type RawLeadSourceType } from '../../prisma/generated/client.js';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Generous: captures of one person queue behind each other's row locks. */
export const CAPTURE_TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

export interface LeadCapture {
  platform: string;
  name: string;
  /** E.164, already normalised. */
  phone: string | null;
  /** Lower-cased, already normalised. */
  email: string | null;
  sessionYear: string;
  sourceType: RawLeadSourceType;
  fields: {
    alternatePhone?: string | null;
    city?: string | null;
    state?: string | null;
    college?: string | null;
    qualification?: string | null;
    graduationYear?: number | null;
    sourceDetail?: string | null;
    utmSource?: string | null;
    utmMedium?: string | null;
    utmCampaign?: string | null;
    batchId?: string | null;
    webinarId?: string | null;
    owningSalesHeadId?: string | null;
  };
  extraData?: ExtraData | undefined;
  /** The vendor lead this capture came from; stamped on a lead it creates (its origin). */
  vendorLeadId?: string;
  /** The staff user capturing, or null for the vendor API. */
  performedBy: string | null;
}

export interface CaptureResult {
  lead: RawLead;
  merged: boolean;
}

const RETRYABLE = new Set(['P2002', 'P2034']);

/** A unique violation (a concurrent insert won) or a write conflict: safe to run again. */
export function isRetryableConflict(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && RETRYABLE.has(err.code);
}

/** Runs `attempt` again while it loses races; the next run sees the winner's row. */
export async function retryOnConflict<T>(attempt: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (i >= attempts || !isRetryableConflict(err)) throw err;
    }
  }
}

const json = (v: unknown) => v as Prisma.InputJsonValue;

export async function captureLeadInTx(tx: Tx, input: LeadCapture): Promise<CaptureResult> {
  const { platform, phone, email } = input;
  const matches = await tx.$queryRaw<{ id: string; phone: string | null; email: string | null }[]>`
    SELECT "id", "phone", "email" FROM "mas_crm"."raw_leads"
    WHERE "platform" = ${platform} AND ("phone" = ${phone} OR "email" = ${email})
    FOR UPDATE`;

  if (matches.length === 0) {
    const lead = await tx.rawLead.create({
      data: {
        platform,
        name: input.name,
        phone,
        email,
        sessionYear: input.sessionYear,
        sourceType: input.sourceType,
        ...input.fields,
        ...(input.extraData ? { extraData: json(input.extraData) } : {}),
        ...(input.vendorLeadId ? { vendorLeadId: input.vendorLeadId } : {}),
      },
    });
    await recordLeadEvents(tx, [{ type: 'LEAD_CREATED', leadId: lead.id, platform, sourceType: input.sourceType, formId: lead.sourceDetail }]);
    await tx.leadActivityLog.create({
      data: {
        rawLeadId: lead.id,
        performedBy: input.performedBy,
        activityType: 'created',
        description: `Lead captured (${input.sourceType})`,
        metadata: json({ sourceType: input.sourceType, ...(input.vendorLeadId ? { vendorLeadId: input.vendorLeadId } : {}) }),
      },
    });
    return { lead, merged: false };
  }

  // The phone is the stronger identity; when phone and email match two different leads,
  // merge into the phone's and leave both keys alone (each already belongs to a lead).
  const target = matches.find((m) => phone !== null && m.phone === phone) ?? matches[0]!;
  const matchedBy = phone !== null && target.phone === phone ? 'phone' : 'email';
  const locked: MergeableField[] = matches.length > 1 ? ['phone', 'email'] : [];
  const existing = await tx.rawLead.findUniqueOrThrow({ where: { id: target.id } });
  const { patch, filled } = planMerge(existing, { phone, email, ...input.fields, extraData: input.extraData }, locked);
  const { extraData, ...columns } = patch;
  const lead = filled.length
    ? await tx.rawLead.update({
        where: { id: existing.id },
        data: { ...(columns as Prisma.RawLeadUncheckedUpdateInput), ...(extraData ? { extraData: json(extraData) } : {}) },
      })
    : existing;
  // LeadActivityType has no "merged": a merge is an update, flagged in its metadata.
  await tx.leadActivityLog.create({
    data: {
      rawLeadId: lead.id,
      performedBy: input.performedBy,
      activityType: 'updated',
      description: `Repeated capture merged (${input.sourceType}, matched by ${matchedBy})`,
      metadata: json({
        merged: true,
        matchedBy,
        filled,
        sourceType: input.sourceType,
        sessionYear: input.sessionYear,
        ...(input.vendorLeadId ? { vendorLeadId: input.vendorLeadId } : {}),
      }),
    },
  });
  return { lead, merged: true };
}

/** One capture in its own transaction, retried when a concurrent capture of the same person wins. */
export function captureLead(db: Db, input: LeadCapture): Promise<CaptureResult> {
  return retryOnConflict(() => db.$transaction((tx) => captureLeadInTx(tx, input), CAPTURE_TX_OPTIONS));
}
