// Pure graph runtime shared by the enrollment workflow (deterministic: no I/O, time passed in)
// and the dry run: where to go next, conditions over lead fields, delay lengths, templates.
import type { Condition, LeadField, WorkflowDefinition, WorkflowNode } from './definition.js';

export type LeadSnapshot = Partial<Record<LeadField, string | number | boolean | null>>;

export function triggerNode(def: WorkflowDefinition): WorkflowNode {
  const t = def.nodes.find((n) => n.type.startsWith('trigger.'));
  if (!t) throw new Error('definition has no trigger');
  return t;
}

export function nodeById(def: WorkflowDefinition, id: string): WorkflowNode {
  const n = def.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`definition has no node "${id}"`);
  return n;
}

/** The node after `nodeId`; `branch` picks the edge out of a condition. Null after `end`. */
export function nextNodeId(def: WorkflowDefinition, nodeId: string, branch?: boolean): string | null {
  const edges = def.edges.filter((e) => e.from === nodeId);
  if (branch === undefined) return edges[0]?.to ?? null;
  return edges.find((e) => e.branch === String(branch))?.to ?? null;
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

export function evaluate(cond: Condition, lead: LeadSnapshot): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluate(c, lead));
  if ('any' in cond) return cond.any.some((c) => evaluate(c, lead));
  if ('not' in cond) return !evaluate(cond.not, lead);
  const v = lead[cond.field];
  switch (cond.op) {
    case 'exists':
      return present(v);
    case 'not_exists':
      return !present(v);
    case 'eq':
      return looseEq(v, cond.value);
    case 'neq':
      return !looseEq(v, cond.value);
    case 'in':
      return cond.value.some((x) => looseEq(v, x));
    case 'not_in':
      return !cond.value.some((x) => looseEq(v, x));
    case 'contains':
      return typeof v === 'string' && typeof cond.value === 'string' && v.toLowerCase().includes(cond.value.toLowerCase());
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const a = Number(v);
      const b = Number(cond.value);
      if (!present(v) || Number.isNaN(a) || Number.isNaN(b)) return false;
      return cond.op === 'gt' ? a > b : cond.op === 'gte' ? a >= b : cond.op === 'lt' ? a < b : a <= b;
    }
  }
}

function looseEq(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'number' || typeof b === 'number') return a !== null && b !== null && Number(a) === Number(b);
  return a === b;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** How long a delay node waits from `nowMs` (0 when it need not wait). */
export function delayMs(node: WorkflowNode, nowMs: number): number {
  if (node.type === 'delay.duration') {
    return ((node.days ?? 0) * 86_400 + (node.hours ?? 0) * 3_600 + (node.minutes ?? 0) * 60 + (node.seconds ?? 0)) * 1000;
  }
  if (node.type === 'delay.until_time') {
    // Next occurrence of the wall-clock time at that UTC offset (tomorrow if already past).
    const local = nowMs + node.utcOffsetMinutes * MINUTE;
    const dayStart = Math.floor(local / DAY) * DAY;
    let target = dayStart + minutesOf(node.time) * MINUTE;
    if (target <= local) target += DAY;
    return target - local;
  }
  if (node.type === 'delay.business_hours') {
    // Zero inside business hours; otherwise until the next opening on a business day.
    const local = nowMs + node.utcOffsetMinutes * MINUTE;
    const open = minutesOf(node.start) * MINUTE;
    const close = minutesOf(node.end) * MINUTE;
    for (let d = 0; d < 8; d++) {
      const dayStart = Math.floor(local / DAY) * DAY + d * DAY;
      const isoDay = ((Math.floor(dayStart / DAY) + 3) % 7) + 1; // 1970-01-01 was a Thursday (4)
      if (!node.days.includes(isoDay)) continue;
      if (d === 0 && local >= dayStart + open && local < dayStart + close) return 0;
      if (dayStart + open > local) return dayStart + open - local;
    }
    return 0;
  }
  return 0;
}

/** Fills {{lead.<field>}} from the snapshot; unknown or empty fields become "". */
export function renderTemplate(text: string, lead: LeadSnapshot): string {
  return text.replace(/\{\{\s*lead\.([A-Za-z]+)\s*\}\}/g, (_, f: string) => {
    const v = lead[f as LeadField];
    return v === undefined || v === null ? '' : String(v);
  });
}

export interface DryRunStep {
  nodeId: string;
  type: WorkflowNode['type'];
  /** What the node would do, with templates rendered against the sample lead. */
  would: string;
  /** For conditions and goals: the outcome on the sample. */
  outcome?: boolean;
  /** For delays: the wait, from the simulated clock. */
  waitMs?: number;
}

export interface DryRunResult {
  steps: DryRunStep[];
  endedBy: 'end' | 'goal' | 'step_limit';
  /** Simulated time the path takes, counting delays. */
  totalWaitMs: number;
}

/**
 * The path an enrollment of `lead` would take, sending nothing. Action nodes that change the
 * lead (update_field, assign) are applied to the sample so later conditions see them.
 */
export function dryRun(def: WorkflowDefinition, sample: LeadSnapshot, nowMs: number, maxSteps = 100): DryRunResult {
  const lead: LeadSnapshot = { ...sample };
  const steps: DryRunStep[] = [];
  let clock = nowMs;
  let at: string | null = triggerNode(def).id;
  while (at !== null) {
    if (steps.length >= maxSteps) return { steps, endedBy: 'step_limit', totalWaitMs: clock - nowMs };
    const node = nodeById(def, at);
    const step: DryRunStep = { nodeId: node.id, type: node.type, would: describe(node, lead) };
    steps.push(step);
    if (node.type === 'end') return { steps, endedBy: 'end', totalWaitMs: clock - nowMs };
    if (node.type === 'goal') {
      step.outcome = evaluate(node.condition, lead);
      if (step.outcome) return { steps, endedBy: 'goal', totalWaitMs: clock - nowMs };
      at = nextNodeId(def, node.id);
      continue;
    }
    if (node.type === 'condition.if') {
      step.outcome = evaluate(node.condition, lead);
      at = nextNodeId(def, node.id, step.outcome);
      continue;
    }
    if (node.type.startsWith('delay.')) {
      step.waitMs = delayMs(node, clock);
      clock += step.waitMs;
    }
    if (node.type === 'action.update_field') lead[node.field] = node.value;
    if (node.type === 'action.assign') lead.assignedTo = node.userId;
    at = nextNodeId(def, node.id);
  }
  return { steps, endedBy: 'end', totalWaitMs: clock - nowMs };
}

export function describe(node: WorkflowNode, lead: LeadSnapshot): string {
  switch (node.type) {
    case 'action.send_whatsapp':
      return `WhatsApp template "${node.template}" to ${lead.phone ?? '(no phone)'} with [${node.params.map((p) => renderTemplate(p, lead)).join(', ')}]`;
    case 'action.send_email':
      return `Email "${renderTemplate(node.subject, lead)}" to ${lead.email ?? '(no email)'}`;
    case 'action.send_sms':
      return `SMS "${renderTemplate(node.body, lead).slice(0, 80)}" to ${lead.phone ?? '(no phone)'}`;
    case 'action.assign':
      return `Assign to user ${node.userId}`;
    case 'action.update_field':
      return `Set ${node.field} = "${node.value}"`;
    case 'action.create_follow_up':
      return `Create a follow-up due in ${node.inMinutes} min`;
    case 'action.webhook':
      return `POST the enrollment to ${node.url}`;
    case 'delay.duration':
      return 'Wait a fixed time';
    case 'delay.until_time':
      return `Wait until ${node.time} (UTC${node.utcOffsetMinutes >= 0 ? '+' : '-'}${Math.abs(node.utcOffsetMinutes)} min)`;
    case 'delay.business_hours':
      return `Wait for business hours ${node.start}-${node.end}`;
    case 'condition.if':
      return 'Branch on the lead';
    case 'goal':
      return 'Exit if the goal holds';
    case 'end':
      return 'End';
    default:
      return `Start (${node.type})`;
  }
}
