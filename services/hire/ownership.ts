// Recruiter-owned setup rows (screening defaults, templates, accounts): an ADMIN reaches their
// own, a SUPERADMIN everyone's. A row outside that is a 404, like a job outside the scope.
import type { AuthContext } from '../deps.js';

export const ownerWhere = (actor: AuthContext, field = 'userId'): Record<string, string> => (actor.role === 'SUPERADMIN' ? {} : { [field]: actor.userId });
export const canReach = (actor: AuthContext, ownerId: string | null): boolean => actor.role === 'SUPERADMIN' || ownerId === actor.userId;
