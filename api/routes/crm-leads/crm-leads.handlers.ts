// CRM leads over HTTP: capture, lists and reads, assignment and field changes. The rules live in
// services/crm/ (visibility: a lead you may not see is a 404).
import type { RouteHandler } from '@hono/zod-openapi';
import { bulkAssign } from '../../../services/crm/assignment.js';
import { updateLeadFields } from '../../../services/crm/lead-fields.js';
import { toCrmLead } from '../../../services/crm/lead-view.js';
import { assignLead, captureStaffLead, getLead, listLeads } from '../../../services/crm/leads.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { assignLeadRoute, bulkAssignRoute, captureLeadRoute, getLeadRoute, listLeadsRoute, updateLeadRoute } from './crm-leads.routes.js';

export const captureLeadHandler: RouteHandler<typeof captureLeadRoute, AppEnv> = async (c) => {
  const { id, merged, lead } = await captureStaffLead(c.get('deps'), c.get('auth')!, c.get('platform'), c.req.valid('json'));
  const result = { id, merged, lead: lead ? toCrmLead(lead) : null };
  return merged ? c.json(result, 200) : c.json(result, 201);
};

export const listLeadsHandler: RouteHandler<typeof listLeadsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const page = keyset(cursor);
  const platform = c.get('platformExplicit') ? c.get('platform') : undefined;
  const rows = await listLeads(c.get('deps'), c.get('auth')!, { ...filters, platform }, { where: page.where, orderBy: page.orderBy, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toCrmLead), nextCursor }, 200);
};

export const getLeadHandler: RouteHandler<typeof getLeadRoute, AppEnv> = async (c) => {
  return c.json(toCrmLead(await getLead(c.get('deps'), c.get('auth')!, c.req.valid('param').id)), 200);
};

export const assignLeadHandler: RouteHandler<typeof assignLeadRoute, AppEnv> = async (c) => {
  const { assignedTo, reason } = c.req.valid('json');
  const lead = await assignLead(c.get('deps'), c.get('auth')!, { id: c.req.valid('param').id, assignedTo, reason });
  return c.json(toCrmLead(lead), 200);
};

export const bulkAssignHandler: RouteHandler<typeof bulkAssignRoute, AppEnv> = async (c) => {
  const results = await bulkAssign(c.get('deps'), c.get('auth')!, c.req.valid('json'));
  const summary: Record<string, number> = {};
  for (const r of results) summary[r.status] = (summary[r.status] ?? 0) + 1;
  return c.json({ results, summary }, 200);
};

export const updateLeadHandler: RouteHandler<typeof updateLeadRoute, AppEnv> = async (c) => {
  const { note, ...changes } = c.req.valid('json');
  const { after } = await updateLeadFields(c.get('deps'), { leadId: c.req.valid('param').id, changes, note, actor: { kind: 'user', auth: c.get('auth')! } });
  return c.json(toCrmLead(after), 200);
};
