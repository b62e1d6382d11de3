// "AI for everyone" interest capture (ai_for_everyone_interests): the public form, and the staff
// list. The form is anonymous, so it is rate limited per client IP and per email in the shared
// rate_limit_buckets. One row per email (stored lower-cased): a repeat updates that row (200)
// instead of adding one (201); submissions of one email are serialised by a transaction-scoped
// advisory lock, as the table has no unique key. When the person asks to be contacted, they are
// captured as a CRM lead through the CRM's own capture (services/crm/lead-capture.ts), in the
// same transaction, so its dedupe (platform + phone or email) makes a repeat a merge, never a
// second lead; lead triggers are dispatched after the commit.
import { defaultSessionYear } from '../../domain/crm/lead-merge.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { emitLeadEvents } from '../crm-engine/triggers.js';
import { CAPTURE_TX_OPTIONS, captureLeadInTx, retryOnConflict } from '../crm/lead-capture.js';
import type { ServiceDeps } from '../deps.js';
import { enforceFormRate } from '../public-forms/rate-limit.js';

/** Forms per hour: per client IP generous for a shared office NAT; per email enough for a few corrections. */
export const AI_INTEREST_RATE_LIMIT = { perIp: 20, perEmail: 5, windowSeconds: 3600 };
/** The CRM lead's sourceDetail (its form id for form_submitted triggers). */
export const AI_INTEREST_LEAD_SOURCE = 'ai_for_everyone';

export interface InterestInput {
  name: string;
  /** Already trimmed and lower-cased. */
  email: string;
  /** Already E.164. */
  phone?: string | undefined;
  profession?: string | undefined;
  experienceLevel?: string | undefined;
  city?: string | undefined;
  message?: string | undefined;
  source?: string | undefined;
  utmSource?: string | undefined;
  utmMedium?: string | undefined;
  utmCampaign?: string | undefined;
  /** Also capture the person as a CRM lead (they asked to be contacted). */
  contactMe?: boolean | undefined;
}

export const interestSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  profession: true,
  experienceLevel: true,
  city: true,
  message: true,
  source: true,
  utmSource: true,
  utmMedium: true,
  utmCampaign: true,
  contactedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.AiForEveryoneInterestSelect;
type InterestRow = Prisma.AiForEveryoneInterestGetPayload<{ select: typeof interestSelect }>;

export const toInterestView = (r: InterestRow) => ({
  ...r,
  contactedAt: r.contactedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export interface InterestAnswer {
  id: string;
  /** False when the email had already registered interest (its row was updated). */
  created: boolean;
  /** The CRM lead, when the person asked to be contacted. */
  lead: { id: string; merged: boolean } | null;
}

interface CapturedLead {
  id: string;
  merged: boolean;
  platform: string;
  sourceType: string;
  sourceDetail: string | null;
}

export async function submitInterest(deps: Pick<ServiceDeps, 'db' | 'temporal' | 'logger' | 'config'>, ctx: { ip: string; platform: string }, input: InterestInput): Promise<InterestAnswer> {
  await enforceFormRate(deps, 'ai-interest', ctx.ip, input.email, AI_INTEREST_RATE_LIMIT);
  const { contactMe, ...fields } = input;
  const answer = await retryOnConflict(() =>
    deps.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`ai-interest:${input.email}`}, 0))`;
      const existing = await tx.aiForEveryoneInterest.findFirst({ where: { email: input.email }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
      // A repeat keeps what it does not restate (undefined fields are left alone).
      const row = existing
        ? await tx.aiForEveryoneInterest.update({ where: { id: existing.id }, data: fields, select: { id: true } })
        : await tx.aiForEveryoneInterest.create({ data: fields, select: { id: true } });
      let lead: CapturedLead | null = null;
      if (contactMe) {
        const captured = await captureLeadInTx(tx, {
          platform: ctx.platform,
          name: input.name,
          phone: input.phone ?? null,
          email: input.email,
          sessionYear: defaultSessionYear(new Date()),
          sourceType: 'website',
          fields: { city: input.city ?? null, sourceDetail: AI_INTEREST_LEAD_SOURCE, utmSource: input.utmSource ?? null, utmMedium: input.utmMedium ?? null, utmCampaign: input.utmCampaign ?? null },
          extraData: { aiForEveryoneInterestId: row.id, ...(input.profession ? { profession: input.profession } : {}), ...(input.experienceLevel ? { experienceLevel: input.experienceLevel } : {}) },
          performedBy: null,
        });
        lead = { id: captured.lead.id, merged: captured.merged, platform: captured.lead.platform, sourceType: captured.lead.sourceType, sourceDetail: captured.lead.sourceDetail };
      }
      return { id: row.id, created: !existing, lead };
    }, CAPTURE_TX_OPTIONS),
  );
  const l = answer.lead;
  if (l && !l.merged) await emitLeadEvents(deps, [{ type: 'LEAD_CREATED', leadId: l.id, platform: l.platform, sourceType: l.sourceType, formId: l.sourceDetail }]);
  return { id: answer.id, created: answer.created, lead: answer.lead ? { id: answer.lead.id, merged: answer.lead.merged } : null };
}

export interface InterestFilters {
  email?: string | undefined;
  source?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export function listInterests(
  { db }: Pick<ServiceDeps, 'db'>,
  f: InterestFilters,
  page: { where: Prisma.AiForEveryoneInterestWhereInput; orderBy: Prisma.AiForEveryoneInterestOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.AiForEveryoneInterestWhereInput[] = [page.where];
  if (f.email) where.push({ email: f.email });
  if (f.source) where.push({ source: f.source });
  if (f.from) where.push({ createdAt: { gte: f.from } });
  if (f.to) where.push({ createdAt: { lt: f.to } });
  return db.aiForEveryoneInterest.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: interestSelect });
}
