// RFC 9457 problem+json: the only error body the api ever sends.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS, ERROR_TITLE, type ErrorCode, type FieldError } from '../domain/errors.js';

export type { FieldError };

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  requestId?: string;
  errors?: FieldError[];
}

export function problemBody(c: Context, code: ErrorCode, detail: string, errors?: FieldError[]): ProblemBody {
  return {
    type: `https://docs.mas.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: ERROR_TITLE[code],
    status: ERROR_STATUS[code],
    detail,
    // A path that carries a secret (the Exotel callback token) is shown as its route only.
    instance: c.req.routePath?.includes(':secret') ? c.req.routePath : c.req.path,
    code,
    requestId: c.get('requestId'),
    ...(errors?.length ? { errors } : {}),
  };
}

export function problem(c: Context, code: ErrorCode, detail: string, errors?: FieldError[], headers?: Record<string, string>) {
  return c.json(problemBody(c, code, detail, errors), ERROR_STATUS[code] as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
    ...headers,
  });
}
