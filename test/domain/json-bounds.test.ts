// Free-JSON bounds and canonical JSON hold for any nesting: measured exactly, and never by
// recursion (a 100,000-deep value neither overflows nor passes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canonicalJson } from '../../domain/crm/idempotency.js';
import { boundedJson, jsonBoundsViolation } from '../../domain/json-bounds.js';

const deepArray = (levels: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};
const deepObject = (levels: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < levels; i++) v = { k: v };
  return v;
};
/** Reference depth (recursive; fine for the small values fast-check makes). */
const depthOf = (v: unknown): number =>
  v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v as Record<string, unknown>).map(depthOf)) : 0;

describe('jsonBoundsViolation', () => {
  it('refuses 100,000 levels of nesting without overflowing', () => {
    expect(jsonBoundsViolation(deepArray(100_000), { maxDepth: 8, maxBytes: 1e9 })).toMatch(/deeper than 8/);
    expect(jsonBoundsViolation(deepObject(100_000), { maxDepth: 8, maxBytes: 1e9 })).toMatch(/deeper than 8/);
  });

  it('measures depth and UTF-8 size exactly: a value passes at its own bounds and fails one below', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const bytes = Buffer.byteLength(JSON.stringify(v));
        const depth = depthOf(v);
        expect(jsonBoundsViolation(v, { maxDepth: depth, maxBytes: bytes })).toBeNull();
        expect(jsonBoundsViolation(v, { maxDepth: depth, maxBytes: bytes - 1 })).toMatch(/Larger than/);
        if (depth > 0) expect(jsonBoundsViolation(v, { maxDepth: depth - 1, maxBytes: bytes })).toMatch(/deeper than/);
      }),
    );
  });

  it('counts multi-byte characters as UTF-8', () => {
    expect(jsonBoundsViolation({ a: 'é😀' }, { maxDepth: 1, maxBytes: Buffer.byteLength('{"a":"é😀"}') })).toBeNull();
    expect(jsonBoundsViolation({ a: 'é😀' }, { maxDepth: 1, maxBytes: Buffer.byteLength('{"a":"é😀"}') - 1 })).not.toBeNull();
  });
});

describe('boundedJson', () => {
  it('is a zod issue at the field, not a throw', () => {
    const schema = z.object({ extra: boundedJson({ maxDepth: 3, maxBytes: 100 }, z.record(z.string(), z.unknown())) });
    const r = schema.safeParse({ extra: { a: deepArray(3_000) } });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: ['extra'], message: 'Nested deeper than 3 levels' })]);
    expect(schema.safeParse({ extra: { a: [1, { b: 2 }] } }).success).toBe(true);
    expect(schema.safeParse({ extra: { a: 'x'.repeat(200) } }).error!.issues[0]!.message).toBe('Larger than 100 bytes as JSON');
  });
});

describe('canonicalJson on deep values', () => {
  it('handles 100,000 levels (the recursive version overflowed at a few thousand)', () => {
    expect(canonicalJson(deepArray(100_000))).toBe(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`);
    const obj = canonicalJson(deepObject(100_000));
    expect(obj).toBe(`${'{"k":'.repeat(100_000)}"x"${'}'.repeat(100_000)}`);
  });

  it('sorts keys and skips undefined members like before', () => {
    expect(canonicalJson({ b: [undefined, 2], a: { d: undefined, c: 1 } })).toBe('{"a":{"c":1},"b":[null,2]}');
    fc.assert(fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }));
  });
});
