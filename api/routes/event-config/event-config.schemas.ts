// Event configurations: the staff CRUD bodies and views, and what frontends read.
import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../pagination.js';
import { Instant, Text } from '../lms-profiles/lms-fields.js';
import { FlatRecord } from '../league/form-answers.js';

export const EventKey = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, 'A lower-case slug: letters, digits and dashes')
  .openapi({ example: 'data-league-2026' });
export const EventKeyParam = z.object({ key: EventKey.openapi({ param: { name: 'key', in: 'path' } }) });

const Settings = FlatRecord('Further toggles the event page reads');
const Fields = {
  name: Text(200),
  description: Text(5000).nullable().optional(),
  isEnabled: z.boolean().optional(),
  registrationOpen: z.boolean().optional(),
  startsAt: Instant.nullable().optional(),
  endsAt: Instant.nullable().optional(),
  registrationClosesAt: Instant.nullable().optional(),
  maxRegistrations: z.number().int().min(1).max(1_000_000).nullable().optional().openapi({ description: 'Null = unlimited; past it newcomers are WAITLISTED' }),
  settings: Settings.nullable().optional(),
};
export const CreateEventBody = z.object({ key: EventKey, ...Fields }).strict().openapi('EventConfigurationCreate');
export const UpdateEventBody = z
  .object({ ...Fields, name: Fields.name.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('EventConfigurationUpdate');

export const EventView = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    isEnabled: z.boolean(),
    registrationOpen: z.boolean(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    registrationClosesAt: z.string().nullable(),
    maxRegistrations: z.number().int().nullable(),
    settings: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('EventConfiguration');

export const PublicEventView = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    registrationClosesAt: z.string().nullable(),
    registrationOpen: z.boolean().openapi({ description: 'Registration is accepted now' }),
    placesLeft: z.number().int().nullable().openapi({ description: 'Null = unlimited; 0 = new registrations are waitlisted' }),
    settings: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('PublicEvent');

export const EventsQuery = PageQuery.extend({ isEnabled: z.enum(['true', 'false']).transform((v) => v === 'true').optional() });
