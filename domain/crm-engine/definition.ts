// CRM workflow definitions: a graph of nodes and edges (the seed stores "nodes/edges json").
// The zod schema checks each node's shape; validateGraph() checks the graph as a whole before
// a version can be published. Node `type`s are dotted: <family>.<kind>.
import { z } from 'zod';

/** Lead fields a condition, template or update may name. */
export const LEAD_FIELDS = [
  'name',
  'phone',
  'email',
  'status',
  'sourceType',
  'sourceDetail',
  'city',
  'state',
  'college',
  'qualification',
  'graduationYear',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'assignedTo',
  'sessionYear',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];
/** Fields an update node may write (identity and ownership change through their own paths). */
export const UPDATABLE_LEAD_FIELDS = ['status', 'city', 'state', 'college', 'qualification', 'sourceDetail'] as const;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Node ids are 1-64 of [A-Za-z0-9_-]');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day is HH:mm');
/** Minutes east of UTC; the product runs on IST (330). */
const utcOffset = z.number().int().min(-720).max(840).default(330);
const scalar = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

export type Condition =
  | { field: LeadField; op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains'; value: string | number | boolean | null }
  | { field: LeadField; op: 'in' | 'not_in'; value: (string | number)[] }
  | { field: LeadField; op: 'exists' | 'not_exists' }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const leafCondition = z.union([
  z.object({ field: z.enum(LEAD_FIELDS), op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains']), value: scalar }).strict(),
  z.object({ field: z.enum(LEAD_FIELDS), op: z.enum(['in', 'not_in']), value: z.array(z.union([z.string().max(200), z.number()])).min(1).max(100) }).strict(),
  z.object({ field: z.enum(LEAD_FIELDS), op: z.enum(['exists', 'not_exists']) }).strict(),
]);
/** all / any / not over `inner`: conditions nest by building levels, not by recursion, so the
 * OpenAPI document stays finite. Three levels is deeper than any real rule. */
const combine = (inner: z.ZodType<Condition>) =>
  z.union([
    leafCondition,
    z.object({ all: z.array(inner).min(1).max(20) }).strict(),
    z.object({ any: z.array(inner).min(1).max(20) }).strict(),
    z.object({ not: inner }).strict(),
  ]) as z.ZodType<Condition>;
export const ConditionSchema: z.ZodType<Condition> = combine(combine(combine(leafCondition as z.ZodType<Condition>)));

const base = { id, label: z.string().max(120).optional() };
/** Template text may use {{lead.<field>}}. */
const templ = (max: number) => z.string().min(1).max(max);

export const NodeSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('trigger.lead_created') }).strict(),
  z.object({ ...base, type: z.literal('trigger.lead_status_changed'), fromStatus: z.string().max(60).optional(), toStatus: z.string().max(60).optional() }).strict(),
  z.object({ ...base, type: z.literal('trigger.form_submitted'), formId: z.string().max(120).optional() }).strict(),
  z.object({ ...base, type: z.literal('trigger.manual') }).strict(),
  z.object({ ...base, type: z.literal('trigger.bulk') }).strict(),
  z
    .object({ ...base, type: z.literal('action.send_whatsapp'), template: z.string().regex(/^[a-z0-9_]{1,512}$/), languageCode: z.string().max(10).default('en'), params: z.array(templ(1000)).max(10).default([]) })
    .strict(),
  z.object({ ...base, type: z.literal('action.send_email'), subject: templ(200), body: templ(20_000) }).strict(),
  z.object({ ...base, type: z.literal('action.send_sms'), body: templ(2000), dltTemplateId: z.string().max(40).optional() }).strict(),
  z.object({ ...base, type: z.literal('action.assign'), userId: z.uuid() }).strict(),
  z.object({ ...base, type: z.literal('action.update_field'), field: z.enum(UPDATABLE_LEAD_FIELDS), value: z.string().max(200) }).strict(),
  z.object({ ...base, type: z.literal('action.create_follow_up'), inMinutes: z.number().int().min(1).max(60 * 24 * 90), note: z.string().max(1000).optional() }).strict(),
  z.object({ ...base, type: z.literal('action.webhook'), url: z.url({ protocol: /^https?$/ }), headers: z.record(z.string().max(100), z.string().max(1000)).optional() }).strict(),
  z
    .object({ ...base, type: z.literal('delay.duration'), seconds: z.number().int().min(0).optional(), minutes: z.number().int().min(0).optional(), hours: z.number().int().min(0).optional(), days: z.number().int().min(0).optional() })
    .strict()
    .refine((n) => (n.seconds ?? 0) + (n.minutes ?? 0) + (n.hours ?? 0) + (n.days ?? 0) > 0, 'A duration delay needs a positive length'),
  z.object({ ...base, type: z.literal('delay.until_time'), time: hhmm, utcOffsetMinutes: utcOffset }).strict(),
  z
    .object({
      ...base,
      type: z.literal('delay.business_hours'),
      start: hhmm.default('09:00'),
      end: hhmm.default('18:00'),
      /** ISO weekdays, 1 = Monday. */
      days: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]),
      utcOffsetMinutes: utcOffset,
    })
    .strict()
    .refine((n) => n.start < n.end, 'Business hours must start before they end'),
  z.object({ ...base, type: z.literal('condition.if'), condition: ConditionSchema }).strict(),
  z.object({ ...base, type: z.literal('goal'), condition: ConditionSchema }).strict(),
  z.object({ ...base, type: z.literal('end') }).strict(),
]);
export type WorkflowNode = z.infer<typeof NodeSchema>;
export type NodeType = WorkflowNode['type'];

export const EdgeSchema = z
  .object({
    from: id,
    to: id,
    /** Only on edges out of condition.if: which outcome takes this edge. */
    branch: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type WorkflowEdge = z.infer<typeof EdgeSchema>;

export const DefinitionSchema = z
  .object({
    nodes: z.array(NodeSchema).min(2).max(200),
    edges: z.array(EdgeSchema).max(400),
  })
  .strict();
export type WorkflowDefinition = z.infer<typeof DefinitionSchema>;

export const TRIGGER_TYPES = ['trigger.lead_created', 'trigger.lead_status_changed', 'trigger.form_submitted', 'trigger.manual', 'trigger.bulk'] as const;
export const isTrigger = (n: WorkflowNode) => n.type.startsWith('trigger.');
export const isAction = (n: WorkflowNode) => n.type.startsWith('action.');
export const isDelay = (n: WorkflowNode) => n.type.startsWith('delay.');

export interface GraphIssue {
  path: string;
  message: string;
}

/**
 * Whole-graph rules a publishable definition must keep:
 * unique node ids; edges between existing nodes; exactly one trigger, with no edge into it;
 * every node but `end` has exactly one way on (condition.if: one true and one false edge);
 * `end` has none; every node is reachable from the trigger; and every cycle passes a delay,
 * so a loop can never spin without waiting.
 */
export function validateGraph(def: WorkflowDefinition): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const byId = new Map<string, WorkflowNode>();
  def.nodes.forEach((n, i) => {
    if (byId.has(n.id)) issues.push({ path: `nodes.${i}.id`, message: `Duplicate node id "${n.id}"` });
    byId.set(n.id, n);
  });
  const out = new Map<string, WorkflowEdge[]>();
  def.edges.forEach((e, i) => {
    if (!byId.has(e.from)) issues.push({ path: `edges.${i}.from`, message: `No node "${e.from}"` });
    if (!byId.has(e.to)) issues.push({ path: `edges.${i}.to`, message: `No node "${e.to}"` });
    const list = out.get(e.from) ?? [];
    list.push(e);
    out.set(e.from, list);
  });
  const triggers = def.nodes.filter(isTrigger);
  if (triggers.length !== 1) issues.push({ path: 'nodes', message: `A workflow has exactly one trigger node (found ${triggers.length})` });
  def.edges.forEach((e, i) => {
    const to = byId.get(e.to);
    if (to && isTrigger(to)) issues.push({ path: `edges.${i}.to`, message: 'No edge may lead into the trigger' });
  });
  def.nodes.forEach((n, i) => {
    const edges = out.get(n.id) ?? [];
    const at = `nodes.${i}`;
    if (n.type === 'end') {
      if (edges.length) issues.push({ path: at, message: `End node "${n.id}" has outgoing edges` });
    } else if (n.type === 'condition.if') {
      const t = edges.filter((e) => e.branch === 'true').length;
      const f = edges.filter((e) => e.branch === 'false').length;
      if (t !== 1 || f !== 1 || edges.length !== 2) issues.push({ path: at, message: `Condition "${n.id}" needs exactly one "true" and one "false" edge` });
    } else {
      if (edges.length !== 1) issues.push({ path: at, message: `Node "${n.id}" needs exactly one outgoing edge (has ${edges.length})` });
      if (edges.some((e) => e.branch)) issues.push({ path: at, message: `Only condition nodes have branch edges ("${n.id}")` });
    }
  });
  if (issues.length || !triggers[0]) return issues;

  const seen = new Set<string>([triggers[0].id]);
  const queue = [triggers[0].id];
  while (queue.length) {
    for (const e of out.get(queue.shift()!) ?? []) {
      if (seen.has(e.to)) continue;
      seen.add(e.to);
      queue.push(e.to);
    }
  }
  def.nodes.forEach((n, i) => {
    if (!seen.has(n.id)) issues.push({ path: `nodes.${i}`, message: `Node "${n.id}" cannot be reached from the trigger` });
  });

  // A cycle with no delay would run its actions in a tight loop: find one by DFS over the
  // graph with the delay nodes removed.
  const state = new Map<string, 1 | 2>();
  const visit = (nodeId: string): boolean => {
    state.set(nodeId, 1);
    for (const e of out.get(nodeId) ?? []) {
      const to = byId.get(e.to)!;
      if (isDelay(to)) continue;
      const s = state.get(e.to);
      if (s === 1 || (s === undefined && visit(e.to))) return true;
    }
    state.set(nodeId, 2);
    return false;
  };
  for (const n of def.nodes) {
    if (!isDelay(n) && state.get(n.id) === undefined && visit(n.id)) {
      issues.push({ path: 'edges', message: `A loop through "${n.id}" has no delay node` });
      break;
    }
  }
  return issues;
}

/** The trigger node's type as the CrmWorkflow.triggerType column spells it. */
export function triggerColumn(def: WorkflowDefinition): 'LEAD_CREATED' | 'LEAD_STATUS_CHANGED' | 'MANUAL' {
  const t = def.nodes.find(isTrigger)?.type;
  // A form submission is a lead capture from a form: indexed with the captures, told apart
  // by the trigger node.
  if (t === 'trigger.lead_created' || t === 'trigger.form_submitted') return 'LEAD_CREATED';
  if (t === 'trigger.lead_status_changed') return 'LEAD_STATUS_CHANGED';
  return 'MANUAL';
}
