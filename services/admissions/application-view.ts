// How a program application is read and shown: one select for every reader, the amount still
// due derived from the fee snapshot and the approved discount (never stored), and the row lock
// every lifecycle move takes first.
import { amountDuePaise } from '../../domain/application/fee.js';
import type { ApplicationStatus } from '../../domain/application/status.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { Tx } from '../lms/progress.js';

export const batchSummarySelect = { id: true, code: true, name: true, status: true, startDate: true, endDate: true, applicationDeadline: true, capacity: true } as const satisfies Prisma.BatchSelect;

export const applicationSelect = {
  id: true,
  userId: true,
  batchId: true,
  status: true,
  name: true,
  email: true,
  phone: true,
  formData: true,
  attribution: true,
  platform: true,
  feePaise: true,
  discountPaise: true,
  amountPaidPaise: true,
  currency: true,
  reviewedById: true,
  rejectionReason: true,
  deboardReason: true,
  submittedAt: true,
  reviewedAt: true,
  paidAt: true,
  enrolledAt: true,
  deboardedAt: true,
  createdAt: true,
  updatedAt: true,
  batch: { select: batchSummarySelect },
} as const satisfies Prisma.ApplicationSelect;

export type ApplicationRow = Prisma.ApplicationGetPayload<{ select: typeof applicationSelect }>;

type JsonObject = Record<string, unknown>;
const iso = (d: Date | null) => d?.toISOString() ?? null;

const toBatchSummary = (b: NonNullable<ApplicationRow['batch']>) => ({
  ...b,
  startDate: iso(b.startDate),
  endDate: iso(b.endDate),
  applicationDeadline: iso(b.applicationDeadline),
});

/** What the applicant sees (the reviewer's id stays internal). */
export function toApplicationView(a: ApplicationRow) {
  const { reviewedById: _reviewer, batch, ...rest } = a;
  return {
    ...rest,
    amountDuePaise: amountDuePaise(a),
    // Both are written only through bounded JSON objects (the api's schemas).
    formData: a.formData as JsonObject | null,
    attribution: a.attribution as JsonObject | null,
    batch: batch ? toBatchSummary(batch) : null,
    submittedAt: iso(a.submittedAt),
    reviewedAt: iso(a.reviewedAt),
    paidAt: iso(a.paidAt),
    enrolledAt: iso(a.enrolledAt),
    deboardedAt: iso(a.deboardedAt),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** What staff see: the applicant's view plus who reviewed it. */
export const toAdminApplicationView = (a: ApplicationRow) => ({ ...toApplicationView(a), reviewedById: a.reviewedById });

export interface LockedApplication {
  id: string;
  userId: string;
  batchId: string | null;
  status: ApplicationStatus;
  feePaise: number | null;
  discountPaise: number;
}

/**
 * Locks one application for the rest of the transaction (NO KEY UPDATE: it serialises every
 * writer of the row, yet does not block inserts of rows that reference it).
 */
export async function lockApplication(tx: Tx, id: string): Promise<LockedApplication | undefined> {
  const [row] = await tx.$queryRaw<LockedApplication[]>`
    SELECT "id"::text AS "id", "userId"::text AS "userId", "batchId"::text AS "batchId", "status"::text AS "status", "feePaise", "discountPaise"
      FROM "public"."applications" WHERE "id" = ${id}::uuid FOR NO KEY UPDATE`;
  return row;
}

/** Applications that are over: a user may apply again to the same batch. */
export const CLOSED_STATUSES: readonly ApplicationStatus[] = ['REJECTED', 'DEBOARDED'];
/** Before payment: the only states in which the discount may still change. */
export const DISCOUNTABLE_STATUSES: readonly ApplicationStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED'];
