// At-risk students over HTTP; services/engagement/risk.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { atRiskStudents } from '../../../services/engagement/risk.js';
import type { AppEnv } from '../../deps.js';
import type { atRiskRoute } from './engagement-risk.routes.js';

export const atRiskHandler: RouteHandler<typeof atRiskRoute, AppEnv> = async (c) => c.json(await atRiskStudents(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('query')), 200);
