import type { RouteHandler } from '@hono/zod-openapi';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../domain/crm/idempotency.js';
import { normalizeContact } from '../../../services/crm/lead-input.js';
import type { AppEnv } from '../../deps.js';
import { clientIp } from '../../client-ip.js';
import type { ingestVendorLeadRoute } from './vendor-leads.routes.js';
import { acceptVendorLead } from '../../../services/vendor/vendor-leads.js';

export const ingestVendorLeadHandler: RouteHandler<typeof ingestVendorLeadRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const header = c.req.valid('header')['idempotency-key'];
  // The body as the vendor sent it (the validator already parsed and cached it).
  const payload: unknown = await c.req.json();
  const idempotencyKey = header ?? `sha256:${createHash('sha256').update(canonicalJson(payload)).digest('hex')}`;
  const { answer, replayed } = await acceptVendorLead(c.get('deps'), {
    key: c.get('vendorKey'),
    idempotencyKey,
    payload,
    contact: normalizeContact(body),
    sessionYear: body.sessionYear,
    externalLeadId: body.externalLeadId,
    ip: clientIp(c),
    now: new Date(),
  });
  if (replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(answer, 202);
};
