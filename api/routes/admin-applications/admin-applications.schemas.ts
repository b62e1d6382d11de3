// Query and bodies of the staff routes over program applications.
import { z } from '@hono/zod-openapi';
import { applicationLifecycle } from '../../../domain/application/status.js';
import { PageQuery } from '../../pagination.js';

export const AdminApplicationQuery = PageQuery.extend({
  status: z.enum(applicationLifecycle.states).optional(),
  batchId: z.uuid().optional(),
  q: z.string().trim().min(2).max(100).optional().openapi({ description: 'Name or email contains (case-insensitive)' }),
});

const Reason = z.string().trim().min(3).max(1000);

export const RejectBody = z.object({ reason: Reason }).strict().openapi('RejectApplicationRequest');
export const DeboardBody = z.object({ reason: Reason }).strict().openapi('DeboardApplicationRequest');
export const AllocateBody = z
  .object({ batchId: z.uuid().optional().openapi({ description: 'Default: the batch applied for. Must be UPCOMING or ACTIVE, with a free seat.' }) })
  .strict()
  .openapi('AllocateBatchRequest');
