// Changing a lead's status and details: the one path for PATCH /api/crm/leads/:id and the CRM
// engine's update_field action. One transaction locks the lead, validates each value with the
// capture rules, checks a status change against the lead lifecycle, and writes the lead, its
// activity rows and the trigger outbox; LEAD_STATUS_CHANGED is dispatched after the commit.
import { z } from '@hono/zod-openapi';
import { rawLeadLifecycle } from '../../domain/raw-lead/status.js';
import { DomainError } from '../../domain/errors.js';
import { type Prisma, RawLeadStatus, type RawLead } from '../../prisma/generated/client.js';
import { emitLeadEvents, recordLeadEvents, type LeadEvent, type TriggerDeps } from '../crm-engine/triggers.js';
import type { AuthContext } from '../deps.js';
import { leadContactShape } from './lead-input.js';
import { visibleLeadsWhere } from './lead-view.js';

/** The fields this path may write, with the capture's own rules; null clears a field. */
export const leadFieldRules = {
  status: z.enum(RawLeadStatus),
  name: leadContactShape.name,
  city: leadContactShape.city.unwrap().nullable(),
  state: leadContactShape.state.unwrap().nullable(),
  college: leadContactShape.college.unwrap().nullable(),
  qualification: leadContactShape.qualification.unwrap().nullable(),
  graduationYear: leadContactShape.graduationYear.unwrap().nullable(),
  sourceDetail: leadContactShape.sourceDetail.unwrap().nullable(),
};
export type LeadFieldName = keyof typeof leadFieldRules;

const LeadFieldChanges = z
  .object(Object.fromEntries(Object.entries(leadFieldRules).map(([k, rule]) => [k, rule.optional()])) as { [K in LeadFieldName]: z.ZodOptional<(typeof leadFieldRules)[K]> })
  .strict();
type Changes = z.infer<typeof LeadFieldChanges>;

/** Who changes the lead: a staff user (only a lead they may see), or a CRM workflow node. */
export type LeadFieldActor = { kind: 'user'; auth: AuthContext } | { kind: 'workflow'; enrollmentId: string; nodeId: string };

export interface LeadFieldsUpdate {
  leadId: string;
  /** Field → new value; unknown fields and bad values are refused (VALIDATION_FAILED). */
  changes: Record<string, unknown>;
  /** Why; kept in the activity rows. */
  note?: string | undefined;
  actor: LeadFieldActor;
}

export interface LeadFieldsResult {
  before: RawLead;
  after: RawLead;
  /** The fields whose value actually changed (empty: nothing written). */
  changed: LeadFieldName[];
}

function parseChanges(raw: Record<string, unknown>, actor: LeadFieldActor): Changes {
  const parsed = LeadFieldChanges.safeParse(raw);
  if (parsed.success) return parsed.data;
  const prefix = actor.kind === 'user' ? 'json.' : '';
  const errors = parsed.error.issues.map((i) => ({
    path: `${prefix}${i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(',') : '(root)')}`,
    message: i.code === 'unrecognized_keys' ? `Not a field that can be changed here: ${i.keys.join(', ')}` : i.message,
  }));
  throw new DomainError('VALIDATION_FAILED', `Invalid lead field change: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
}

export async function updateLeadFields(deps: TriggerDeps, input: LeadFieldsUpdate): Promise<LeadFieldsResult> {
  const changes = parseChanges(input.changes, input.actor);
  const { actor, leadId: id, note } = input;
  const performedBy = actor.kind === 'user' ? actor.auth.userId : null;
  const via = actor.kind === 'workflow' ? { enrollmentId: actor.enrollmentId, nodeId: actor.nodeId } : {};
  const extra = { ...(note ? { note } : {}), ...via };

  const result = await deps.db.$transaction(async (tx) => {
    // Locked before it is read, so the lifecycle check and the logged "from" see the latest status.
    await tx.$queryRaw`SELECT 1 FROM "mas_crm"."raw_leads" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const current = await tx.rawLead.findFirst({ where: { AND: [{ id }, actor.kind === 'user' ? visibleLeadsWhere(actor.auth) : {}] } });
    if (!current) throw new DomainError('NOT_FOUND', 'No such lead');
    const changed = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && current[k as LeadFieldName] !== v)) as Changes;
    const names = Object.keys(changed) as LeadFieldName[];
    if (!names.length) return { before: current, after: current, changed: names, events: [] as LeadEvent[] };
    const { status, ...fields } = changed;
    if (status !== undefined) rawLeadLifecycle.assertTransition(current.status, status);
    const after = await tx.rawLead.update({ where: { id }, data: changed });
    const events: LeadEvent[] = [];
    if (status !== undefined) {
      events.push({ type: 'LEAD_STATUS_CHANGED', leadId: id, platform: current.platform, fromStatus: current.status, toStatus: status });
      await recordLeadEvents(tx, events);
      await tx.leadActivityLog.create({
        data: { rawLeadId: id, performedBy, activityType: 'status_changed', description: `Status ${current.status} → ${status}`, metadata: { from: current.status, to: status, ...extra } },
      });
    }
    if (Object.keys(fields).length) {
      const from = Object.fromEntries(Object.keys(fields).map((k) => [k, current[k as LeadFieldName] ?? null]));
      await tx.leadActivityLog.create({
        data: { rawLeadId: id, performedBy, activityType: 'updated', description: `Updated ${Object.keys(fields).join(', ')}`, metadata: { from, to: fields, ...extra } as Prisma.InputJsonValue },
      });
    }
    return { before: current, after, changed: names, events };
  });
  await emitLeadEvents(deps, result.events);
  return { before: result.before, after: result.after, changed: result.changed };
}
