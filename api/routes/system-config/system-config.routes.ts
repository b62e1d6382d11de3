import { createRoute, z } from '@hono/zod-openapi';
import { boundedJson, CONFIG_VALUE_BOUNDS } from '../../../domain/json-bounds.js';
import { bearer } from '../../middleware/auth.js';
import { problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

export const ConfigEntry = z
  .object({
    key: z.string(),
    description: z.string(),
    value: z.unknown(),
    default: z.unknown(),
    isDefault: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string().nullable(),
  })
  .openapi('SystemConfigEntry');

export const listConfigRoute = createRoute({
  method: 'get',
  path: '/api/system-config',
  tags: ['Admin'],
  summary: 'Every typed system config key with its value (or default)',
  ...bearer(['SUPERADMIN']),
  responses: {
    200: { description: 'All keys', content: { 'application/json': { schema: z.object({ items: z.array(ConfigEntry) }) } } },
    401: problemResponse('Not signed in'),
    403: problemResponse('Not a SUPERADMIN'),
  },
});

export const putConfigRoute = createRoute({
  method: 'put',
  path: '/api/system-config/{key}',
  tags: ['Admin'],
  summary: 'Set a key; the value is validated by that key’s schema and the change is audited',
  ...bearer(['SUPERADMIN']),
  request: {
    params: z.object({ key: z.string().min(1).max(100) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({ value: boundedJson(CONFIG_VALUE_BOUNDS, z.unknown()), expectedVersion: z.number().int().min(0).optional().openapi({ description: 'Compare-and-set: the version you read (0 when unset)' }) })
            .strict()
            .openapi('PutSystemConfigRequest'),
        },
      },
    },
  },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: ConfigEntry } } },
    400: problemResponse('The value does not fit the key’s schema'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not a SUPERADMIN'),
    404: problemResponse('Unknown key'),
    409: problemResponse('expectedVersion is stale: someone changed it first'),
  },
});

export const ConfigChange = z
  .object({
    id: z.uuid(),
    key: z.string(),
    version: z.number().int(),
    oldValue: z.unknown().nullable(),
    newValue: z.unknown(),
    changedBy: z.object({ id: z.uuid(), email: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('SystemConfigChange');

export const configChangesRoute = createRoute({
  method: 'get',
  path: '/api/system-config/{key}/changes',
  tags: ['Admin'],
  summary: 'A key’s audit trail, newest first: every change with its old and new value and who made it',
  ...bearer(['SUPERADMIN']),
  request: { params: z.object({ key: z.string().min(1).max(100) }), query: PageQuery },
  responses: {
    200: { description: 'A page of changes', content: { 'application/json': { schema: pageSchema(ConfigChange).openapi('SystemConfigChangePage') } } },
    400: problemResponse('Invalid cursor'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not a SUPERADMIN'),
    404: problemResponse('Unknown key'),
  },
});
