// Bodies and views of sticky and popup banners, their settings and banner templates (staff),
// and of the public banner feed. Every string, list and number is bounded.
import { z } from '@hono/zod-openapi';
import { BANNER_IMAGE_MAX_BYTES, BANNER_IMAGE_TYPES, type BannerImageType } from '../../../services/marketing/banner-images.js';
import { PageQuery } from '../../pagination.js';
import { HttpsUrl, Instant, S3Key, Text } from '../lms-profiles/lms-fields.js';

const AUDIENCES = ['ALL', 'LOGGED_IN', 'LOGGED_OUT'] as const;
const Color = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'A hex colour such as #1a2b3c').openapi({ example: '#0b5fff' });
const PagePath = z.string().trim().min(1).max(200).regex(/^\/[\x21-\x7e]*$/, 'A path starting with /');
/** A CTA goes to an https URL or a path on the same site. */
const CtaUrl = z.union([HttpsUrl, PagePath]).openapi({ description: 'An https URL or a site path starting with /' });
const PlatformKey = z.string().trim().min(1).max(64).openapi({ description: 'A Platform.key; null = every platform' });
const BannerCommon = {
  platform: PlatformKey.nullable().optional(),
  targetPages: z.array(PagePath).max(20).optional().openapi({ description: 'Path prefixes (segment boundaries); empty = every page' }),
  audience: z.enum(AUDIENCES).optional(),
  displayOrder: z.number().int().min(-1000).max(1000).optional().openapi({ description: 'Lower shows first' }),
  isActive: z.boolean().optional(),
  startsAt: Instant.nullable().optional().openapi({ description: 'Shown from (inclusive); null = now' }),
  endsAt: Instant.nullable().optional().openapi({ description: 'Shown until (exclusive); null = no end' }),
};
const StickyFields = {
  message: Text(500),
  ctaText: Text(60).nullable().optional(),
  ctaUrl: CtaUrl.nullable().optional(),
  backgroundColor: Color.nullable().optional(),
  textColor: Color.nullable().optional(),
};
const PopupFields = {
  title: Text(200),
  body: Text(2000).nullable().optional(),
  imageS3Key: S3Key.nullable().optional().openapi({ description: 'The key from POST /api/admin/banners/image-uploads, once uploaded' }),
  imageUrl: HttpsUrl.nullable().optional().openapi({ description: 'An external image instead of an uploaded one' }),
  ctaText: Text(60).nullable().optional(),
  ctaUrl: CtaUrl.nullable().optional(),
};
const nonEmpty = { message: 'Nothing to change' };

export const CreateStickyBody = z.object({ ...StickyFields, ...BannerCommon }).strict().openapi('StickyBannerCreate');
export const UpdateStickyBody = z
  .object({ ...StickyFields, message: StickyFields.message.optional(), ...BannerCommon })
  .strict()
  .refine((b) => Object.keys(b).length > 0, nonEmpty)
  .openapi('StickyBannerUpdate');
export const CreatePopupBody = z.object({ ...PopupFields, ...BannerCommon }).strict().openapi('PopupBannerCreate');
export const UpdatePopupBody = z
  .object({ ...PopupFields, title: PopupFields.title.optional(), ...BannerCommon })
  .strict()
  .refine((b) => Object.keys(b).length > 0, nonEmpty)
  .openapi('PopupBannerUpdate');

const CommonView = {
  id: z.uuid(),
  platform: z.string().nullable(),
  targetPages: z.array(z.string()),
  audience: z.enum(AUDIENCES),
  displayOrder: z.number().int(),
  isActive: z.boolean(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  createdById: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const StickyView = z
  .object({ ...CommonView, message: z.string(), ctaText: z.string().nullable(), ctaUrl: z.string().nullable(), backgroundColor: z.string().nullable(), textColor: z.string().nullable() })
  .openapi('StickyBanner');
export const PopupView = z
  .object({ ...CommonView, title: z.string(), body: z.string().nullable(), imageS3Key: z.string().nullable(), imageUrl: z.string().nullable(), ctaText: z.string().nullable(), ctaUrl: z.string().nullable() })
  .openapi('PopupBanner');

const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const BannersQuery = PageQuery.extend({ platform: PlatformKey.optional(), isActive: Bool.optional() });

export const ImageUploadBody = z
  .object({
    contentType: z.enum(Object.keys(BANNER_IMAGE_TYPES) as [BannerImageType, ...BannerImageType[]]),
    sizeBytes: z.number().int().min(1).max(BANNER_IMAGE_MAX_BYTES),
  })
  .strict()
  .openapi('BannerImageUploadRequest');
export const ImageUploadView = z
  .object({
    key: z.string().openapi({ description: 'Attach it as a popup’s imageS3Key once uploaded' }),
    upload: z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
  })
  .openapi('BannerImageUpload');

// Settings.
export const StickySettingsBody = z
  .object({
    isEnabled: z.boolean().optional(),
    position: z.enum(['top', 'bottom']).optional(),
    isDismissible: z.boolean().optional(),
    rotationIntervalSeconds: z.number().int().min(1).max(3600).optional(),
    showOnMobile: z.boolean().optional(),
  })
  .strict()
  .openapi('StickyBannerSettingsUpdate');
export const PopupSettingsBody = z
  .object({
    isEnabled: z.boolean().optional(),
    delaySeconds: z.number().int().min(0).max(3600).optional(),
    cooldownHours: z.number().int().min(0).max(24 * 365).optional(),
    maxShowsPerSession: z.number().int().min(1).max(100).optional(),
    showOnMobile: z.boolean().optional(),
  })
  .strict()
  .openapi('PopupBannerSettingsUpdate');
const StickySettingsValues = { isEnabled: z.boolean(), position: z.enum(['top', 'bottom']), isDismissible: z.boolean(), rotationIntervalSeconds: z.number().int(), showOnMobile: z.boolean() };
const PopupSettingsValues = { isEnabled: z.boolean(), delaySeconds: z.number().int(), cooldownHours: z.number().int(), maxShowsPerSession: z.number().int(), showOnMobile: z.boolean() };
export const StickySettingsView = z.object({ scope: z.string(), ...StickySettingsValues, updatedAt: z.string() }).openapi('StickyBannerSettings');
export const PopupSettingsView = z.object({ scope: z.string(), ...PopupSettingsValues, updatedAt: z.string() }).openapi('PopupBannerSettings');
export const SettingsListView = z.object({ sticky: z.array(StickySettingsView), popup: z.array(PopupSettingsView) }).openapi('BannerSettingsList');
export const ScopeParam = z.object({
  scope: z.string().trim().min(1).max(64).openapi({ param: { name: 'scope', in: 'path' }, description: '"global", or a platform key overriding it' }),
});

// Templates.
const TEMPLATE_TYPES = ['STICKY', 'POPUP'] as const;
/** The design a new banner starts from: its texts, colours and layout. */
const TemplateContent = z
  .object({
    message: Text(500).optional(),
    title: Text(200).optional(),
    body: Text(2000).optional(),
    ctaText: Text(60).optional(),
    ctaUrl: CtaUrl.optional(),
    imageUrl: HttpsUrl.optional(),
    backgroundColor: Color.optional(),
    textColor: Color.optional(),
    accentColor: Color.optional(),
    layout: z.enum(['centered', 'left', 'right', 'split', 'full-image']).optional(),
  })
  .strict()
  .openapi('BannerTemplateContent', { description: 'Design payload copied into a new banner: texts, colours, layout' });
export const CreateTemplateBody = z
  .object({ name: Text(120), type: z.enum(TEMPLATE_TYPES), content: TemplateContent, previewImageUrl: HttpsUrl.nullable().optional(), isActive: z.boolean().optional() })
  .strict()
  .openapi('BannerTemplateCreate');
export const UpdateTemplateBody = z
  .object({ name: Text(120).optional(), content: TemplateContent.optional(), previewImageUrl: HttpsUrl.nullable().optional(), isActive: z.boolean().optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, nonEmpty)
  .openapi('BannerTemplateUpdate');
export const TemplateView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(TEMPLATE_TYPES),
    content: z.record(z.string(), z.unknown()),
    previewImageUrl: z.string().nullable(),
    isActive: z.boolean(),
    createdById: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('BannerTemplate');
export const TemplatesQuery = PageQuery.extend({ type: z.enum(TEMPLATE_TYPES).optional(), isActive: Bool.optional() });

// The public feed.
export const FeedQuery = z.object({
  page: PagePath.optional().openapi({ description: 'The page’s path; without it only banners for every page are returned' }),
  loggedIn: Bool.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'Whether the visitor is signed in; without it audience-specific banners are left out' }),
});
export const FeedView = z
  .object({
    platform: z.string(),
    page: z.string().nullable(),
    settings: z.object({ sticky: z.object(StickySettingsValues), popup: z.object(PopupSettingsValues) }),
    sticky: z.array(
      z.object({
        id: z.uuid(),
        message: z.string(),
        ctaText: z.string().nullable(),
        ctaUrl: z.string().nullable(),
        backgroundColor: z.string().nullable(),
        textColor: z.string().nullable(),
        displayOrder: z.number().int(),
        endsAt: z.string().nullable(),
      }),
    ),
    popups: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        body: z.string().nullable(),
        imageUrl: z.string().nullable().openapi({ description: 'An external https URL, or this api’s image path for an uploaded image' }),
        ctaText: z.string().nullable(),
        ctaUrl: z.string().nullable(),
        displayOrder: z.number().int(),
        endsAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('BannerFeed');

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
