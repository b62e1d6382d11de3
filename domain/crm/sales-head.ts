// Sales-head profile rules (mas_crm.sales_head_profiles): the knobs a head's team works under.
// A team member's open leads (not converted, lost or invalid) may not exceed the head's
// maxOpenLeadsPerSalesperson; claims need the head's approval only when the profile says so;
// automatic routing (assignment rules) hands leads to the team's round robin only while
// autoAssignEnabled. No profile: the column defaults (no cap, no approval, auto-assign on).

/** Lead statuses that no longer count against the cap (the round robin's pool query uses the same list). */
export const CLOSED_LEAD_STATUSES = ['converted', 'lost', 'invalid'] as const;

export interface SalesHeadRules {
  autoAssignEnabled: boolean;
  requiresAssignmentApproval: boolean;
  maxOpenLeadsPerSalesperson: number | null;
}

export const DEFAULT_SALES_HEAD_RULES: SalesHeadRules = { autoAssignEnabled: true, requiresAssignmentApproval: false, maxOpenLeadsPerSalesperson: null };

/** How many more open leads a member may take under `cap` (Infinity without one). */
export const capacityLeft = (cap: number | null, open: number) => (cap === null ? Number.POSITIVE_INFINITY : Math.max(0, cap - open));

export const MAX_OPEN_LEADS_CAP = 100_000;
