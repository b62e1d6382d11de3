// Telling Prisma's known request errors apart, in one place: P2002 (a unique constraint refused the
// write: a duplicate, or the loser of a race to insert), P2025 (the row to change is gone), …
import { Prisma } from '../prisma/generated/client.js';

/** The Prisma error code of a known request error, else undefined. */
export const prismaCode = (err: unknown): string | undefined => (err instanceof Prisma.PrismaClientKnownRequestError ? err.code : undefined);

export const isPrismaCode = (err: unknown, code: string): boolean => prismaCode(err) === code;

/** A unique constraint refused the write (P2002). */
export const isUniqueViolation = (err: unknown): boolean => prismaCode(err) === 'P2002';
