import { createRoute } from '@hono/zod-openapi';
import { EVERYONE } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { MarkAllReadBody, MarkAllReadView, NotificationId, NotificationsQuery, NotificationView, UnreadCountView } from './notifications.schemas.js';

const TAGS = ['Notifications'];

export const listNotificationsRoute = createRoute({
  method: 'get',
  path: '/api/me/notifications',
  tags: TAGS,
  summary: 'Your notifications, newest first; filter by category, priority and read state (expired ones are hidden)',
  ...bearer(EVERYONE),
  request: { query: NotificationsQuery },
  responses: { 200: jsonResponse('A page of your notifications', pageSchema(NotificationView).openapi('NotificationPage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const unreadCountRoute = createRoute({
  method: 'get',
  path: '/api/me/notifications/unread-count',
  tags: TAGS,
  summary: 'How many of your notifications are unread, in total and by category',
  ...bearer(EVERYONE),
  responses: { 200: jsonResponse('The unread count', UnreadCountView), ...authProblems },
});

export const markReadRoute = createRoute({
  method: 'post',
  path: '/api/me/notifications/{id}/read',
  tags: TAGS,
  summary: 'Mark one of your notifications read (idempotent: the first readAt stays)',
  ...bearer(EVERYONE),
  request: { params: NotificationId },
  responses: { 200: jsonResponse('The notification', NotificationView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such notification of yours') },
});

export const markAllReadRoute = createRoute({
  method: 'post',
  path: '/api/me/notifications/read-all',
  tags: TAGS,
  summary: 'Mark all your unread notifications read (optionally those up to an instant, or of one category)',
  ...bearer(EVERYONE),
  request: { body: { required: false, content: { 'application/json': { schema: MarkAllReadBody } } } },
  responses: { 200: jsonResponse('How many were marked', MarkAllReadView), 400: problemResponse('Invalid body'), ...authProblems },
});
