// The public course-interest form and the staff list. Every field is bounded; the email is
// lower-cased and the phone normalised to E.164 here, before the service sees them.
import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../pagination.js';
import { FormEmail as Email, FormPhone, Text, Utm } from '../lms-profiles/lms-fields.js';


export const CourseInterestBody = z
  .object({
    name: Text(120),
    email: Email.optional(),
    phone: FormPhone.optional(),
    city: Text(100).optional(),
    message: Text(2000).optional(),
    courseId: z.uuid().optional().openapi({ description: 'A mas_courses or courses id; checked' }),
    source: Text(100).optional().openapi({ description: 'Where the form sits, e.g. course_page' }),
    utmSource: Utm.optional(),
    utmMedium: Utm.optional(),
    utmCampaign: Utm.optional(),
  })
  .strict()
  .refine((b) => b.email !== undefined || b.phone !== undefined, { message: 'Give an email or a phone number', path: ['email'] })
  .openapi('CourseInterestCreate');

export const CourseInterestAccepted = z.object({ id: z.uuid(), createdAt: z.string() }).openapi('CourseInterestAccepted');

export const CourseInterestQuery = PageQuery.extend({
  courseId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Submitted at or after' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Submitted before' }),
  email: Email.optional(),
});

export const CourseInterestView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    city: z.string().nullable(),
    message: z.string().nullable(),
    courseId: z.uuid().nullable(),
    courseName: z.string().nullable(),
    userId: z.uuid().nullable(),
    source: z.string().nullable(),
    utmSource: z.string().nullable(),
    utmMedium: z.string().nullable(),
    utmCampaign: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('CourseInterest');
