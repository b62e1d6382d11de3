// Workflow rules on a job. HTTP only: services/hire/workflow-rule-admin.ts.
import type { WorkflowRule } from '../../../prisma/generated/client.js';
import { createRule, deleteRule, listRules, updateRule } from '../../../services/hire/workflow-rule-admin.js';
import { createRouter } from '../../openapi.js';
import type { RuleView } from './hire-rules.routes.js';
import { createRuleRoute, deleteRuleRoute, listRulesRoute, updateRuleRoute } from './hire-rules.routes.js';
import type { z } from '@hono/zod-openapi';

const view = (r: WorkflowRule) =>
  ({
    id: r.id,
    jobPostId: r.jobPostId,
    name: r.name,
    event: r.event,
    conditions: r.conditions,
    actions: r.actions,
    workflowId: r.workflowId,
    isActive: r.isActive,
    priority: r.priority,
    triggerCount: r.triggerCount,
    lastTriggeredAt: r.lastTriggeredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }) as z.infer<typeof RuleView>;

export const hireRulesRouter = createRouter()
  .openapi(listRulesRoute, async (c) => c.json({ items: (await listRules(c.get('deps').db, { actor: c.get('auth')!, platform: c.get('platform') }, c.req.valid('param').id)).map(view) }, 200))
  .openapi(createRuleRoute, async (c) => c.json(view(await createRule(c.get('deps').db, { actor: c.get('auth')!, platform: c.get('platform') }, c.req.valid('param').id, c.req.valid('json'))), 201))
  .openapi(updateRuleRoute, async (c) => c.json(view(await updateRule(c.get('deps').db, { actor: c.get('auth')!, platform: c.get('platform') }, c.req.valid('param').ruleId, c.req.valid('json'))), 200))
  .openapi(deleteRuleRoute, async (c) => {
    await deleteRule(c.get('deps').db, { actor: c.get('auth')!, platform: c.get('platform') }, c.req.valid('param').ruleId);
    return c.body(null, 204);
  });
