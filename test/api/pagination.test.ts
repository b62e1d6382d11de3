import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, keyset, PageQuery, toPage } from '../../api/pagination.js';
import { DomainError } from '../../domain/errors.js';

type Row = { id: string; createdAt: Date };

// The same keyset rule the database applies, in memory, to prove pages are exact.
function page(all: Row[], cursor: string | undefined, limit: number) {
  const sorted = [...all].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const after = cursor ? decodeCursor(cursor) : undefined;
  const rest = after
    ? sorted.filter((r) => r.createdAt < after.createdAt || (r.createdAt.getTime() === after.createdAt.getTime() && r.id < after.id))
    : sorted;
  return toPage(rest.slice(0, limit + 1), limit);
}

describe('cursor pagination', () => {
  it('walks every row exactly once, in order, for any data and page size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.uuid(), t: fc.integer({ min: 0, max: 20 }) }), { selector: (r) => r.id, maxLength: 60 }),
        fc.integer({ min: 1, max: 15 }),
        (raw, limit) => {
          const rows = raw.map((r) => ({ id: r.id, createdAt: new Date(1_700_000_000_000 + r.t * 1000) }));
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let i = 0; i < 100; i++) {
            const p = page(rows, cursor, limit);
            seen.push(...p.items.map((r) => r.id));
            if (!p.nextCursor) break;
            cursor = p.nextCursor;
          }
          expect(new Set(seen).size).toBe(rows.length);
          expect(seen.length).toBe(rows.length);
        },
      ),
    );
  });

  it('round-trips a cursor and refuses a forged one with a 400 problem', () => {
    const row = { id: '6b3d8f0e-0000-4000-8000-000000000000', createdAt: new Date('2026-01-01T00:00:00Z') };
    expect(decodeCursor(encodeCursor(row))).toEqual(row);
    expect(() => decodeCursor('not-a-cursor')).toThrowError(DomainError);
  });

  it('caps the limit and defaults it', () => {
    expect(PageQuery.parse({}).limit).toBe(20);
    expect(PageQuery.safeParse({ limit: '101' }).success).toBe(false);
    expect(PageQuery.safeParse({ limit: '0' }).success).toBe(false);
  });

  it('builds the Prisma keyset condition', () => {
    expect(keyset(undefined).where).toEqual({});
    const c = encodeCursor({ id: 'b', createdAt: new Date('2026-01-01T00:00:00Z') });
    expect(keyset(c).where).toEqual({
      OR: [{ createdAt: { lt: new Date('2026-01-01T00:00:00Z') } }, { createdAt: new Date('2026-01-01T00:00:00Z'), id: { lt: 'b' } }],
    });
  });
});
