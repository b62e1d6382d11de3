// Bodies and views of legacy courses (course → modules → classes / assignments), MasCourses and
// the public catalog that shows both in one shape.
import { z } from '@hono/zod-openapi';
import { courseLifecycle } from '../../../domain/lms/course-status.js';
import { LESSON_TYPES, MasFeatures, MasModules } from '../../../domain/lms/mas-course-modules.js';
import { PageQuery } from '../../pagination.js';
import { Rupees } from '../lms-batches/lms-batches.schemas.js';

const Instant = z.iso.datetime({ offset: true });
const Url = z.url().max(2000);
const Level = z.enum(['BEGINNER', 'INTERMEDIATE', 'ADVANCED']);
const Slug = z
  .string()
  .trim()
  .min(2)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case words joined by hyphens');
const Tags = z.array(z.string().trim().min(1).max(50)).max(20);
const Position = z.number().int().min(0).max(10_000).openapi({ description: 'Order within the parent (ascending); default last' });
const Links = z
  .array(z.object({ title: z.string().trim().min(1).max(200), url: Url }).strict())
  .max(20)
  .nullable();

const courseFields = {
  slug: Slug,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(10_000).nullable(),
  thumbnailUrl: Url.nullable(),
  level: Level,
  price: Rupees,
  currency: z.string().trim().length(3).toUpperCase(),
  durationHours: z.number().int().min(0).max(10_000).nullable(),
  language: z.string().trim().min(2).max(10),
  tags: Tags,
};

export const CreateCourseBody = z.object(courseFields).partial().required({ slug: true, title: true }).strict().openapi('CourseCreate');
export const UpdateCourseBody = z
  .object(courseFields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('CourseUpdate');
export const CourseStatusBody = z.object({ status: z.enum(courseLifecycle.states) }).strict().openapi('CourseStatusChange');

export const CourseQuery = PageQuery.extend({
  status: z.enum(courseLifecycle.states).optional(),
  level: Level.optional(),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Title contains' }),
});

const moduleFields = { title: z.string().trim().min(1).max(200), description: z.string().trim().max(5000).nullable(), position: Position, isPublished: z.boolean() };
export const CreateModuleBody = z.object(moduleFields).partial().required({ title: true }).strict().openapi('CourseModuleCreate');
export const UpdateModuleBody = z
  .object(moduleFields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('CourseModuleUpdate');

const classFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullable(),
  type: z.enum(['LIVE', 'RECORDED']),
  position: Position,
  videoUrl: Url.nullable(),
  durationMinutes: z.number().int().min(0).max(1440).nullable(),
  scheduledAt: Instant.nullable(),
  meetingLink: Url.nullable(),
  recordingS3Key: z.string().trim().max(1024).nullable(),
  resources: Links,
  isPublished: z.boolean(),
};
export const CreateClassBody = z.object(classFields).partial().required({ title: true }).strict().openapi('ClassCreate');
export const UpdateClassBody = z
  .object(classFields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('ClassUpdate');

const assignmentFields = {
  title: z.string().trim().min(1).max(200),
  instructions: z.string().trim().max(20_000).nullable(),
  dueAt: Instant.nullable(),
  maxScore: z.number().int().min(0).max(10_000).nullable(),
  attachmentS3Key: z.string().trim().max(1024).nullable(),
  resources: Links,
  position: Position,
  isPublished: z.boolean(),
};
export const CreateAssignmentBody = z.object(assignmentFields).partial().required({ title: true }).strict().openapi('AssignmentCreate');
export const UpdateAssignmentBody = z
  .object(assignmentFields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('AssignmentUpdate');

const masFields = {
  slug: Slug,
  title: z.string().trim().min(1).max(200),
  subtitle: z.string().trim().max(300).nullable(),
  description: z.string().trim().max(10_000).nullable(),
  thumbnailUrl: Url.nullable(),
  category: z.string().trim().max(100).nullable(),
  level: Level.nullable(),
  price: Rupees.nullable().openapi({ description: 'Rupees; null for free or price on request' }),
  currency: z.string().trim().length(3).toUpperCase(),
  durationWeeks: z.number().int().min(0).max(520).nullable(),
  tags: Tags,
  modules: MasModules.openapi({ description: 'Ordered modules, each with its lessons' }),
  features: MasFeatures.nullable().openapi({ description: 'Highlights on the course page' }),
  displayOrder: z.number().int().min(-10_000).max(10_000),
  isFeatured: z.boolean(),
};
export const CreateMasCourseBody = z.object(masFields).partial().required({ slug: true, title: true }).strict().openapi('MasCourseCreate');
export const UpdateMasCourseBody = z
  .object(masFields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('MasCourseUpdate');
export const MasCourseQuery = PageQuery.extend({
  status: z.enum(courseLifecycle.states).optional(),
  category: z.string().trim().max(100).optional(),
  q: z.string().trim().min(1).max(100).optional(),
});

const when = z.string().nullable();

export const CourseView = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    thumbnailUrl: z.string().nullable(),
    level: Level,
    status: z.enum(courseLifecycle.states),
    price: z.string().openapi({ description: 'Rupees, 2 decimals' }),
    currency: z.string(),
    durationHours: z.number().int().nullable(),
    language: z.string(),
    tags: z.array(z.string()),
    publishedAt: when,
    moduleCount: z.number().int().nullable(),
    enrollmentCount: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Course');

const LinkView = z.array(z.object({ title: z.string(), url: z.string() })).nullable();

export const ModuleView = z.object({ id: z.uuid(), courseId: z.uuid(), title: z.string(), description: z.string().nullable(), position: z.number().int(), isPublished: z.boolean() }).openapi('CourseModule');

export const ClassView = z
  .object({
    id: z.uuid(),
    moduleId: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    type: z.enum(['LIVE', 'RECORDED']),
    position: z.number().int(),
    videoUrl: z.string().nullable(),
    durationMinutes: z.number().int().nullable(),
    scheduledAt: when,
    meetingLink: z.string().nullable(),
    recordingS3Key: z.string().nullable(),
    resources: LinkView,
    isPublished: z.boolean(),
  })
  .openapi('CourseClass');

export const AssignmentView = z
  .object({
    id: z.uuid(),
    moduleId: z.uuid(),
    title: z.string(),
    instructions: z.string().nullable(),
    dueAt: when,
    maxScore: z.number().int().nullable(),
    attachmentS3Key: z.string().nullable(),
    resources: LinkView,
    position: z.number().int(),
    isPublished: z.boolean(),
  })
  .openapi('ModuleAssignment');

export const QuizHeader = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    totalMarks: z.number().int(),
    passingMarks: z.number().int().nullable(),
    timeLimitMinutes: z.number().int().nullable(),
    maxAttempts: z.number().int().nullable(),
    position: z.number().int(),
    isPublished: z.boolean(),
  })
  .openapi('QuizHeader');

export const CourseTreeView = CourseView.extend({
  modules: z.array(ModuleView.extend({ classes: z.array(ClassView), assignments: z.array(AssignmentView), quizzes: z.array(QuizHeader) })),
}).openapi('CourseTree');

export const MasCourseView = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    subtitle: z.string().nullable(),
    description: z.string().nullable(),
    thumbnailUrl: z.string().nullable(),
    category: z.string().nullable(),
    level: Level.nullable(),
    status: z.enum(courseLifecycle.states),
    price: z.string().nullable(),
    currency: z.string(),
    durationWeeks: z.number().int().nullable(),
    tags: z.array(z.string()),
    modules: MasModules,
    features: MasFeatures,
    moduleCount: z.number().int(),
    lessonCount: z.number().int(),
    displayOrder: z.number().int(),
    isFeatured: z.boolean(),
    publishedAt: when,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('MasCourse');

export const CatalogQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Title contains (case-insensitive)' }),
  level: Level.optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  model: z.enum(['legacy', 'mas']).optional().openapi({ description: 'Only one course model' }),
});

export const CatalogEntryView = z
  .object({
    id: z.uuid(),
    model: z.enum(['legacy', 'mas']),
    slug: z.string(),
    title: z.string(),
    subtitle: z.string().nullable(),
    description: z.string().nullable(),
    thumbnailUrl: z.string().nullable(),
    category: z.string().nullable(),
    level: Level.nullable(),
    price: z.string().nullable().openapi({ description: 'Rupees, 2 decimals; null when free or on request' }),
    currency: z.string(),
    tags: z.array(z.string()),
    durationHours: z.number().int().nullable(),
    durationWeeks: z.number().int().nullable(),
    moduleCount: z.number().int(),
    lessonCount: z.number().int(),
    isFeatured: z.boolean(),
    publishedAt: when,
  })
  .openapi('CatalogCourse');

export const CatalogDetailView = CatalogEntryView.extend({
  features: z.array(z.string()),
  outline: z.array(
    z.object({
      title: z.string(),
      description: z.string().nullable(),
      lessons: z.array(z.object({ title: z.string(), type: z.enum([...LESSON_TYPES]), durationMinutes: z.number().int().nullable(), isPreview: z.boolean() })),
    }),
  ),
}).openapi('CatalogCourseDetail');

export const ReorderBody = z.object({ ids: z.array(z.uuid()).min(1).max(500).openapi({ description: 'Every child id, in the new order' }) }).strict().openapi('ReorderRequest');

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const SlugParam = z.object({ slug: z.string().trim().min(1).max(120).openapi({ param: { name: 'slug', in: 'path' } }) });
