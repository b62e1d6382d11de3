// Who may see and assign CRM leads. A salesperson works the leads assigned to them; a sales
// head (someone whose team members have salesHeadId = them) also sees the team's leads and
// the leads they own; admins see every lead.
import type { Role } from '../auth/roles.js';

export const CRM_ROLES: readonly Role[] = ['SALES', 'ADMIN', 'SUPERADMIN'];

export const seesAllLeads = (role: Role) => role === 'ADMIN' || role === 'SUPERADMIN';

export interface Assignee {
  id: string;
  role: Role;
  isActive: boolean;
  salesHeadId: string | null;
}

export type AssignmentRefusal =
  /** 422: only an active SALES user can work a lead. */
  | { code: 'UNPROCESSABLE'; detail: string }
  /** 403: a salesperson assigns only within their own team. */
  | { code: 'FORBIDDEN'; detail: string };

/** Why `actor` may not hand a lead to `assignee`, or null when they may. */
export function assignmentRefusal(actor: { userId: string; role: Role }, assignee: Assignee | null): AssignmentRefusal | null {
  if (!assignee) return { code: 'UNPROCESSABLE', detail: 'No such user to assign to' };
  if (assignee.role !== 'SALES') return { code: 'UNPROCESSABLE', detail: 'Leads can only be assigned to SALES users' };
  if (!assignee.isActive) return { code: 'UNPROCESSABLE', detail: 'That user is deactivated' };
  if (seesAllLeads(actor.role)) return null;
  if (assignee.salesHeadId !== actor.userId) return { code: 'FORBIDDEN', detail: 'Only the sales head of that user, or an admin, can assign to them' };
  return null;
}

/** Scopes a vendor API key can carry; ingesting leads needs `leads:write`. */
export const VENDOR_SCOPES = ['leads:write', 'leads:read'] as const;
export type VendorScope = (typeof VENDOR_SCOPES)[number];
export const LEAD_WRITE_SCOPE: VendorScope = 'leads:write';
