// The CRM engine's pure parts: definition shapes, whole-graph rules, conditions, delay lengths
// (fixed, time of day, business hours at an offset), templates and the dry run.
import { describe, expect, it } from 'vitest';
import { DefinitionSchema, triggerColumn, validateGraph, type WorkflowDefinition } from '../../domain/crm-engine/definition.js';
import { delayMs, dryRun, evaluate, nextNodeId, renderTemplate } from '../../domain/crm-engine/graph.js';

const def = (nodes: unknown[], edges: unknown[]) => DefinitionSchema.parse({ nodes, edges });
const IST = 330;
/** A UTC instant given as IST wall-clock time. */
const ist = (isoLocal: string) => Date.parse(`${isoLocal}+05:30`);

describe('definition schema', () => {
  it('rejects unknown node types, extra fields and bad shapes', () => {
    expect(DefinitionSchema.safeParse({ nodes: [{ id: 't', type: 'trigger.sometimes' }, { id: 'e', type: 'end' }], edges: [] }).success).toBe(false);
    expect(DefinitionSchema.safeParse({ nodes: [{ id: 't', type: 'trigger.manual', extra: 1 }, { id: 'e', type: 'end' }], edges: [] }).success).toBe(false);
    expect(DefinitionSchema.safeParse({ nodes: [{ id: 't', type: 'trigger.manual' }, { id: 'd', type: 'delay.duration' }], edges: [] }).success).toBe(false);
    expect(DefinitionSchema.safeParse({ nodes: [{ id: 't', type: 'trigger.manual' }, { id: 'd', type: 'delay.until_time', time: '25:00' }], edges: [] }).success).toBe(false);
    expect(DefinitionSchema.safeParse({ nodes: [{ id: 't', type: 'trigger.manual' }, { id: 'w', type: 'action.webhook', url: 'ftp://x' }], edges: [] }).success).toBe(false);
  });

  it('fills defaults and maps the trigger to the indexed column', () => {
    const d = def([{ id: 't', type: 'trigger.form_submitted' }, { id: 'b', type: 'delay.business_hours' }, { id: 'e', type: 'end' }], [{ from: 't', to: 'b' }, { from: 'b', to: 'e' }]);
    expect(d.nodes[1]).toMatchObject({ start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5], utcOffsetMinutes: IST });
    expect(triggerColumn(d)).toBe('LEAD_CREATED');
    expect(triggerColumn(def([{ id: 't', type: 'trigger.bulk' }, { id: 'e', type: 'end' }], [{ from: 't', to: 'e' }]))).toBe('MANUAL');
  });
});

describe('validateGraph', () => {
  const ok = def([{ id: 't', type: 'trigger.manual' }, { id: 'e', type: 'end' }], [{ from: 't', to: 'e' }]);
  const messages = (d: WorkflowDefinition) => validateGraph(d).map((i) => i.message);

  it('accepts a minimal graph and a loop that waits', () => {
    expect(validateGraph(ok)).toEqual([]);
    const loop = def(
      [{ id: 't', type: 'trigger.manual' }, { id: 'w', type: 'delay.duration', minutes: 5 }, { id: 'g', type: 'goal', condition: { field: 'status', op: 'eq', value: 'interested' } }],
      [{ from: 't', to: 'w' }, { from: 'w', to: 'g' }, { from: 'g', to: 'w' }],
    );
    expect(validateGraph(loop)).toEqual([]);
  });

  it('names each problem', () => {
    expect(messages(def([{ id: 't', type: 'trigger.manual' }, { id: 't', type: 'end' }], [{ from: 't', to: 't' }]))).toContain('Duplicate node id "t"');
    expect(messages(def([{ id: 'a', type: 'end' }, { id: 'b', type: 'end' }], []))).toContain('A workflow has exactly one trigger node (found 0)');
    expect(messages(def([{ id: 't', type: 'trigger.manual' }, { id: 'e', type: 'end' }], [{ from: 't', to: 'x' }]))).toContain('No node "x"');
    expect(messages(def([{ id: 't', type: 'trigger.manual' }, { id: 'e', type: 'end' }, { id: 'o', type: 'end' }], [{ from: 't', to: 'e' }]))).toContain('Node "o" cannot be reached from the trigger');
    const branchless = def(
      [{ id: 't', type: 'trigger.manual' }, { id: 'c', type: 'condition.if', condition: { field: 'city', op: 'exists' } }, { id: 'e', type: 'end' }],
      [{ from: 't', to: 'c' }, { from: 'c', to: 'e' }],
    );
    expect(messages(branchless)).toContain('Condition "c" needs exactly one "true" and one "false" edge');
    const spin = def(
      [{ id: 't', type: 'trigger.manual' }, { id: 'a', type: 'action.update_field', field: 'city', value: 'X' }, { id: 'g', type: 'goal', condition: { field: 'city', op: 'eq', value: 'Y' } }],
      [{ from: 't', to: 'a' }, { from: 'a', to: 'g' }, { from: 'g', to: 'a' }],
    );
    expect(messages(spin).some((m) => m.includes('has no delay'))).toBe(true);
  });
});

describe('conditions and templates', () => {
  const lead = { name: 'Asha', city: 'Pune', graduationYear: 2024, status: 'new', email: null };
  it('evaluates leaf operators case-insensitively and combinators', () => {
    expect(evaluate({ field: 'city', op: 'eq', value: 'pune' }, lead)).toBe(true);
    expect(evaluate({ field: 'city', op: 'in', value: ['Delhi', 'PUNE'] }, lead)).toBe(true);
    expect(evaluate({ field: 'email', op: 'exists' }, lead)).toBe(false);
    expect(evaluate({ field: 'graduationYear', op: 'gte', value: 2024 }, lead)).toBe(true);
    expect(evaluate({ field: 'graduationYear', op: 'lt', value: '2020' }, lead)).toBe(false);
    expect(evaluate({ all: [{ field: 'status', op: 'eq', value: 'new' }, { not: { field: 'city', op: 'contains', value: 'mum' } }] }, lead)).toBe(true);
    expect(evaluate({ any: [{ field: 'email', op: 'exists' }, { field: 'name', op: 'neq', value: 'Asha' }] }, lead)).toBe(false);
  });
  it('renders {{lead.field}}, empty for missing', () => {
    expect(renderTemplate('Hi {{lead.name}} from {{ lead.city }}{{lead.email}}!', lead)).toBe('Hi Asha from Pune!');
  });
});

describe('delays', () => {
  const node = (n: Record<string, unknown>) => def([{ id: 't', type: 'trigger.manual' }, { id: 'd', ...n }], [{ from: 't', to: 'd' }]).nodes[1]!;
  it('fixed durations add up', () => {
    expect(delayMs(node({ type: 'delay.duration', days: 1, hours: 2, minutes: 3, seconds: 4 }), 0)).toBe(((24 + 2) * 3600 + 3 * 60 + 4) * 1000);
  });
  it('until a time of day: later today, or tomorrow when already past (IST)', () => {
    const until10 = node({ type: 'delay.until_time', time: '10:00' });
    expect(delayMs(until10, ist('2026-11-26T08:30:00'))).toBe(90 * 60_000);
    expect(delayMs(until10, ist('2026-11-26T10:00:00'))).toBe(24 * 3600_000);
    expect(delayMs(until10, ist('2026-11-26T23:00:00'))).toBe(11 * 3600_000);
  });
  it('business hours: zero inside, else the next opening on a business day', () => {
    const bh = node({ type: 'delay.business_hours' });
    // Thursday 2026-11-26
    expect(delayMs(bh, ist('2026-11-26T11:00:00'))).toBe(0);
    expect(delayMs(bh, ist('2026-11-26T07:00:00'))).toBe(2 * 3600_000);
    expect(delayMs(bh, ist('2026-11-26T19:00:00'))).toBe(14 * 3600_000); // Friday 09:00
    // Friday evening → Monday 09:00
    expect(delayMs(bh, ist('2026-11-27T18:30:00'))).toBe((2 * 24 + 14.5) * 3600_000);
    expect(delayMs(bh, ist('2026-11-28T12:00:00'))).toBe((24 + 21) * 3600_000); // Saturday noon → Monday 09:00
  });
});

describe('dry run', () => {
  it('follows branches, applies field updates to the sample, and stops a waiting loop at the step limit', () => {
    const d = def(
      [
        { id: 't', type: 'trigger.manual' },
        { id: 'set', type: 'action.update_field', field: 'status', value: 'contacted' },
        { id: 'c', type: 'condition.if', condition: { field: 'status', op: 'eq', value: 'contacted' } },
        { id: 'w', type: 'delay.duration', hours: 1 },
        { id: 'e', type: 'end' },
      ],
      [{ from: 't', to: 'set' }, { from: 'set', to: 'c' }, { from: 'c', to: 'w', branch: 'true' }, { from: 'c', to: 'e', branch: 'false' }, { from: 'w', to: 'c' }],
    );
    expect(nextNodeId(d, 'c', false)).toBe('e');
    const r = dryRun(d, { status: 'new' }, 0, 9);
    expect(r.endedBy).toBe('step_limit');
    expect(r.steps.slice(0, 4).map((s) => s.nodeId)).toEqual(['t', 'set', 'c', 'w']);
    expect(r.steps[2]!.outcome).toBe(true);
    expect(r.totalWaitMs).toBe(3 * 3600_000);
  });
});
