// The shape rules of a multiple-choice question, shared by the question bank and quiz snapshots:
// 2–10 options with unique ids, and a correct answer that is a non-empty subset of those ids.
import type { FieldError } from '../errors.js';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;

export interface QuestionOption {
  id: string;
  text: string;
}

/** Why `options` + `correct` do not make a valid question (field errors under `prefix`), or []. */
export function questionShapeErrors(options: readonly QuestionOption[], correct: readonly string[], prefix = 'json'): FieldError[] {
  const errors: FieldError[] = [];
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) errors.push({ path: `${prefix}.options`, message: `Between ${MIN_OPTIONS} and ${MAX_OPTIONS} options` });
  const ids = new Set<string>();
  options.forEach((o, i) => {
    if (ids.has(o.id)) errors.push({ path: `${prefix}.options.${i}.id`, message: `Duplicate option id "${o.id}"` });
    ids.add(o.id);
  });
  if (correct.length === 0) errors.push({ path: `${prefix}.correctAnswer`, message: 'At least one correct option' });
  if (new Set(correct).size !== correct.length) errors.push({ path: `${prefix}.correctAnswer`, message: 'Correct option ids repeat' });
  for (const id of correct) if (!ids.has(id)) errors.push({ path: `${prefix}.correctAnswer`, message: `"${id}" is not an option id` });
  return errors;
}
