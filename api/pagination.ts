// Cursor pagination, one helper for every list: keyset on (createdAt DESC, id DESC), so pages
// are stable while rows are inserted, and the cost does not grow with the page number.
import { z } from '@hono/zod-openapi';
import { HttpProblem } from './problem.js';

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
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const [t, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const createdAt = new Date(t);
    if (typeof id !== 'string' || Number.isNaN(createdAt.getTime())) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new HttpProblem('VALIDATION_FAILED', 'The cursor is not valid', [{ path: 'query.cursor', message: 'Invalid cursor' }]);
  }
}

/** Prisma `where` and `orderBy` for the page after `cursor` (newest first). */
export function keyset(cursor: string | undefined) {
  const after = cursor ? decodeCursor(cursor) : undefined;
  return {
    where: after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
    orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }],
  };
}

/** Fetch limit + 1 rows, then call this: it trims the extra row and makes the next cursor. */
export function toPage<T extends CursorKey>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!) : null };
}
