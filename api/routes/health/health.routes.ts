import { createRoute, z } from '@hono/zod-openapi';

const Probe = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });
export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    failing: z.array(z.enum(['db', 'temporal'])),
    db: Probe,
    temporal: Probe,
  })
  .openapi('Health');

export const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['Platform'],
  summary: 'Liveness of the database and Temporal, reported separately',
  security: [],
  'x-roles': ['public'],
  responses: {
    200: { description: 'Both dependencies answer', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'At least one dependency is down; `failing` names it', content: { 'application/json': { schema: HealthSchema } } },
  },
});
