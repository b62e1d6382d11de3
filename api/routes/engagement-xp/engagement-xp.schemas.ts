// Views and queries of XP, badges, the activity feed and batch leaderboards.
import { z } from '@hono/zod-openapi';
import { XP_EVENT_TYPES } from '../../../domain/engagement/xp.js';
import { PageQuery } from '../../pagination.js';

export const ActivityView = z
  .object({
    id: z.uuid(),
    type: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    entityType: z.string().nullable(),
    entityId: z.uuid().nullable(),
    xp: z.number().int().nullable().openapi({ description: 'XP this event earned, when it was an award' }),
    occurredAt: z.string(),
  })
  .openapi('StudentActivity');

export const ActivityQuery = PageQuery.extend({ type: z.enum([...XP_EVENT_TYPES, 'badge_earned', 'xp_revoked']).optional() });

export const BadgeView = z
  .object({
    id: z.uuid(),
    badgeKey: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    iconUrl: z.string().nullable(),
    tier: z.string().nullable(),
    why: z.string().nullable().openapi({ description: 'What earned it' }),
    awardedAt: z.string(),
  })
  .openapi('StudentBadge');
export const BadgeList = z.object({ items: z.array(BadgeView) }).openapi('StudentBadgeList');

export const XpSummaryView = z
  .object({
    xpTotal: z.number().int(),
    level: z.number().int(),
    byType: z.array(z.object({ eventType: z.string(), events: z.number().int(), xp: z.number().int() })),
  })
  .openapi('XpSummary');

const Entry = z.object({ rank: z.number().int(), userId: z.uuid(), name: z.string(), xp: z.number().int() });
export const LeaderboardView = z
  .object({ batchId: z.uuid(), scope: z.enum(['batch', 'all']), since: z.string().nullable(), students: z.number().int(), items: z.array(Entry), me: Entry.nullable().openapi({ description: 'The caller’s own row, when they are in the batch' }) })
  .openapi('BatchLeaderboard');
export const LeaderboardQuery = z.object({
  since: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Count only XP earned since this instant' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  scope: z.enum(['batch', 'all']).default('batch').openapi({ description: 'batch (default): rank by XP earned in this batch; all: by each student’s total XP' }),
});

export const BatchId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
