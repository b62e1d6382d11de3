// XP rules: what each domain event is worth and the key that makes its award exactly-once. The
// key names the event and its source (and the student, where one source serves many students),
// so a retried, replayed or concurrent award of the same event collides on xp_events.dedupeKey.

export const XP_EVENT_TYPES = ['session_completed', 'quiz_passed', 'class_attended', 'assignment_submitted'] as const;
export type XpEventType = (typeof XP_EVENT_TYPES)[number];

/** Points per event. Signed ledger, but these rules only ever add. */
export const XP_POINTS: Readonly<Record<XpEventType, number>> = {
  session_completed: 50,
  quiz_passed: 30,
  class_attended: 10,
  assignment_submitted: 20,
};

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

/** Level from total XP: 100 XP per level, starting at 1. */
export const XP_PER_LEVEL = 100;
export const levelFor = (xpTotal: number) => Math.max(1, Math.floor(Math.max(0, xpTotal) / XP_PER_LEVEL) + 1);
