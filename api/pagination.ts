// Cursor pagination, one helper for every list: keyset on (createdAt DESC, id DESC), so pages
// are stable while rows are inserted, and the cost does not grow with the page number.
import { z } from '@hono/zod-openapi';
import { DomainError } from '../domain/errors.js';

export const MAX_PAGE_SIZE = 100;

export const PageQuery = z.object({
  cursor: z.string().max(200).optional().openapi({ description: 'Opaque cursor from the previous page’s nextCursor' }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20).openapi({ description: `Page size (1–${MAX_PAGE_SIZE})` }),
});

export const pageSchema = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

interface CursorKey {
  createdAt: Date;
  id: string;
}

export function encodeCursor(row: CursorKey): string {
  return encodeKey(row.createdAt, row.id);
}

function encodeKey(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const [t, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const createdAt = new Date(t);
    if (typeof id !== 'string' || Number.isNaN(createdAt.getTime())) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The cursor is not valid', [{ path: 'query.cursor', message: 'Invalid cursor' }]);
  }
}

/** Prisma `where` and `orderBy` for the page after `cursor`, ordered by (field, id). */
export function keysetOn<F extends string>(field: F, direction: 'asc' | 'desc', cursor: string | undefined) {
  const after = cursor ? decodeCursor(cursor) : undefined;
  const op = direction === 'desc' ? 'lt' : 'gt';
  return {
    where: after ? { OR: [{ [field]: { [op]: after.createdAt } }, { [field]: after.createdAt, id: { [op]: after.id } }] } : {},
    orderBy: [{ [field]: direction }, { id: direction }] as { [K in F | 'id']?: 'asc' | 'desc' }[],
  };
}

/** The default list order: newest first. */
export function keyset(cursor: string | undefined) {
  return keysetOn('createdAt', 'desc', cursor);
}

/** Fetch limit + 1 rows, then call this: it trims the extra row and makes the next cursor. */
export function toPageOn<T extends { id: string }>(rows: T[], limit: number, key: (row: T) => Date): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeKey(key(last), last.id) : null };
}

export function toPage<T extends CursorKey>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  return toPageOn(rows, limit, (r) => r.createdAt);
}
