// GET /api/health: HTTP only (503 when a dependency fails). services/health/health.ts probes.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { headerUpFront } from '../../middleware/fast-path.js';
import { checkHealth } from '../../../services/health/health.js';
import type { health } from './health.routes.js';

export const healthHandler: RouteHandler<typeof health, AppEnv> = async (c) => {
  const [db, temporal] = await checkHealth(c.get('deps'));
  const failing = [...(db.ok ? [] : ['db' as const]), ...(temporal.ok ? [] : ['temporal' as const])];
  const body = { status: failing.length ? ('unavailable' as const) : ('ok' as const), failing, db, temporal };
  headerUpFront(c, 'Cache-Control', 'no-store');
  if (failing.length) c.get('deps').logger.warn({ requestId: c.get('requestId'), failing, db, temporal }, 'health check failing');
  return failing.length ? c.json(body, 503) : c.json(body, 200);
};
