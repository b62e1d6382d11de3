// Student profile and saved-course bodies and views. The gamification columns (xpTotal, level,
// streaks) are in the view only: the body is strict, so sending them is a 400.
import { z } from '@hono/zod-openapi';
import { MAX_SKILL_LENGTH, MAX_SKILLS, MIN_GRADUATION_YEAR, maxGraduationYear } from '../../../domain/lms/student-profile.js';
import { PageQuery } from '../../pagination.js';
import { HttpsUrl, Text } from './lms-fields.js';

const opt = <T extends z.ZodTypeAny>(s: T) => s.nullable().optional();

export const ProfileBody = z
  .object({
    collegeId: opt(z.uuid()).openapi({ description: 'A college from GET /api/colleges (must be active); or give collegeName' }),
    collegeName: opt(Text(200)).openapi({ description: 'Free text when the college is not in the directory' }),
    degree: opt(Text(120)),
    specialization: opt(Text(120)),
    graduationYear: opt(
      z
        .number()
        .int()
        .min(MIN_GRADUATION_YEAR)
        .refine((y) => y <= maxGraduationYear(), { message: 'Too far in the future' }),
    ).openapi({ description: `Year of (expected) graduation, ${MIN_GRADUATION_YEAR} to this year + 8` }),
    dateOfBirth: opt(
      z.iso.date().refine((d) => {
        const t = Date.parse(`${d}T00:00:00Z`);
        return t >= Date.parse('1920-01-01') && t <= Date.now();
      }, 'Not a believable date of birth'),
    ),
    gender: opt(Text(40)),
    city: opt(Text(100)),
    state: opt(Text(100)),
    country: opt(Text(100)),
    currentCompany: opt(Text(200)),
    currentRole: opt(Text(200)),
    workExperienceMonths: opt(z.number().int().min(0).max(720)),
    skills: z.array(z.string().max(MAX_SKILL_LENGTH)).max(MAX_SKILLS).optional().openapi({ description: `Up to ${MAX_SKILLS}; trimmed, duplicates dropped` }),
    careerGoal: opt(Text(1000)),
    bio: opt(Text(2000)),
    linkedinUrl: opt(HttpsUrl),
    githubUrl: opt(HttpsUrl),
    portfolioUrl: opt(HttpsUrl),
  })
  .strict()
  .refine((b) => !(b.collegeId && b.collegeName), { message: 'Pick a college from the directory or type its name, not both', path: ['collegeName'] })
  .openapi('StudentProfileUpdate');

const day = z.string().nullable();

export const ProfileView = z
  .object({
    userId: z.uuid(),
    collegeId: z.uuid().nullable(),
    collegeName: z.string().nullable(),
    college: z.object({ id: z.uuid(), name: z.string(), city: z.string().nullable(), state: z.string().nullable() }).nullable(),
    degree: z.string().nullable(),
    specialization: z.string().nullable(),
    graduationYear: z.number().int().nullable(),
    dateOfBirth: day,
    gender: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    country: z.string().nullable(),
    currentCompany: z.string().nullable(),
    currentRole: z.string().nullable(),
    workExperienceMonths: z.number().int().nullable(),
    skills: z.array(z.string()),
    careerGoal: z.string().nullable(),
    bio: z.string().nullable(),
    linkedinUrl: z.string().nullable(),
    githubUrl: z.string().nullable(),
    portfolioUrl: z.string().nullable(),
    xpTotal: z.number().int().openapi({ description: 'Read-only: earned through activity' }),
    level: z.number().int(),
    currentStreakDays: z.number().int(),
    longestStreakDays: z.number().int(),
    lastActiveOn: day,
    createdAt: z.string().nullable().openapi({ description: 'Null until the profile is first saved' }),
    updatedAt: z.string().nullable(),
  })
  .openapi('StudentProfile');

export const UserIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The user id' }) });

export const SaveCourseBody = z.object({ courseId: z.uuid().openapi({ description: 'A mas_courses or (legacy) courses id' }) }).strict().openapi('SaveCourseRequest');
export const CourseIdParam = z.object({ courseId: z.uuid().openapi({ param: { name: 'courseId', in: 'path' } }) });

export const SavedCourseView = z
  .object({
    id: z.uuid(),
    courseId: z.uuid(),
    savedAt: z.string(),
    course: z
      .object({ id: z.uuid(), kind: z.enum(['mas_course', 'course']), title: z.string(), slug: z.string(), thumbnailUrl: z.string().nullable() })
      .nullable()
      .openapi({ description: 'Null when the course has since been deleted' }),
  })
  .openapi('SavedCourse');

export const SavedCourseQuery = PageQuery;
