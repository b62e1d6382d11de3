// One error vocabulary for api, activities and workflows; the api maps each code to HTTP.
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_SIGNATURE: 401,
  INSUFFICIENT_TOKENS: 402,
  BUDGET_EXHAUSTED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  BAD_GATEWAY: 502,
  DEPENDENCY_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLE: Record<ErrorCode, string> = {
  BAD_REQUEST: 'Bad request',
  VALIDATION_FAILED: 'Validation failed',
  MALFORMED_JSON: 'Malformed JSON',
  UNAUTHENTICATED: 'Unauthenticated',
  INVALID_SIGNATURE: 'Invalid signature',
  INSUFFICIENT_TOKENS: 'Not enough tokens',
  BUDGET_EXHAUSTED: 'Budget exhausted',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  ILLEGAL_TRANSITION: 'Illegal state transition',
  GONE: 'Gone',
  PAYLOAD_TOO_LARGE: 'Payload too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  UNPROCESSABLE: 'Unprocessable content',
  RATE_LIMITED: 'Too many requests',
  INTERNAL: 'Internal server error',
  BAD_GATEWAY: 'Bad gateway',
  DEPENDENCY_UNAVAILABLE: 'Service unavailable',
  GATEWAY_TIMEOUT: 'Gateway timeout',
};

export interface FieldError {
  path: string;
  message: string;
}

/**
 * A business refusal, thrown by domain rules and services alike. The api turns it into
 * problem+json (ERROR_STATUS gives the status; `errors` lists invalid fields; `headers` carries
 * hints such as Retry-After); activities turn it into a non-retryable ApplicationFailure.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
