// Dropout-risk scoring, pure: four signals (attendance, quiz results, late hand-ins, inactivity)
// each become a 0–1 risk, weighted by system config engagement.riskWeights; a signal with no data
// is left out and the weights of the rest are rescaled. The factor breakdown is stored with the
// score so every score explains itself.
import { z } from 'zod';

export const RiskWeightsSchema = z
  .object({
    attendance: z.number().min(0).max(100),
    quizzes: z.number().min(0).max(100),
    lateness: z.number().min(0).max(100),
    inactivity: z.number().min(0).max(100),
    /** Days without activity that count as full inactivity risk. */
    inactiveDaysCap: z.number().int().min(1).max(365),
  })
  .strict();
export type RiskWeights = z.infer<typeof RiskWeightsSchema>;
export const DEFAULT_RISK_WEIGHTS: RiskWeights = { attendance: 35, quizzes: 25, lateness: 20, inactivity: 20, inactiveDaysCap: 14 };
export const RISK_MODEL_VERSION = 'rules-v1';

export interface RiskSignals {
  /** Sessions marked PRESENT or LATE, of all marked; null when none were marked. */
  attendancePct: number | null;
  /** Quizzes passed, of quizzes attempted; null when none. */
  quizPassPct: number | null;
  /** Hand-ins after their due date, of hand-ins with one; null when none. */
  latePct: number | null;
  daysInactive: number;
}

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const levelOf = (score: number): RiskLevel => (score >= 75 ? 'CRITICAL' : score >= 50 ? 'HIGH' : score >= 25 ? 'MEDIUM' : 'LOW');

export interface RiskFactor {
  factor: 'attendance' | 'quizzes' | 'lateness' | 'inactivity';
  value: number;
  risk: number;
  weight: number;
  contribution: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function scoreRisk(s: RiskSignals, w: RiskWeights): { score: number; level: RiskLevel; factors: RiskFactor[] } {
  const raw: Omit<RiskFactor, 'contribution'>[] = [];
  if (s.attendancePct !== null) raw.push({ factor: 'attendance', value: s.attendancePct, risk: 1 - s.attendancePct / 100, weight: w.attendance });
  if (s.quizPassPct !== null) raw.push({ factor: 'quizzes', value: s.quizPassPct, risk: 1 - s.quizPassPct / 100, weight: w.quizzes });
  if (s.latePct !== null) raw.push({ factor: 'lateness', value: s.latePct, risk: s.latePct / 100, weight: w.lateness });
  raw.push({ factor: 'inactivity', value: s.daysInactive, risk: Math.min(1, Math.max(0, s.daysInactive) / w.inactiveDaysCap), weight: w.inactivity });
  const total = raw.reduce((a, f) => a + f.weight, 0);
  const factors = raw.map((f) => ({ ...f, risk: round2(f.risk), contribution: total === 0 ? 0 : round2((100 * f.weight * f.risk) / total) }));
  const score = round2(Math.min(100, factors.reduce((a, f) => a + f.contribution, 0)));
  return { score, level: levelOf(score), factors };
}
