// Who counts as staff for PAP agreements: they read every agreement, review and approve.
import { STAFF, type Role } from '../../domain/auth/roles.js';

export const isStaffRole = (role: Role) => STAFF.includes(role);
