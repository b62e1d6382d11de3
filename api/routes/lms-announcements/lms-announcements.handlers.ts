// Announcements over HTTP; services/lms/announcements.ts holds the scoping rules of the feed.
import type { RouteHandler } from '@hono/zod-openapi';
import { announcementFeed, createAnnouncement, deleteAnnouncement, listAnnouncements, publishAnnouncement, toAnnouncementView, updateAnnouncement } from '../../../services/lms/announcements.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { announcementFeedRoute, createAnnouncementRoute, deleteAnnouncementRoute, listAnnouncementsRoute, publishAnnouncementRoute, updateAnnouncementRoute } from './lms-announcements.routes.js';

export const createAnnouncementHandler: RouteHandler<typeof createAnnouncementRoute, AppEnv> = async (c) => c.json(await createAnnouncement(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);

export const listAnnouncementsHandler: RouteHandler<typeof listAnnouncementsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listAnnouncements(c.get('deps'), f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toAnnouncementView), nextCursor }, 200);
};

export const updateAnnouncementHandler: RouteHandler<typeof updateAnnouncementRoute, AppEnv> = async (c) =>
  c.json(await updateAnnouncement(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200);

export const publishAnnouncementHandler: RouteHandler<typeof publishAnnouncementRoute, AppEnv> = async (c) => c.json(await publishAnnouncement(c.get('deps'), c.req.valid('param').id), 200);

export const deleteAnnouncementHandler: RouteHandler<typeof deleteAnnouncementRoute, AppEnv> = async (c) => {
  await deleteAnnouncement(c.get('deps'), c.req.valid('param').id);
  return c.body(null, 204);
};

export const announcementFeedHandler: RouteHandler<typeof announcementFeedRoute, AppEnv> = async (c) => c.json(await announcementFeed(c.get('deps'), c.get('auth')!, c.req.valid('query')), 200);
