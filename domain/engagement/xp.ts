// XP rules: what each domain event is worth and the key that makes its award exactly-once. The
// key names the event and its source (and the student, where one source serves many students),
// so a retried, replayed or concurrent award of the same event collides on xp_events.dedupeKey.

import { z } from 'zod';

export const XP_EVENT_TYPES = ['session_completed', 'quiz_passed', 'class_attended', 'assignment_submitted'] as const;
export type XpEventType = (typeof XP_EVENT_TYPES)[number];

/**
 * Points per event: the default of system config `engagement.xpPoints`, read at award time.
 * Signed ledger; awards only add, a revocation writes the negative of what was awarded.
 */
export const DEFAULT_XP_POINTS: Readonly<Record<XpEventType, number>> = {
  session_completed: 50,
  quiz_passed: 30,
  class_attended: 10,
  assignment_submitted: 20,
};

const xpPoints = z.number().int().min(0).max(10_000);
export const XpPointsSchema = z
  .object({ session_completed: xpPoints, quiz_passed: xpPoints, class_attended: xpPoints, assignment_submitted: xpPoints })
  .strict();

/** What earned the XP, per event type (xp_events.sourceType). */
export const XP_SOURCE_TYPE: Readonly<Record<XpEventType, string>> = {
  session_completed: 'slot',
  quiz_passed: 'quiz',
  class_attended: 'attendance',
  assignment_submitted: 'assignment',
};

/**
 * The award's unique key. A quiz is passed once per student (a second passing attempt earns
 * nothing), an assignment is handed in once (re-submits replace it), an attendance row or a
 * slot is one event.
 */
export function xpDedupeKey(eventType: XpEventType, sourceId: string, userId: string): string {
  return `${eventType}:${sourceId.toLowerCase()}:${userId.toLowerCase()}`;
}

/**
 * The key of the n-th award of one event (n from 1). The first is the plain key, so rows written
 * before revocations existed stay the first award; after a revocation (e.g. attendance marked
 * absent, then present again) the next award is `<key>:v2`, then `:v3`. Awards of one event are
 * counted in the same transaction that locks its source, so concurrent duplicates compute the
 * same n, hence the same key, and collide.
 */
export function xpAwardKey(baseKey: string, n: number): string {
  return n <= 1 ? baseKey : `${baseKey}:v${n}`;
}

/** The compensating row of one award: exactly one per award key. */
export const XP_REVOKE_PREFIX = 'revoke:';
export const xpRevokeKey = (awardKey: string) => `${XP_REVOKE_PREFIX}${awardKey}`;

/** Level from total XP: 100 XP per level, starting at 1. */
export const XP_PER_LEVEL = 100;
export const levelFor = (xpTotal: number) => Math.max(1, Math.floor(Math.max(0, xpTotal) / XP_PER_LEVEL) + 1);
