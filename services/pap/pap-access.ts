// Who counts as staff for PAP agreements: they read every agreement, review and approve.
export { isStaff as isStaffRole } from '../../domain/auth/roles.js';
