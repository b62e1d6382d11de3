// Flat key → value maps for form answers and event toggles: bounded keys, scalar values or short
// string lists, at most 50 entries. Typed, not free JSON, so nothing nests.
import { z } from '@hono/zod-openapi';

const Key = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'A key of letters, digits, _ . -');
const Value = z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(500)).max(50)]);
export const FlatRecord = (description: string) =>
  z
    .record(Key, Value)
    .refine((r) => Object.keys(r).length <= 50, { message: 'At most 50 entries' })
    .openapi({ description });
