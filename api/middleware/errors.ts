// Maps every thrown error to problem+json. Unknown errors are logged with their stack and
// answered with a bare 500: no stack, Prisma or Temporal text reaches the client.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { DomainError } from '../../domain/errors.js';
import type { AppEnv } from '../deps.js';
import { problem } from '../problem.js';

function fromHttpException(c: Context, err: HTTPException) {
  switch (err.status) {
    case 400:
      return problem(c, /json/i.test(err.message) ? 'MALFORMED_JSON' : 'BAD_REQUEST', /json/i.test(err.message) ? 'The request body is not valid JSON' : 'Bad request');
    case 401:
      return problem(c, 'UNAUTHENTICATED', 'Authentication is required');
    case 413:
      return problem(c, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 415:
      return problem(c, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type');
    default:
      return problem(c, 'INTERNAL', 'The server could not complete the request');
  }
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof DomainError) return problem(c, err.code, err.message, err.errors, err.headers);
  if (err instanceof HTTPException) return fromHttpException(c, err);
  if (err instanceof WorkflowNotFoundError) return problem(c, 'NOT_FOUND', 'No such process');
  if (err instanceof WorkflowExecutionAlreadyStartedError) return problem(c, 'CONFLICT', 'That process has already started');
  c.get('deps').logger.error({ err, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
  return problem(c, 'INTERNAL', 'The server could not complete the request');
};

export const notFound: NotFoundHandler<AppEnv> = (c) => problem(c, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`);
