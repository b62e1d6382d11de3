// The user as every route shows it (never the password): the select and the row → view mapping.
import type { Role } from '../../domain/auth/roles.js';

export const publicUserSelect = { id: true, email: true, name: true, phone: true, role: true, stage: true, platform: true, isActive: true, createdAt: true } as const;

export interface PublicUserView {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  role: Role;
  stage: 'SIGNUP' | 'ONBOARDING' | 'ACTIVE';
  platform: string | null;
  isActive: boolean;
  createdAt: string;
}

export function toPublicUser(u: { createdAt: Date } & Omit<PublicUserView, 'createdAt'>): PublicUserView {
  return { ...u, createdAt: u.createdAt.toISOString() };
}
