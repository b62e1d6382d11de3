// A program batch's lead pool (batch_lead_assignments): weighted round robin with daily caps.
// Smooth weighted round robin: every pick adds each member's weight to its credit and takes
// the member with the most (ties: assigned longest ago, then id), which then pays the pool's
// total weight. Over any run a member gets leads in proportion to its weight, interleaved
// rather than in blocks; a member at its daily cap leaves the rotation.

export interface BatchPoolMember {
  userId: string;
  weight: number;
  /** Leads the member may still take today; null = no cap. */
  remainingToday: number | null;
  lastAssignedAt: Date | null;
}

/** The assignee of each of up to `n` leads, in order; shorter when every member is capped. */
export function weightedPicks(members: readonly BatchPoolMember[], n: number): string[] {
  const live = members
    .filter((m) => m.weight > 0 && (m.remainingToday === null || m.remainingToday > 0))
    .map((m) => ({ ...m, credit: 0, left: m.remainingToday }))
    .sort((a, b) => (a.lastAssignedAt?.getTime() ?? -Infinity) - (b.lastAssignedAt?.getTime() ?? -Infinity) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const picks: string[] = [];
  while (picks.length < n) {
    const open = live.filter((m) => m.left === null || m.left > 0);
    if (!open.length) break;
    const total = open.reduce((s, m) => s + m.weight, 0);
    let best = open[0]!;
    for (const m of open) {
      m.credit += m.weight;
      if (m.credit > best.credit) best = m;
    }
    best.credit -= total;
    if (best.left !== null) best.left -= 1;
    picks.push(best.userId);
  }
  return picks;
}
