// Views and bodies of per-user WhatsApp configs: no view carries the token, its ciphertext or the verify-token hash.
import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../pagination.js';

export const WhatsAppConfigView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    provider: z.string(),
    phoneNumberId: z.string(),
    businessAccountId: z.string(),
    displayPhoneNumber: z.string().nullable(),
    defaultTemplateName: z.string().nullable(),
    defaultLanguageCode: z.string(),
    isActive: z.boolean().openapi({ description: 'False once deactivated by the user or revoked by an admin: sends go out from the platform number' }),
    tokenLast4: z.string().nullable().openapi({ description: 'The last four characters of the access token (null in admin lists and after a revoke); the token is never shown' }),
    hasWebhookVerifyToken: z.boolean(),
    lastVerifiedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('WhatsAppConfig');

const Id = z.string().trim().regex(/^\d{5,30}$/, 'digits only');
export const SaveWhatsAppConfigBody = z
  .object({
    phoneNumberId: Id.openapi({ description: 'Meta phone-number id', example: '100000000000002' }),
    businessAccountId: Id.openapi({ description: 'WhatsApp Business Account id' }),
    accessToken: z
      .string()
      .min(8)
      .max(1024)
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
      .openapi({ description: 'A system-user access token; checked with GET /{phoneNumberId}, then sealed (AES-256-GCM); never returned' }),
    displayPhoneNumber: z.string().trim().regex(/^\+?[\d ]{7,20}$/).nullish(),
    defaultTemplateName: z.string().trim().min(1).max(512).regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _').nullish(),
    defaultLanguageCode: z.string().trim().min(2).max(15).optional(),
    webhookVerifyToken: z.string().min(8).max(256).nullish().openapi({ description: 'Stored as SHA-256 only' }),
  })
  .strict()
  .openapi('SaveWhatsAppConfigRequest');

export const WhatsAppConfigsQuery = PageQuery.extend({ userId: z.uuid().optional(), isActive: z.enum(['true', 'false']).transform((v) => v === 'true').optional() });
export const WhatsAppConfigId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
