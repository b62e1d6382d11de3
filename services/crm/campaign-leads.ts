// Campaign leads (mas_crm.campaign_leads): a marketing-campaign capture (ad lead form, landing
// page) goes through the ordinary lead capture (create or merge the raw lead, source campaign)
// and keeps its attribution row pointing at that raw lead, in the same transaction. Idempotent
// on the ad platform's lead id: (channel, externalLeadId) is unique, so a re-delivery (also a
// parallel one, which loses the insert race and retries) answers the first row.
import { defaultSessionYear } from '../../domain/crm/lead-merge.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { CAPTURE_TX_OPTIONS, captureLeadInTx, retryOnConflict } from './lead-capture.js';
import { normalizeContact } from './lead-input.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const campaignLeadSelect = {
  id: true, userId: true, rawLeadId: true, name: true, email: true, phone: true, channel: true, campaignName: true, campaignId: true, adSetId: true, adId: true, formId: true,
  externalLeadId: true, utmSource: true, utmMedium: true, utmCampaign: true, platform: true, createdAt: true,
} as const satisfies Prisma.CampaignLeadSelect;
type CampaignRow = Prisma.CampaignLeadGetPayload<{ select: typeof campaignLeadSelect }>;
export const toCampaignLeadView = (r: CampaignRow) => ({ ...r, createdAt: r.createdAt.toISOString() });

export type CampaignCapture = Parameters<typeof normalizeContact>[0] & {
  sessionYear?: string | undefined;
  channel: string;
  campaignName?: string | undefined;
  campaignId?: string | undefined;
  adSetId?: string | undefined;
  adId?: string | undefined;
  formId?: string | undefined;
  externalLeadId?: string | undefined;
};

export async function captureCampaignLead(deps: Deps, auth: AuthContext, platform: string, body: CampaignCapture): Promise<{ campaignLead: ReturnType<typeof toCampaignLeadView>; duplicate: boolean; merged: boolean }> {
  const contact = normalizeContact(body);
  return retryOnConflict(() =>
    deps.db.$transaction(async (tx) => {
      if (body.externalLeadId) {
        const seen = await tx.campaignLead.findUnique({ where: { channel_externalLeadId: { channel: body.channel, externalLeadId: body.externalLeadId } }, select: campaignLeadSelect });
        if (seen) return { campaignLead: toCampaignLeadView(seen), duplicate: true, merged: false };
      }
      const { lead, merged } = await captureLeadInTx(tx, {
        platform,
        name: contact.name,
        phone: contact.phone,
        email: contact.email,
        sessionYear: body.sessionYear ?? defaultSessionYear(new Date()),
        sourceType: 'campaign',
        fields: { ...contact.fields, sourceDetail: contact.fields.sourceDetail ?? body.campaignName ?? body.channel, utmCampaign: contact.fields.utmCampaign ?? body.campaignName ?? null },
        extraData: contact.extraData,
        performedBy: auth.userId,
      });
      const row = await tx.campaignLead.create({
        data: {
          rawLeadId: lead.id,
          name: contact.name,
          email: contact.email,
          phone: contact.phone,
          channel: body.channel,
          campaignName: body.campaignName ?? null,
          campaignId: body.campaignId ?? null,
          adSetId: body.adSetId ?? null,
          adId: body.adId ?? null,
          formId: body.formId ?? null,
          externalLeadId: body.externalLeadId ?? null,
          utmSource: contact.fields.utmSource,
          utmMedium: contact.fields.utmMedium,
          utmCampaign: contact.fields.utmCampaign,
          platform,
          ...(contact.extraData ? { payload: contact.extraData as Prisma.InputJsonValue } : {}),
        },
        select: campaignLeadSelect,
      });
      return { campaignLead: toCampaignLeadView(row), duplicate: false, merged };
    }, CAPTURE_TX_OPTIONS),
  );
}

export function listCampaignLeads(
  deps: Deps,
  f: { channel?: string | undefined; campaignName?: string | undefined; rawLeadId?: string | undefined },
  page: { where: Prisma.CampaignLeadWhereInput; orderBy: Prisma.CampaignLeadOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.CampaignLeadWhereInput[] = [page.where];
  if (f.channel) where.push({ channel: f.channel });
  if (f.campaignName) where.push({ campaignName: f.campaignName });
  if (f.rawLeadId) where.push({ rawLeadId: f.rawLeadId });
  return deps.db.campaignLead.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: campaignLeadSelect });
}
