import { createRoute, z } from '@hono/zod-openapi';
import { leadContactShape, needsPhoneOrEmail } from '../../../services/crm/lead-input.js';
import { problemResponse } from '../../openapi.js';
import { VENDOR_KEY_HEADER, vendorKeyAuth, vendorKeyRateLimit } from './vendor-key-auth.js';

export const VendorLeadBody = z
  .object({
    ...leadContactShape,
    externalLeadId: z.string().trim().min(1).max(200).optional().openapi({ description: 'Your own id for the lead, for reconciliation' }),
  })
  .strict()
  .refine(needsPhoneOrEmail.check, needsPhoneOrEmail.params)
  .openapi('VendorLeadRequest');

export const VendorLeadAccepted = z
  .object({
    vendorLeadId: z.uuid(),
    rawLeadId: z.uuid().nullable().openapi({ description: 'The CRM lead it was promoted into (or merged with)' }),
    duplicate: z.boolean().openapi({ description: 'True when the phone or email was already known and the lead was merged' }),
  })
  .openapi('VendorLeadAccepted');

export const ingestVendorLeadRoute = createRoute({
  method: 'post',
  path: '/api/vendor/leads',
  tags: ['Vendor API'],
  summary: 'Send a lead',
  description:
    `Authenticate with your key in \`${VENDOR_KEY_HEADER}\`. Send an \`Idempotency-Key\` header to make retries safe: a retry ` +
    'with the same key and body answers exactly as the first call and stores nothing new. Without the header, the SHA-256 of ' +
    'the body is the idempotency key, so an identical body is accepted once. Each key has a per-minute rate limit (429 with Retry-After).',
  security: [{ vendorApiKey: [] }],
  'x-roles': ['vendor-key'],
  middleware: [vendorKeyAuth(), vendorKeyRateLimit()] as const,
  request: {
    headers: z.object({
      'idempotency-key': z.string().trim().min(1).max(200).optional().openapi({ description: 'Any unique string per lead, e.g. a UUID' }),
    }),
    body: { required: true, content: { 'application/json': { schema: VendorLeadBody } } },
  },
  responses: {
    202: { description: 'Accepted (or the replay of an earlier acceptance)', content: { 'application/json': { schema: VendorLeadAccepted } } },
    400: problemResponse('Invalid body; `errors` lists the fields'),
    401: problemResponse('Missing, unknown, disabled, revoked or expired key'),
    403: problemResponse('The key lacks the leads:write scope'),
    409: problemResponse('The Idempotency-Key was already used with a different body'),
    429: problemResponse('Over the key’s per-minute rate limit; see Retry-After'),
  },
});
