import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { VENDOR_SCOPES } from '../../../domain/crm/access.js';
import { VendorApiKeyStatus } from '../../../prisma/generated/enums.js';
import { SESSION_YEAR } from '../../../services/crm/lead-input.js';
import { bearer } from '../../middleware/auth.js';
import { problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

const TAGS = ['Admin'];
const KeyId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

/** A vendor key as admins see it: never the hash, never the key itself. */
export const VendorKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    vendorName: z.string(),
    keyPrefix: z.string().openapi({ example: 'mas_vk_3f9a0c1e', description: 'Identifies the key; the rest is never stored' }),
    status: z.enum(VendorApiKeyStatus),
    scopes: z.array(z.string()),
    rateLimitPerMinute: z.number().int(),
    platform: z.string(),
    defaultSessionYear: z.string().nullable(),
    defaultSalesHeadId: z.uuid().nullable(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
    createdById: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('VendorApiKey');

export const IssuedVendorKey = z
  .object({
    apiKey: z.string().openapi({ description: 'The full key. It is shown once: only its SHA-256 is stored.', example: 'mas_vk_3f9a0c1e_…' }),
    key: VendorKey,
  })
  .openapi('IssuedVendorApiKey');

export const CreateVendorKeyBody = z
  .object({
    name: z.string().trim().min(1).max(100).openapi({ example: 'Shiksha - production' }),
    vendorName: z.string().trim().min(1).max(100).openapi({ example: 'Shiksha' }),
    scopes: z.array(z.enum(VENDOR_SCOPES)).min(1).max(VENDOR_SCOPES.length).default(['leads:write']),
    rateLimitPerMinute: z.number().int().min(1).max(10_000).default(60),
    platform: z.string().trim().min(1).max(64).optional().openapi({ description: 'Tenant the leads land in; defaults to the x-platform header, else my-analytics-school' }),
    defaultSessionYear: SESSION_YEAR.optional(),
    defaultSalesHeadId: z.uuid().optional().openapi({ description: 'An active SALES user who owns the leads this key brings in' }),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .openapi('CreateVendorApiKeyRequest');

const issuedResponse = (description: string) => ({ description, content: { 'application/json': { schema: IssuedVendorKey } } });
const keyResponse = (description: string) => ({ description, content: { 'application/json': { schema: VendorKey } } });
const denied = { 401: problemResponse('Not signed in'), 403: problemResponse('Not an admin') };

export const createVendorKeyRoute = createRoute({
  method: 'post',
  path: '/api/admin/vendor-keys',
  tags: TAGS,
  summary: 'Issue a vendor API key; the full key is in this response only',
  ...bearer(STAFF),
  request: { body: { required: true, content: { 'application/json': { schema: CreateVendorKeyBody } } } },
  responses: {
    201: issuedResponse('The new key'),
    400: problemResponse('Invalid body'),
    ...denied,
    422: problemResponse('Unknown platform, a default sales head who is not an active SALES user, or an expiry in the past'),
  },
});

export const listVendorKeysRoute = createRoute({
  method: 'get',
  path: '/api/admin/vendor-keys',
  tags: TAGS,
  summary: 'List vendor API keys, newest first (cursor pagination)',
  ...bearer(STAFF),
  request: { query: PageQuery.extend({ status: z.enum(VendorApiKeyStatus).optional(), vendorName: z.string().trim().min(1).max(100).optional() }) },
  responses: {
    200: { description: 'A page of keys', content: { 'application/json': { schema: pageSchema(VendorKey).openapi('VendorApiKeyPage') } } },
    400: problemResponse('Invalid filters or cursor'),
    ...denied,
  },
});

const statusRoute = (action: 'disable' | 'enable', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/admin/vendor-keys/{id}/${action}`,
    tags: TAGS,
    summary,
    ...bearer(STAFF),
    request: { params: KeyId },
    responses: {
      200: keyResponse('The key'),
      400: problemResponse('Invalid id'),
      ...denied,
      404: problemResponse('No such key'),
      409: problemResponse('Not allowed from the key’s current status (a revoked key stays revoked)'),
    },
  });

export const disableVendorKeyRoute = statusRoute('disable', 'Disable a key (reversible): its requests answer 401 until it is enabled');
export const enableVendorKeyRoute = statusRoute('enable', 'Enable a disabled key');

export const RevokeVendorKeyBody = z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict().openapi('RevokeVendorApiKeyRequest');

export const revokeVendorKeyRoute = createRoute({
  method: 'post',
  path: '/api/admin/vendor-keys/{id}/revoke',
  tags: TAGS,
  summary: 'Revoke a key for good',
  ...bearer(STAFF),
  request: { params: KeyId, body: { required: false, content: { 'application/json': { schema: RevokeVendorKeyBody } } } },
  responses: {
    200: keyResponse('The revoked key'),
    400: problemResponse('Invalid body'),
    ...denied,
    404: problemResponse('No such key'),
    409: problemResponse('Already revoked'),
  },
});

export const rotateVendorKeyRoute = createRoute({
  method: 'post',
  path: '/api/admin/vendor-keys/{id}/rotate',
  tags: TAGS,
  summary: 'Revoke a key and issue its replacement with the same settings; the new key is in this response only',
  ...bearer(STAFF),
  request: { params: KeyId },
  responses: {
    201: issuedResponse('The replacement key'),
    400: problemResponse('Invalid id'),
    ...denied,
    404: problemResponse('No such key'),
    409: problemResponse('The key is already revoked'),
  },
});
