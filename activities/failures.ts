// Business refusals must not be retried: DomainError becomes a non-retryable ApplicationFailure
// whose type is the ErrorCode, so the api and workflows can tell them apart.
import { ApplicationFailure } from '@temporalio/activity';
import { DomainError, type ErrorCode } from '../domain/errors.js';

export function refuse(code: ErrorCode, message: string): never {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
}

export async function refusingDomainErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DomainError) refuse(err.code, err.message);
    throw err;
  }
}
