// Opaque keyset cursors for the hire lists, whose sort keys are not (createdAt, id): a cursor is
// the base64url JSON of the last row's sort key, checked against the shape the list expects, so
// a forged or stale cursor is a 400, never a SQL error.
import { DomainError } from '../../domain/errors.js';

export type CursorPart = 'int' | 'number' | 'date' | 'uuid';
type PartValue<P extends CursorPart> = P extends 'date' ? Date : P extends 'uuid' ? string : number;
export type CursorValues<S extends readonly CursorPart[]> = { [K in keyof S]: PartValue<S[K]> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeKeyCursor(values: readonly (number | Date | string)[]): string {
  return Buffer.from(JSON.stringify(values.map((v) => (v instanceof Date ? v.toISOString() : v)))).toString('base64url');
}

function invalid(): DomainError {
  return new DomainError('VALIDATION_FAILED', 'The cursor is not valid', [{ path: 'query.cursor', message: 'Invalid cursor' }]);
}

export function decodeKeyCursor<const S extends readonly CursorPart[]>(cursor: string, shape: S): CursorValues<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(raw) || raw.length !== shape.length) throw invalid();
  return shape.map((part, i) => {
    const v: unknown = raw[i];
    switch (part) {
      case 'int':
        if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw invalid();
        return v;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid();
        return v;
      case 'date': {
        const d = typeof v === 'string' ? new Date(v) : new Date(Number.NaN);
        if (Number.isNaN(d.getTime())) throw invalid();
        return d;
      }
      case 'uuid':
        if (typeof v !== 'string' || !UUID.test(v)) throw invalid();
        return v;
    }
  }) as CursorValues<S>;
}
