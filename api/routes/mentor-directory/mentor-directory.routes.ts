import { createRoute, z } from '@hono/zod-openapi';
import { EVERYONE } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

const TAGS = ['Mentor directory'];
const MentorId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The mentor’s user id' }) });

const MentorCard = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    name: z.string(),
    bio: z.string().nullable(),
    expertise: z.array(z.string()),
    rateTokens: z.number().int(),
    rating: z.number().nullable().openapi({ description: 'Students’ average rating (1–5), two decimals; null before any' }),
    ratingCount: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('MentorCard');

const MentorProfile = MentorCard.omit({ ratingCount: true })
  .extend({
    ratingCount: z.number().int(),
    completedSessions: z.number().int(),
    ratingHistogram: z.record(z.string(), z.number().int()),
    recentReviews: z.array(z.object({ rating: z.number().int(), experience: z.string().nullable(), comment: z.string().nullable(), createdAt: z.string() })),
  })
  .openapi('MentorProfile');

export const DirectoryQuery = PageQuery.extend({
  expertise: z.string().trim().min(1).max(60).optional().openapi({ description: 'One expertise, matched case-insensitively' }),
  minRating: z.coerce.number().min(1).max(5).optional(),
  maxRateTokens: z.coerce.number().int().min(1).max(1000).optional(),
  q: z.string().trim().min(2).max(100).optional().openapi({ description: 'Matches the name or bio' }),
});

export const listMentorsRoute = createRoute({
  method: 'get',
  path: '/api/mentors',
  tags: TAGS,
  summary: 'Active mentors by expertise, rating and price, newest first (public, cursor pages)',
  ...publicRoute,
  request: { query: DirectoryQuery },
  responses: { 200: jsonResponse('A page of mentors', pageSchema(MentorCard).openapi('MentorCardPage')), 400: problemResponse('Invalid filters or cursor') },
});

export const mentorProfileRoute = createRoute({
  method: 'get',
  path: '/api/mentors/{id}/profile',
  tags: TAGS,
  summary: 'A mentor’s public profile with their students’ ratings and recent reviews',
  ...publicRoute,
  request: { params: MentorId },
  responses: { 200: jsonResponse('The profile', MentorProfile), 400: problemResponse('Invalid id'), 404: problemResponse('No such active mentor') },
});

export const profileViewRoute = createRoute({
  method: 'post',
  path: '/api/mentors/{id}/views',
  tags: TAGS,
  summary: 'Record that you opened a mentor’s profile (once per viewer per mentor per UTC day; not your own)',
  ...bearer(EVERYONE),
  request: { params: MentorId, body: jsonBody(z.object({ source: z.string().trim().min(1).max(50).optional() }).strict().openapi('ProfileViewBody')) },
  responses: { 200: jsonResponse('Whether this view was counted', z.object({ recorded: z.boolean() })), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such active mentor') },
});

export const myProfileViewsRoute = createRoute({
  method: 'get',
  path: '/api/mentors/me/profile-views',
  tags: TAGS,
  summary: 'How often your mentor profile was viewed: all time, the last 7 and 30 days, and per day',
  ...bearer(['EXPERT']),
  responses: {
    200: jsonResponse('Your counts', z.object({ total: z.number().int(), last7Days: z.number().int(), last30Days: z.number().int(), daily: z.array(z.object({ day: z.string(), views: z.number().int() })) }).openapi('ProfileViewCounts')),
    ...authProblems,
    404: problemResponse('You have no mentor profile'),
  },
});
