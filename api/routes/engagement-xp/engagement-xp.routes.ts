import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { ActivityQuery, ActivityView, BadgeList, BatchId, LeaderboardQuery, LeaderboardView, XpSummaryView } from './engagement-xp.schemas.js';

const TAGS = ['Engagement'];

export const myActivityRoute = createRoute({
  method: 'get',
  path: '/api/me/activity',
  tags: TAGS,
  summary: 'My activity feed (XP awards and badges), newest first',
  ...bearer(['USER']),
  request: { query: ActivityQuery },
  responses: { 200: jsonResponse('A page of activity', pageSchema(ActivityView).openapi('StudentActivityPage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const myBadgesRoute = createRoute({
  method: 'get',
  path: '/api/me/badges',
  tags: TAGS,
  summary: 'My badges, each with why it was earned',
  ...bearer(['USER']),
  responses: { 200: jsonResponse('My badges', BadgeList), ...authProblems },
});

export const myXpRoute = createRoute({
  method: 'get',
  path: '/api/me/xp',
  tags: TAGS,
  summary: 'My XP total, level and XP by event type',
  ...bearer(['USER']),
  responses: { 200: jsonResponse('My XP', XpSummaryView), ...authProblems },
});

export const batchLeaderboardRoute = createRoute({
  method: 'get',
  path: '/api/batches/{id}/leaderboard',
  tags: TAGS,
  summary: 'A batch’s XP leaderboard: its enrolled students, the batch’s community managers and staff',
  ...bearer(['USER', 'SALES', ...STAFF]),
  request: { params: BatchId, query: LeaderboardQuery },
  responses: { 200: jsonResponse('The leaderboard', LeaderboardView), 400: problemResponse('Invalid query'), ...authProblems, 404: problemResponse('No such batch of yours') },
});
