// Views and queries of the signed-in user's notifications centre.
import { z } from '@hono/zod-openapi';
import { NotificationCategory, NotificationPriority, NotificationType } from '../../../prisma/generated/enums.js';
import { PageQuery } from '../../pagination.js';

const Category = z.enum(NotificationCategory);
const Priority = z.enum(NotificationPriority);

export const NotificationView = z
  .object({
    id: z.uuid(),
    type: z.enum(NotificationType),
    category: Category,
    priority: Priority,
    title: z.string(),
    message: z.string(),
    actionUrl: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
    read: z.boolean(),
    readAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Notification');

export const NotificationsQuery = PageQuery.extend({
  category: Category.optional(),
  priority: Priority.optional(),
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .openapi({ description: 'true: unread only; false: read only' }),
});

export const UnreadCountView = z
  .object({ unread: z.number().int().nonnegative(), byCategory: z.partialRecord(Category, z.number().int().nonnegative()) })
  .openapi('NotificationUnreadCount');

export const MarkAllReadBody = z
  .object({
    before: z.iso.datetime().optional().openapi({ description: 'Only notifications created up to this instant (default: now), so one arriving meanwhile stays unread' }),
    category: Category.optional(),
  })
  .strict()
  .openapi('MarkAllNotificationsRead');

export const MarkAllReadView = z.object({ marked: z.number().int().nonnegative() }).openapi('MarkedNotifications');

export const NotificationId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
