// A student query's (support ticket's) lifecycle — the Prisma enum StudentQueryStatus mirrors it —
// and its SLA: a query still unanswered by staff (no staff reply) this many hours after it was
// raised has breached (system config engagement.querySla).
import { z } from 'zod';
import { defineLifecycle } from '../lifecycle.js';

export const studentQueryLifecycle = defineLifecycle('student query', ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'], 'OPEN', {
  OPEN: ['IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  IN_PROGRESS: ['RESOLVED', 'CLOSED'],
  // A student may reopen a resolved query by replying; closing is final.
  RESOLVED: ['IN_PROGRESS', 'CLOSED'],
  CLOSED: [],
});
export type StudentQueryStatus = (typeof studentQueryLifecycle.states)[number];

export const QUERY_CATEGORIES = ['technical', 'content', 'payment', 'other'] as const;

export const QuerySlaSchema = z.object({ firstResponseHours: z.number().int().min(1).max(720) }).strict();
export const DEFAULT_QUERY_SLA = { firstResponseHours: 24 };

/** The instant before which an unanswered open query has breached. */
export const slaCutoff = (now: Date, firstResponseHours: number) => new Date(now.getTime() - firstResponseHours * 3_600_000);
