// Warning escalation: a student's warnings escalate to their batch's community managers and lead
// once they have `threshold` active (unrevoked) warnings — that one and every later one — and a
// CRITICAL warning escalates at once. The threshold is system config engagement.warningEscalation.
import { z } from 'zod';

export const WarningEscalationSchema = z.object({ threshold: z.number().int().min(1).max(20) }).strict();
export const DEFAULT_WARNING_ESCALATION = { threshold: 3 };

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/** Why this warning escalates, or null when it does not. `activeCount` includes the new warning. */
export function escalationReason(activeCount: number, severity: string, threshold: number): string | null {
  if (activeCount >= threshold) return `${ordinal(activeCount)} active warning (escalates from the ${ordinal(threshold)})`;
  if (severity === 'CRITICAL') return 'Critical warning';
  return null;
}

export const WARNING_PRIORITY = { LOW: 'LOW', MEDIUM: 'MEDIUM', HIGH: 'HIGH', CRITICAL: 'URGENT' } as const;
