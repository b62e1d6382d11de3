// Marketing preferences: the caller's own, staff's view of any address, and the unsubscribe link.
import { z } from '@hono/zod-openapi';
import { fromHhMm, HH_MM, isTimeZone } from '../../../domain/comms/quiet-hours.js';
import { COMMS_CHANNELS } from '../../../services/notifications/comms-preferences.js';
import { PageQuery } from '../../pagination.js';

const Channel = z.enum(COMMS_CHANNELS);

export const PreferenceView = z
  .object({
    channel: Channel,
    address: z.string(),
    unsubscribed: z.boolean(),
    unsubscribedAt: z.string().nullable(),
    unsubscribeSource: z.string().nullable(),
    quietHours: z.object({ start: z.string(), end: z.string(), timezone: z.string() }).nullable(),
    updatedAt: z.string(),
  })
  .openapi('CommsPreference');

export const MyPreferences = z.object({ items: z.array(PreferenceView) }).openapi('MyCommsPreferences');

const QuietHoursBody = z
  .object({
    start: z.string().regex(HH_MM, 'Use HH:MM, 24-hour').openapi({ example: '22:00', description: 'Local time HH:MM (24 h) the quiet window starts' }),
    end: z.string().regex(HH_MM, 'Use HH:MM, 24-hour').openapi({ example: '08:00', description: 'Local time it ends; before start means it wraps midnight' }),
    timezone: z.string().min(1).max(64).refine(isTimeZone, 'Not an IANA time zone').openapi({ example: 'Asia/Kolkata' }),
  })
  .strict()
  .refine((q) => q.start !== q.end, { message: 'start and end must differ', path: ['end'] })
  .transform((q) => ({ startMin: fromHhMm(q.start), endMin: fromHhMm(q.end), timezone: q.timezone }));

export const UpdateMyPreferencesBody = z
  .object({
    quietHours: QuietHoursBody.nullable().optional().openapi({ description: 'Your quiet hours for every channel; null clears them (the platform default applies)' }),
    marketing: z
      .object({ email: z.boolean().optional(), whatsapp: z.boolean().optional(), sms: z.boolean().optional() })
      .strict()
      .optional()
      .openapi({ description: 'Marketing messages on (true) or off (false), per channel' }),
  })
  .strict()
  .refine((b) => b.quietHours !== undefined || b.marketing !== undefined, { message: 'Give quietHours or marketing' })
  .openapi('UpdateMyCommsPreferences');

export const UnsubscribeToken = z.object({ token: z.string().min(16).max(64).regex(/^[\w-]+$/) });
export const UnsubscribeView = z.object({ channel: Channel, address: z.string().openapi({ description: 'Masked' }), unsubscribed: z.boolean() }).openapi('UnsubscribeLink');

export const PreferencesQuery = PageQuery.extend({
  channel: Channel.optional(),
  address: z.string().trim().min(3).max(254).optional().openapi({ description: 'An email or phone (exact with channel, else a substring)' }),
  unsubscribed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const SetPreferenceBody = z
  .object({ channel: Channel, address: z.string().trim().min(3).max(254), unsubscribed: z.boolean() })
  .strict()
  .openapi('SetCommsPreference');

export const PreferencePage = z.object({ items: z.array(PreferenceView), nextCursor: z.string().nullable() }).openapi('CommsPreferencePage');
