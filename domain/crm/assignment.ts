// Lead assignment, the pure parts: the rotation order of a round robin and the rules that
// route a lead to a salesperson or a team. The api applies them under row and team locks.
import { z } from 'zod';

/** raw_leads.source_type values (mirrors the Prisma enum RawLeadSourceType; a test checks). */
export const LEAD_SOURCE_TYPES = ['vendor', 'import', 'webinar', 'manual', 'website', 'campaign'] as const;

export const ASSIGNMENT_STRATEGIES = ['manual', 'round-robin', 'rules'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

// ---------------------------------------------------------------------------------------------
// Round robin: least recently assigned first.

export interface PoolMember {
  userId: string;
  /** When the member last received a lead (any method), or null when never. */
  lastAssignedAt: Date | null;
  /** Leads the member holds that are still open (not converted, lost or invalid). */
  openLeads?: number;
}

export interface RoundRobinPick {
  userId: string;
  /** The assignment time to record: strictly increasing across picks and across calls. */
  at: Date;
}

/**
 * Hands out the pool in turn, least recently assigned first (never-assigned first, ties by id).
 * Each pick gets a timestamp 1 ms after the previous one and after every member's last
 * assignment, so the next call, which reads those timestamps back, continues the rotation
 * exactly where this one stopped — even when many picks share one transaction (where the
 * database clock would give them all the same now()).
 */
export function roundRobin(pool: readonly PoolMember[], now: Date, cap: number | null = null): () => RoundRobinPick | null {
  if (pool.length === 0) throw new Error('round robin over an empty pool');
  const order = [...pool].sort((a, b) => {
    const ta = a.lastAssignedAt?.getTime() ?? -Infinity;
    const tb = b.lastAssignedAt?.getTime() ?? -Infinity;
    return ta !== tb ? ta - tb : a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
  });
  const open = order.map((m) => m.openLeads ?? 0);
  const latest = Math.max(...pool.map((m) => m.lastAssignedAt?.getTime() ?? -Infinity));
  let clock = Math.max(now.getTime(), latest + 1) - 1;
  let i = 0;
  // With a cap (the team's maxOpenLeadsPerSalesperson), members at it are skipped; when all
  // are, the picker answers null and the lead stays where it is.
  return () => {
    for (let tried = 0; tried < order.length; tried++) {
      const k = i % order.length;
      i += 1;
      if (cap !== null && open[k]! >= cap) continue;
      open[k]! += 1;
      clock += 1;
      return { userId: order[k]!.userId, at: new Date(clock) };
    }
    return null;
  };
}

// ---------------------------------------------------------------------------------------------
// Rules: stored in system config `crm.assignmentRules`, evaluated in priority order.

const values = z.array(z.string().trim().min(1).max(200)).min(1).max(100);

export const AssignmentRuleSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Lower runs first; ties keep their order in the list. */
    priority: z.number().int().min(0).max(100_000),
    /** Every criterion given must hold; within one, any of the values (case-insensitive). */
    match: z
      .object({
        sourceType: z.array(z.enum(LEAD_SOURCE_TYPES)).min(1).optional(),
        platform: values.optional(),
        city: values.optional(),
        state: values.optional(),
        utmSource: values.optional(),
        utmMedium: values.optional(),
        utmCampaign: values.optional(),
        sourceDetail: values.optional(),
      })
      .strict(),
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('user'), userId: z.uuid() }).strict(),
      z.object({ kind: z.literal('round-robin'), salesHeadId: z.uuid() }).strict(),
    ]),
  })
  .strict();
export type AssignmentRule = z.infer<typeof AssignmentRuleSchema>;
export type AssignmentTarget = AssignmentRule['target'];

export const AssignmentRulesSchema = z.array(AssignmentRuleSchema).max(200);

/** The lead fields rules look at. */
export interface RoutableLead {
  sourceType: string;
  platform: string;
  city: string | null;
  state: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  sourceDetail: string | null;
}

const fold = (s: string) => s.trim().toLowerCase();

function holds(allowed: readonly string[] | undefined, actual: string | null): boolean {
  if (allowed === undefined) return true;
  if (actual === null) return false;
  const a = fold(actual);
  return allowed.some((v) => fold(v) === a);
}

export function ruleMatches(rule: AssignmentRule, lead: RoutableLead): boolean {
  const m = rule.match;
  return (
    holds(m.sourceType, lead.sourceType) &&
    holds(m.platform, lead.platform) &&
    holds(m.city, lead.city) &&
    holds(m.state, lead.state) &&
    holds(m.utmSource, lead.utmSource) &&
    holds(m.utmMedium, lead.utmMedium) &&
    holds(m.utmCampaign, lead.utmCampaign) &&
    holds(m.sourceDetail, lead.sourceDetail)
  );
}

/** The first rule, in priority order, that matches the lead; null when none does. */
export function firstMatchingRule(rules: readonly AssignmentRule[], lead: RoutableLead): AssignmentRule | null {
  const ordered = rules.map((rule, index) => ({ rule, index })).sort((a, b) => a.rule.priority - b.rule.priority || a.index - b.index);
  return ordered.find(({ rule }) => ruleMatches(rule, lead))?.rule ?? null;
}
