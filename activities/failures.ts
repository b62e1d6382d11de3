// Failures no retry can fix must not be retried. A DomainError (a business refusal) becomes a
// non-retryable ApplicationFailure whose type is the ErrorCode, so the api and workflows can
// tell them apart. A provider's own refusal (a 4xx other than 408/429, or an answer we cannot
// read) is non-retryable too; a 429 is retried no sooner than its Retry-After.
import { ApplicationFailure } from '@temporalio/activity';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { failureOf } from '../providers/lib/provider-error.js';

export function refuse(code: ErrorCode, message: string): never {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
}

export async function refusingDomainErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DomainError) refuse(err.code, err.message);
    const provider = failureOf(err);
    if (provider && !provider.retryable) {
      throw ApplicationFailure.create({ type: `PROVIDER_${provider.kind.toUpperCase()}`, message: (err as Error).message, nonRetryable: true, cause: err as Error });
    }
    if (provider?.kind === 'rate_limited' && provider.retryAfterSeconds) {
      throw ApplicationFailure.create({ type: 'PROVIDER_RATE_LIMITED', message: (err as Error).message, nextRetryDelay: `${provider.retryAfterSeconds} seconds`, cause: err as Error });
    }
    throw err;
  }
}
