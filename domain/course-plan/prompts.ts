// The two LLM questions of a course plan: the outline (one call, all lectures' titles) and one
// lecture's body. Strict JSON schemas (every property required, no extras) and the zod checks
// their answers must pass (PROVIDERS.md: validate even with a strict schema).
import { z } from 'zod';

export const OUTLINE_SCHEMA_NAME = 'course_plan_outline';
export const LECTURE_SCHEMA_NAME = 'course_plan_lecture';

export const outlineAnswer = z.object({
  lectures: z
    .array(z.object({ title: z.string().trim().min(1).max(300), description: z.string().max(4_000), learningObjectives: z.array(z.string().max(500)).max(20) }))
    .min(1)
    .max(100),
});
export type OutlineAnswer = z.infer<typeof outlineAnswer>;

export const lectureAnswer = z.object({
  summary: z.string().max(10_000),
  sections: z.array(z.object({ heading: z.string().max(300), body: z.string().max(20_000) })).min(1).max(50),
  learningObjectives: z.array(z.string().max(500)).max(20),
});
export type LectureAnswer = z.infer<typeof lectureAnswer>;

const str = { type: 'string' } as const;
const strArr = { type: 'array', items: str } as const;

export const outlineJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['lectures'],
  properties: {
    lectures: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['title', 'description', 'learningObjectives'], properties: { title: str, description: str, learningObjectives: strArr } },
    },
  },
};

export const lectureJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'sections', 'learningObjectives'],
  properties: {
    summary: str,
    sections: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['heading', 'body'], properties: { heading: str, body: str } } },
    learningObjectives: strArr,
  },
};

export const OUTLINE_SYSTEM = 'You design university-style courses. Answer with the outline of the course as JSON: exactly the number of lectures asked for, in teaching order.';
export const LECTURE_SYSTEM = 'You write one lecture of a course. Answer as JSON: a summary, the sections (heading and body) and the learning objectives.';

export function outlineUser(p: { courseTitle: string; title: string; prompt: string | null; lectureCount: number; reviewNote: string | null }): string {
  return [
    `Course: ${p.courseTitle}`,
    `Plan: ${p.title}`,
    `Lectures: ${p.lectureCount}`,
    p.prompt ? `Goals: ${p.prompt}` : null,
    p.reviewNote ? `Reviewer's note on the previous draft: ${p.reviewNote}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

export function lectureUser(p: { courseTitle: string; planTitle: string; position: number; total: number; title: string; description: string | null; prompt: string | null }): string {
  return [`Course: ${p.courseTitle}`, `Plan: ${p.planTitle}`, p.prompt ? `Goals: ${p.prompt}` : null, `Lecture ${p.position} of ${p.total}: ${p.title}`, p.description ? `About: ${p.description}` : null]
    .filter(Boolean)
    .join('\n');
}
