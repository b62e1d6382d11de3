// Roles (seed: User.role). Every route declares which of them it allows.
export const ROLES = ['USER', 'EXPERT', 'ADMIN', 'SUPERADMIN', 'SALES'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF: readonly Role[] = ['ADMIN', 'SUPERADMIN'];
export const EVERYONE: readonly Role[] = ROLES;
/** ADMIN or SUPERADMIN: sees and acts on every user's rows. */
export const isStaff = (role: Role) => STAFF.includes(role);

/** Roles an actor may grant: only a SUPERADMIN makes ADMINs or SUPERADMINs. */
export function canGrantRole(actor: Role, target: Role): boolean {
  if (actor === 'SUPERADMIN') return true;
  return actor === 'ADMIN' && target !== 'SUPERADMIN' && target !== 'ADMIN';
}
