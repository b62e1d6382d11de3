// The shape of a MasCourse's `modules` tree and `features`, checked on every write so the catalog
// can always read them. Counts and lengths are bounded; a stored value that no longer parses is
// read as empty rather than failing the page.
import { z } from 'zod';

export const LESSON_TYPES = ['video', 'reading', 'quiz', 'assignment', 'live', 'project'] as const;
export const MAX_MODULES = 50;
export const MAX_LESSONS_PER_MODULE = 100;
export const MAX_FEATURES = 30;

const Title = z.string().trim().min(1).max(200);
const Text = z.string().trim().max(5000);

export const MasLesson = z
  .object({
    title: Title,
    type: z.enum(LESSON_TYPES),
    durationMinutes: z.number().int().min(0).max(1440).optional(),
    description: Text.optional(),
    /** Free preview on the public page. */
    isPreview: z.boolean().optional(),
    /** The content itself; never shown in the public outline. */
    contentUrl: z.url().max(2000).optional(),
  })
  .strict();

export const MasModule = z
  .object({
    title: Title,
    description: Text.optional(),
    lessons: z.array(MasLesson).max(MAX_LESSONS_PER_MODULE),
  })
  .strict();

export const MasModules = z.array(MasModule).max(MAX_MODULES);
export type MasModules = z.infer<typeof MasModules>;

export const MasFeatures = z.array(z.string().trim().min(1).max(300)).max(MAX_FEATURES);
export type MasFeatures = z.infer<typeof MasFeatures>;

export function parseMasModules(value: unknown): MasModules {
  const parsed = MasModules.safeParse(value ?? []);
  return parsed.success ? parsed.data : [];
}

export function parseMasFeatures(value: unknown): MasFeatures {
  const parsed = MasFeatures.safeParse(value ?? []);
  return parsed.success ? parsed.data : [];
}

export const masLessonCount = (modules: MasModules) => modules.reduce((n, m) => n + m.lessons.length, 0);
