// CRM calls over HTTP: click-to-call (Idempotency-Key replays the first answer), manual call
// logs and the lead's call history. The rules live in services/crm/calls.ts.
import type { RouteHandler } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import type { LeadCallLog } from '../../../prisma/generated/client.js';
import { callLead, listCallLogs, logManualCall, updateCallLog } from '../../../services/crm/calls.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { CallLogSchema, callLeadRoute, createCallLogRoute, listCallLogsRoute, updateCallLogRoute } from './crm-calls.routes.js';

export function toCallLogView(r: LeadCallLog): z.infer<typeof CallLogSchema> {
  return {
    id: r.id,
    rawLeadId: r.rawLeadId,
    userId: r.userId,
    direction: r.direction,
    source: r.source,
    status: r.status,
    outcome: r.outcome,
    exotelCallSid: r.exotelCallSid,
    fromNumber: r.fromNumber,
    toNumber: r.toNumber,
    callerId: r.callerId,
    durationSeconds: r.durationSeconds,
    talkDurationSeconds: r.talkDurationSeconds,
    recordingUrl: r.recordingUrl,
    startedAt: r.startedAt?.toISOString() ?? null,
    endedAt: r.endedAt?.toISOString() ?? null,
    costPaise: r.costPaise,
    notes: r.notes,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export const callLeadHandler: RouteHandler<typeof callLeadRoute, AppEnv> = async (c) => {
  const r = await callLead(c.get('deps'), c.get('auth')!, { leadId: c.req.valid('param').id, idempotencyKey: c.req.valid('header')['idempotency-key'] });
  if (r.mode === 'tel') return c.json(r, 200);
  if (r.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json({ mode: r.mode, callSid: r.callSid, status: r.status, callLogId: r.callLogId }, 202);
};

export const createCallLogHandler: RouteHandler<typeof createCallLogRoute, AppEnv> = async (c) => {
  const row = await logManualCall(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json'));
  return c.json(toCallLogView(row), 201);
};

export const listCallLogsHandler: RouteHandler<typeof listCallLogsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const page = keyset(cursor);
  const rows = await listCallLogs(c.get('deps'), c.get('auth')!, c.req.valid('param').id, { where: page.where, orderBy: page.orderBy, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toCallLogView), nextCursor }, 200);
};

export const updateCallLogHandler: RouteHandler<typeof updateCallLogRoute, AppEnv> = async (c) => {
  const row = await updateCallLog(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json'));
  return c.json(toCallLogView(row), 200);
};
