// Shared OpenAPI pieces: the router factory (with the zod → problem+json hook) and the
// problem schema every route documents for its errors.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './deps.js';
import { problem } from './problem.js';

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const errors = result.error.issues.map((i) => ({ path: [result.target, ...i.path].join('.'), message: i.message }));
        return problem(c, 'VALIDATION_FAILED', `The ${result.target} is invalid`, errors);
      }
      return undefined;
    },
  });
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

/** A JSON response. */
export const jsonResponse = <T extends z.ZodTypeAny>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });

/** The two answers every bearer route can give before its handler runs. */
export const authProblems = { 401: problemResponse('Not signed in'), 403: problemResponse('Role not allowed') };
