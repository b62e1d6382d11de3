// Resume review requests (public.resume_review_requests): a student uploads a resume and spends
// resume tokens (system config tokens.resumeToken) to request a review; a mentor (EXPERT) picks
// it up, reviews it and writes feedback; a cancelled request gets its tokens back. The debit and
// the refund are rows of the token ledger (token_usage, type RESUME_REVIEW; amount and
// balanceAfter count resume tokens there) with unique idempotency keys, written in the same
// transaction as the wallet change and the status change, so each happens exactly once. The
// student's wallet row is locked for the debit, so parallel requests for one uploaded resume
// charge once and answer with the same request.
import { randomUUID } from 'node:crypto';
import { isStaff } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { resumeReviewLedgerKeys, resumeReviewLifecycle, STUDENT_CANCELLABLE, type ResumeReviewStatus } from '../../domain/resume-review/status.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { readConfig } from '../system-config/read-config.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Tx = Parameters<Parameters<ServiceDeps['db']['$transaction']>[0]>[0];

export const RESUME_TYPES = { 'application/pdf': 'pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx' } as const;
export type ResumeType = keyof typeof RESUME_TYPES;
export const RESUME_REVIEW_MAX_BYTES = 5 * 1024 * 1024;
const URL_TTL_SECONDS = 900;

/** Where a student's resumes for review live in the resumes bucket; a request may only name a key under its own. */
export const resumePrefix = (userId: string) => `resume-reviews/${userId}/`;
const reviewedPrefix = (requestId: string) => `resume-reviews/reviewed/${requestId}/`;

export const reviewSelect = {
  id: true,
  userId: true,
  reviewerId: true,
  status: true,
  resumeS3Key: true,
  resumeFileName: true,
  targetRole: true,
  userNotes: true,
  resumeTokensSpent: true,
  feedback: true,
  feedbackData: true,
  reviewedS3Key: true,
  assignedAt: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ResumeReviewRequestSelect;
type ReviewRow = Prisma.ResumeReviewRequestGetPayload<{ select: typeof reviewSelect }>;
export const toReviewView = (r: ReviewRow) => ({
  ...r,
  feedbackData: (r.feedbackData ?? null) as Record<string, unknown> | null,
  assignedAt: r.assignedAt?.toISOString() ?? null,
  completedAt: r.completedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const presignedPut = async (deps: Pick<ServiceDeps, 'resumes'>, key: string, body: { contentType: ResumeType; sizeBytes: number }) => {
  const upload = await deps.resumes.presignPut(key, { contentType: body.contentType, contentLength: body.sizeBytes, expiresInSeconds: URL_TTL_SECONDS });
  return { key, upload: { url: upload.url, method: upload.method, headers: upload.headers, expiresAt: upload.expiresAt.toISOString() } };
};

/** A presigned PUT for the student's resume, under their own prefix. */
export function resumeUploadUrl(deps: Pick<ServiceDeps, 'resumes'>, actor: AuthContext, body: { contentType: ResumeType; sizeBytes: number }) {
  return presignedPut(deps, `${resumePrefix(actor.userId)}${randomUUID()}.${RESUME_TYPES[body.contentType]}`, body);
}

const unprocessable = (path: string, message: string) => new DomainError('UNPROCESSABLE', message, [{ path, message }]);

export interface ReviewRequestInput {
  resumeS3Key: string;
  resumeFileName?: string | undefined;
  targetRole?: string | undefined;
  userNotes?: string | undefined;
}

/** Spends the review's resume tokens and files the request; the same uploaded resume while a request for it is open answers that request (created: false), uncharged. */
export async function requestReview(deps: Pick<ServiceDeps, 'db' | 'resumes'>, actor: AuthContext, input: ReviewRequestInput) {
  if (!input.resumeS3Key.startsWith(resumePrefix(actor.userId))) throw unprocessable('json.resumeS3Key', 'Not one of your uploads (POST /api/resume-reviews/uploads)');
  if (!(await deps.resumes.head(input.resumeS3Key))) throw unprocessable('json.resumeS3Key', 'No uploaded object with this key; upload it first');
  const cost = await readConfig(deps.db, 'tokens.resumeToken');
  return deps.db.$transaction(async (tx) => {
    const [wallet] = await tx.$queryRaw<{ resumeBalance: number }[]>`SELECT "resumeBalance" FROM "public"."tokens" WHERE "userId" = ${actor.userId}::uuid FOR UPDATE`;
    const open = await tx.resumeReviewRequest.findFirst({ where: { userId: actor.userId, resumeS3Key: input.resumeS3Key, status: { not: 'cancelled' } }, select: reviewSelect });
    if (open) return { review: toReviewView(open), created: false };
    const balance = wallet?.resumeBalance ?? 0;
    if (balance < cost) throw new DomainError('INSUFFICIENT_TOKENS', `A resume review costs ${cost} resume token${cost === 1 ? '' : 's'}; you have ${balance}`);
    const id = randomUUID();
    await tx.token.update({ where: { userId: actor.userId }, data: { resumeBalance: { decrement: cost } } });
    const row = await tx.resumeReviewRequest.create({ data: { id, userId: actor.userId, resumeS3Bucket: deps.resumes.bucket, ...input, resumeTokensSpent: cost }, select: reviewSelect });
    await tx.tokenUsage.create({
      data: { userId: actor.userId, type: 'RESUME_REVIEW', amount: -cost, balanceAfter: balance - cost, description: 'Resume review request', idempotencyKey: resumeReviewLedgerKeys.debit(id) },
    });
    return { review: toReviewView(row), created: true };
  });
}

const missing = () => new DomainError('NOT_FOUND', 'No such resume review request');

/** The request, if the actor may see it: its student, its reviewer, staff, or any mentor while it waits for one. */
async function visible(deps: Deps, actor: AuthContext, id: string): Promise<ReviewRow> {
  const row = await deps.db.resumeReviewRequest.findUnique({ where: { id }, select: reviewSelect });
  if (!row) throw missing();
  if (isStaff(actor.role) || row.userId === actor.userId || row.reviewerId === actor.userId) return row;
  if (actor.role === 'EXPERT' && row.status === 'pending') return row;
  throw missing();
}

export async function getReview(deps: Deps, actor: AuthContext, id: string) {
  return toReviewView(await visible(deps, actor, id));
}

/** A download of the resume (or, with reviewed, the reviewer's annotated copy) for whoever may see the request. */
export async function reviewDownload(deps: Pick<ServiceDeps, 'db' | 'resumes'>, actor: AuthContext, id: string, which: 'resume' | 'reviewed') {
  const row = await visible(deps, actor, id);
  const key = which === 'resume' ? row.resumeS3Key : row.reviewedS3Key;
  if (!key) throw new DomainError('NOT_FOUND', 'No annotated resume on this request');
  const d = await deps.resumes.presignGet(key, { expiresInSeconds: 300, downloadName: which === 'resume' ? (row.resumeFileName ?? `resume.${key.split('.').pop() ?? 'pdf'}`) : `reviewed-${key.split('/').pop() ?? 'resume.pdf'}` });
  return { url: d.url, expiresAt: d.expiresAt.toISOString() };
}

/**
 * Moves the request from one of `from` to `to` in one conditional update, so of two racing
 * actors exactly one wins; the loser gets 409. `also` narrows who may (their reviewer).
 */
async function move(tx: Tx, id: string, from: readonly ResumeReviewStatus[], to: ResumeReviewStatus, data: Prisma.ResumeReviewRequestUncheckedUpdateManyInput, also: Prisma.ResumeReviewRequestWhereInput = {}) {
  for (const f of from) resumeReviewLifecycle.assertTransition(f, to);
  const { count } = await tx.resumeReviewRequest.updateMany({ where: { id, status: { in: [...from] }, ...also }, data: { ...data, status: to } });
  if (!count) {
    const now = await tx.resumeReviewRequest.findUnique({ where: { id }, select: { status: true } });
    throw new DomainError('ILLEGAL_TRANSITION', `This resume review is ${now?.status ?? 'gone'}; it cannot become ${to}`);
  }
  return tx.resumeReviewRequest.findUniqueOrThrow({ where: { id }, select: reviewSelect });
}

/** The student cancels their own request before its review starts; staff at any open step. The resume tokens come back once. */
export async function cancelReview(deps: Deps, actor: AuthContext, id: string) {
  const row = await visible(deps, actor, id);
  const staff = isStaff(actor.role);
  if (!staff && row.userId !== actor.userId) throw missing();
  const from = staff ? (['pending', 'assigned', 'in_review'] as const) : STUDENT_CANCELLABLE;
  return toReviewView(
    await deps.db.$transaction(async (tx) => {
      const done = await move(tx, id, from, 'cancelled', {});
      const wallet = await tx.token.update({ where: { userId: done.userId }, data: { resumeBalance: { increment: done.resumeTokensSpent } }, select: { resumeBalance: true } });
      await tx.tokenUsage.create({
        data: {
          userId: done.userId,
          type: 'RESUME_REVIEW',
          amount: done.resumeTokensSpent,
          balanceAfter: wallet.resumeBalance,
          description: 'Resume review cancelled: tokens refunded',
          idempotencyKey: resumeReviewLedgerKeys.refund(id),
        },
      });
      return done;
    }),
  );
}

/** A mentor picks up a waiting request; of two mentors racing, one gets it. */
export async function claimReview(deps: Deps, actor: AuthContext, id: string) {
  const row = await visible(deps, actor, id);
  if (row.userId === actor.userId) throw new DomainError('FORBIDDEN', 'You cannot review your own resume');
  return toReviewView(await deps.db.$transaction((tx) => move(tx, id, ['pending'], 'assigned', { reviewerId: actor.userId, assignedAt: new Date() })));
}

async function reviewersOwn(deps: Deps, actor: AuthContext, id: string) {
  const row = await visible(deps, actor, id);
  if (row.reviewerId !== actor.userId) throw missing();
  return row;
}

/** The reviewer hands the request back to the queue. */
export async function releaseReview(deps: Deps, actor: AuthContext, id: string) {
  await reviewersOwn(deps, actor, id);
  return toReviewView(await deps.db.$transaction((tx) => move(tx, id, ['assigned'], 'pending', { reviewerId: null, assignedAt: null }, { reviewerId: actor.userId })));
}

export async function startReview(deps: Deps, actor: AuthContext, id: string) {
  await reviewersOwn(deps, actor, id);
  return toReviewView(await deps.db.$transaction((tx) => move(tx, id, ['assigned'], 'in_review', {}, { reviewerId: actor.userId })));
}

/** Where the reviewer uploads the annotated resume, before completing. */
export async function reviewedUploadUrl(deps: Pick<ServiceDeps, 'db' | 'resumes'>, actor: AuthContext, id: string, body: { contentType: ResumeType; sizeBytes: number }) {
  const row = await reviewersOwn(deps, actor, id);
  if (row.status !== 'in_review') throw new DomainError('ILLEGAL_TRANSITION', `An annotated resume is uploaded while in_review; this request is ${row.status}`);
  return presignedPut(deps, `${reviewedPrefix(id)}${randomUUID()}.${RESUME_TYPES[body.contentType]}`, body);
}

export async function completeReview(
  deps: Pick<ServiceDeps, 'db' | 'resumes'>,
  actor: AuthContext,
  id: string,
  body: { feedback: string; feedbackData?: Record<string, unknown> | undefined; reviewedS3Key?: string | undefined },
) {
  await reviewersOwn(deps, actor, id);
  if (body.reviewedS3Key) {
    if (!body.reviewedS3Key.startsWith(reviewedPrefix(id))) throw unprocessable('json.reviewedS3Key', 'Not an upload for this request (POST …/reviewed-uploads)');
    if (!(await deps.resumes.head(body.reviewedS3Key))) throw unprocessable('json.reviewedS3Key', 'No uploaded object with this key; upload it first');
  }
  const data = {
    feedback: body.feedback,
    completedAt: new Date(),
    ...(body.feedbackData ? { feedbackData: body.feedbackData as Prisma.InputJsonValue } : {}),
    ...(body.reviewedS3Key ? { reviewedS3Key: body.reviewedS3Key } : {}),
  };
  return toReviewView(await deps.db.$transaction((tx) => move(tx, id, ['in_review'], 'completed', data, { reviewerId: actor.userId })));
}

type Page = { where: Prisma.ResumeReviewRequestWhereInput; orderBy: Prisma.ResumeReviewRequestOrderByWithRelationInput[]; take: number };
const statusIs = (status: ResumeReviewStatus | undefined) => (status ? { status } : {});

/** The student's own requests. */
export const myReviews = (deps: Deps, actor: AuthContext, f: { status?: ResumeReviewStatus | undefined }, page: Page) =>
  deps.db.resumeReviewRequest.findMany({ where: { AND: [page.where, { userId: actor.userId }, statusIs(f.status)] }, orderBy: page.orderBy, take: page.take, select: reviewSelect });

/** The mentor's assigned requests. */
export const assignedReviews = (deps: Deps, actor: AuthContext, f: { status?: ResumeReviewStatus | undefined }, page: Page) =>
  deps.db.resumeReviewRequest.findMany({ where: { AND: [page.where, { reviewerId: actor.userId }, statusIs(f.status)] }, orderBy: page.orderBy, take: page.take, select: reviewSelect });

/** Waiting requests, oldest first (the caller's page is ascending). */
export const reviewQueue = (deps: Deps, page: Page) =>
  deps.db.resumeReviewRequest.findMany({ where: { AND: [page.where, { status: 'pending' }] }, orderBy: page.orderBy, take: page.take, select: reviewSelect });

/** Every request (staff), by status, student or reviewer. */
export const allReviews = (deps: Deps, f: { status?: ResumeReviewStatus | undefined; userId?: string | undefined; reviewerId?: string | undefined }, page: Page) =>
  deps.db.resumeReviewRequest.findMany({
    where: { AND: [page.where, statusIs(f.status), f.userId ? { userId: f.userId } : {}, f.reviewerId ? { reviewerId: f.reviewerId } : {}] },
    orderBy: page.orderBy,
    take: page.take,
    select: reviewSelect,
  });
