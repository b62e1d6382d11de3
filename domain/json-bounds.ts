// Bounds for free-form JSON fields (lead extraData, system config values…): a nesting depth and
// a serialised size, measured without recursion so that a hostile 100,000-deep value cannot
// overflow the stack here, in Prisma's JSON serialiser or in canonicalJson.
import type { z } from 'zod';

export interface JsonBounds {
  /** Containers deep: `1` and `"x"` are 0, `{}` and `[]` are 1, `{"a":[1]}` is 2. */
  maxDepth: number;
  /** UTF-8 bytes of the value as compact JSON. */
  maxBytes: number;
}

/** The OpenAPI extension that marks a bounded free-JSON field (the spec test looks for it). */
export const JSON_BOUNDS_EXTENSION = 'x-json-bounds';

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const scalarBytes = (v: unknown): number => (typeof v === 'string' ? utf8Bytes(JSON.stringify(v)) : (JSON.stringify(v) ?? 'null').length);

/**
 * Why `value` breaks `bounds` (too deep, too big), or null when it keeps them. Walks with an
 * explicit stack and stops at the first bound passed, so its cost is capped by maxBytes.
 */
export function jsonBoundsViolation(value: unknown, bounds: JsonBounds): string | null {
  const stack: [unknown, number][] = [[value, 0]];
  let bytes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v !== null && typeof v === 'object') {
      if (depth + 1 > bounds.maxDepth) return `Nested deeper than ${bounds.maxDepth} levels`;
      const entries = Array.isArray(v) ? v.map((x): [string | null, unknown] => [null, x]) : Object.entries(v as Record<string, unknown>);
      // Brackets, commas, and each key with its colon.
      bytes += 2 + Math.max(0, entries.length - 1);
      for (const [k, x] of entries) {
        if (k !== null) bytes += utf8Bytes(JSON.stringify(k)) + 1;
        stack.push([x, depth + 1]);
      }
    } else {
      bytes += scalarBytes(v);
    }
    if (bytes > bounds.maxBytes) return `Larger than ${bounds.maxBytes} bytes as JSON`;
  }
  return null;
}

/** Adds the bounds to a schema (z.unknown() for any JSON, or a record/array of unknowns). */
export function boundedJson<T extends z.ZodType>(bounds: JsonBounds, schema: T): T {
  return schema
    .superRefine((v, ctx) => {
      const why = jsonBoundsViolation(v, bounds);
      if (why) ctx.addIssue({ code: 'custom', message: why });
    })
    .meta({ [JSON_BOUNDS_EXTENSION]: bounds });
}

/** Lead extraData: flat source fields in practice; a little nesting is allowed. */
export const EXTRA_DATA_BOUNDS: JsonBounds = { maxDepth: 8, maxBytes: 32 * 1024 };
/** A system config value (the largest, crm.assignmentRules, is an array of rule objects). */
export const CONFIG_VALUE_BOUNDS: JsonBounds = { maxDepth: 8, maxBytes: 512 * 1024 };
