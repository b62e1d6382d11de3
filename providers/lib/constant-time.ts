// Constant-time string equality for signatures and URL secrets, shared by every provider.
import { timingSafeEqual } from 'node:crypto';

/** Different lengths are unequal (and leak only that). */
export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
