// A batch's at-risk students (risk scores computed by the KPI rollup; services/engagement/risk.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { RISK_LEVELS } from '../../../domain/engagement/risk.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonResponse, problemResponse } from '../../openapi.js';

const AtRiskView = z
  .object({
    batchId: z.uuid(),
    minLevel: z.enum(RISK_LEVELS),
    items: z.array(
      z.object({
        id: z.uuid(),
        userId: z.uuid(),
        name: z.string(),
        score: z.number(),
        riskLevel: z.enum(RISK_LEVELS),
        factors: z.record(z.string(), z.unknown()).openapi({ description: 'The signals, each factor’s risk, weight and contribution, and the weights used' }),
        computedAt: z.string(),
      }),
    ),
  })
  .openapi('AtRiskStudents');

export const atRiskRoute = createRoute({
  method: 'get',
  path: '/api/batches/{id}/at-risk',
  tags: ['Engagement'],
  summary: 'A batch’s students whose current risk score is at least minLevel, highest first (staff and the batch’s community managers)',
  ...bearer(['SALES', ...STAFF]),
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
    query: z.object({ minLevel: z.enum(RISK_LEVELS).default('HIGH'), limit: z.coerce.number().int().min(1).max(100).default(50) }),
  },
  responses: { 200: jsonResponse('At-risk students', AtRiskView), 400: problemResponse('Invalid query'), ...authProblems, 404: problemResponse('No such batch of yours') },
});
