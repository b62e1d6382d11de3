// Legacy leads (admins: read-only list, migrate one into a raw lead) and campaign-lead capture.
import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { CRM_ROLES } from '../../../domain/crm/access.js';
import { LeadStatus } from '../../../prisma/generated/enums.js';
import { leadContactShape, needsPhoneOrEmail } from '../../../services/crm/lead-input.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

const TAGS = ['CRM'];
const Id = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const text = (max: number) => z.string().trim().min(1).max(max);

export const LegacyLeadView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    assignedTo: z.uuid().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    source: z.string().nullable(),
    notes: z.string().nullable(),
    status: z.enum(LeadStatus),
    platform: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('LegacyLead');

const MigrateResult = z
  .object({
    legacyLeadId: z.uuid(),
    rawLeadId: z.uuid(),
    migrated: z.boolean().openapi({ description: 'False when an earlier call already migrated it (same raw lead)' }),
    merged: z.boolean().openapi({ description: 'True when it merged into a raw lead that already held the phone or email' }),
  })
  .openapi('LegacyLeadMigration');

export const listLegacyLeadsRoute = createRoute({
  method: 'get',
  path: '/api/admin/legacy-leads',
  tags: TAGS,
  summary: 'The legacy leads table (read-only), newest first',
  ...bearer(STAFF),
  request: { query: PageQuery.extend({ status: z.enum(LeadStatus).optional(), assignedTo: z.uuid().optional(), userId: z.uuid().optional() }) },
  responses: { 200: jsonResponse('A page of legacy leads', pageSchema(LegacyLeadView).openapi('LegacyLeadPage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const migrateLegacyLeadRoute = createRoute({
  method: 'post',
  path: '/api/admin/legacy-leads/{id}/migrate',
  tags: TAGS,
  summary: 'Migrate a legacy lead into a raw lead through the lead capture (idempotent: again, or in parallel, answers the same raw lead)',
  ...bearer(STAFF),
  request: { params: Id },
  responses: {
    200: jsonResponse('Already migrated', MigrateResult),
    201: jsonResponse('Migrated now', MigrateResult),
    400: problemResponse('Invalid id'),
    ...authProblems,
    404: problemResponse('No such legacy lead'),
    422: problemResponse('No usable phone or email on the lead or its user'),
  },
});

export const CampaignLeadView = z
  .object({
    id: z.uuid(),
    userId: z.uuid().nullable(),
    rawLeadId: z.uuid().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    channel: z.string(),
    campaignName: z.string().nullable(),
    campaignId: z.string().nullable(),
    adSetId: z.string().nullable(),
    adId: z.string().nullable(),
    formId: z.string().nullable(),
    externalLeadId: z.string().nullable(),
    utmSource: z.string().nullable(),
    utmMedium: z.string().nullable(),
    utmCampaign: z.string().nullable(),
    platform: z.string(),
    createdAt: z.string(),
  })
  .openapi('CampaignLead');

const CaptureCampaignBody = z
  .object({
    ...leadContactShape,
    channel: z.string().trim().toLowerCase().regex(/^[a-z0-9_-]{2,40}$/, 'A channel such as facebook, google, linkedin').openapi({ example: 'facebook' }),
    campaignName: text(200).optional(),
    campaignId: text(100).optional(),
    adSetId: text(100).optional(),
    adId: text(100).optional(),
    formId: text(100).optional(),
    externalLeadId: text(200).optional().openapi({ description: 'The ad platform’s lead id (e.g. Meta leadgen_id): a repeat with the same channel answers the first capture' }),
  })
  .strict()
  .refine(needsPhoneOrEmail.check, needsPhoneOrEmail.params)
  .openapi('CaptureCampaignLead');

const CaptureCampaignResult = z
  .object({ campaignLead: CampaignLeadView, duplicate: z.boolean(), merged: z.boolean() })
  .openapi('CaptureCampaignLeadResult');

export const captureCampaignLeadRoute = createRoute({
  method: 'post',
  path: '/api/crm/campaign-leads',
  tags: TAGS,
  summary: 'Capture a marketing-campaign lead: the raw lead is created or merged (source campaign) and the attribution kept',
  ...bearer(CRM_ROLES),
  request: { body: jsonBody(CaptureCampaignBody) },
  responses: {
    200: jsonResponse('A repeat of a known externalLeadId: the first capture', CaptureCampaignResult),
    201: jsonResponse('Captured', CaptureCampaignResult),
    400: problemResponse('Invalid body'),
    ...authProblems,
  },
});

export const listCampaignLeadsRoute = createRoute({
  method: 'get',
  path: '/api/crm/campaign-leads',
  tags: TAGS,
  summary: 'Campaign leads (admins), newest first',
  ...bearer(STAFF),
  request: { query: PageQuery.extend({ channel: text(40).optional(), campaignName: text(200).optional(), rawLeadId: z.uuid().optional() }) },
  responses: { 200: jsonResponse('A page of campaign leads', pageSchema(CampaignLeadView).openapi('CampaignLeadPage')), 400: problemResponse('Invalid query'), ...authProblems },
});
