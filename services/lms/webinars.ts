// Webinars (webinars, webinar_progress): staff schedule and run them (SCHEDULED → LIVE →
// COMPLETED, or CANCELLED), visitors list the upcoming and recorded ones of their platform, and
// signed-in viewers report how far they watched. Invariant: a viewer's progress never moves back:
// one upsert per report with GREATEST on every counter, so late or reordered reports (two tabs,
// retries) cannot undo a later one, and completedAt is written once, by the first report at 90%.
import { webinarLifecycle, type WebinarStatus } from '../../domain/webinar/status.js';
import { DomainError } from '../../domain/errors.js';
import { isWebinarWatched, webinarProgressPercent } from '../../domain/lms/webinar-progress.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { isPrismaCode } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const webinarSelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  hostName: true,
  hostBio: true,
  thumbnailUrl: true,
  platform: true,
  startsAt: true,
  durationMinutes: true,
  status: true,
  meetingLink: true,
  recordingUrl: true,
  recordingS3Key: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.WebinarSelect;
type WebinarRow = Prisma.WebinarGetPayload<{ select: typeof webinarSelect }>;

export const toWebinarView = (w: WebinarRow) => ({ ...w, startsAt: w.startsAt.toISOString(), createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString() });

/** What visitors see: no storage key; the join link only while the webinar is on or ahead. */
export const toPublicWebinarView = (w: WebinarRow) => ({
  id: w.id,
  slug: w.slug,
  title: w.title,
  description: w.description,
  hostName: w.hostName,
  hostBio: w.hostBio,
  thumbnailUrl: w.thumbnailUrl,
  platform: w.platform,
  startsAt: w.startsAt.toISOString(),
  durationMinutes: w.durationMinutes,
  status: w.status,
  meetingLink: w.status === 'SCHEDULED' || w.status === 'LIVE' ? w.meetingLink : null,
  recordingUrl: w.recordingUrl,
});

export interface WebinarInput {
  slug: string;
  title: string;
  description?: string | null | undefined;
  hostName?: string | null | undefined;
  hostBio?: string | null | undefined;
  thumbnailUrl?: string | null | undefined;
  platform?: string | null | undefined;
  startsAt: Date;
  durationMinutes?: number | undefined;
  meetingLink?: string | null | undefined;
  recordingUrl?: string | null | undefined;
  recordingS3Key?: string | null | undefined;
}

const slugTaken = () => new DomainError('CONFLICT', 'Another webinar already uses this slug');

export async function createWebinar({ db }: Deps, input: WebinarInput) {
  try {
    return toWebinarView(await db.webinar.create({ data: input, select: webinarSelect }));
  } catch (err) {
    if (isPrismaCode(err, 'P2002')) throw slugTaken();
    throw err;
  }
}

export async function getWebinar({ db }: Deps, id: string) {
  const w = await db.webinar.findUnique({ where: { id }, select: webinarSelect });
  if (!w) throw new DomainError('NOT_FOUND', 'No such webinar');
  return w;
}

/** Edits details; a finished (COMPLETED or CANCELLED) webinar keeps its schedule. */
export async function updateWebinar({ db }: Deps, id: string, input: Partial<WebinarInput>) {
  return db.$transaction(async (tx) => {
    const status = await lockWebinar(tx, id);
    if (webinarLifecycle.isTerminal(status) && (input.startsAt !== undefined || input.durationMinutes !== undefined)) {
      throw new DomainError('CONFLICT', `A ${status} webinar cannot be rescheduled`);
    }
    try {
      return toWebinarView(await tx.webinar.update({ where: { id }, data: input, select: webinarSelect }));
    } catch (err) {
      if (isPrismaCode(err, 'P2002')) throw slugTaken();
      throw err;
    }
  });
}

type Tx = Parameters<Parameters<Deps['db']['$transaction']>[0]>[0];

async function lockWebinar(tx: Tx, id: string): Promise<WebinarStatus> {
  const [row] = await tx.$queryRaw<{ status: WebinarStatus }[]>`SELECT "status"::text AS "status" FROM "public"."webinars" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (!row) throw new DomainError('NOT_FOUND', 'No such webinar');
  return row.status;
}

/** Moves a webinar along its lifecycle (409 for an illegal move); completing may attach the recording. */
export async function transitionWebinar({ db }: Deps, id: string, to: WebinarStatus, recording: { recordingUrl?: string | undefined; recordingS3Key?: string | undefined } = {}) {
  return db.$transaction(async (tx) => {
    webinarLifecycle.assertTransition(await lockWebinar(tx, id), to);
    const data: Prisma.WebinarUpdateInput = { status: to };
    if (to === 'COMPLETED') Object.assign(data, recording);
    return toWebinarView(await tx.webinar.update({ where: { id }, data, select: webinarSelect }));
  });
}

export async function deleteWebinar({ db }: Deps, id: string) {
  const { count } = await db.webinar.deleteMany({ where: { id } });
  if (!count) throw new DomainError('NOT_FOUND', 'No such webinar');
}

export function listWebinarsForStaff({ db }: Deps, f: { status?: WebinarStatus | undefined; platform?: string | undefined }, page: { where: Prisma.WebinarWhereInput; orderBy: Prisma.WebinarOrderByWithRelationInput[]; take: number }) {
  const where: Prisma.WebinarWhereInput[] = [page.where];
  if (f.status) where.push({ status: f.status });
  if (f.platform) where.push({ platform: f.platform });
  return db.webinar.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: webinarSelect });
}

export type PublicWebinarKind = 'upcoming' | 'recorded';

/** Upcoming: scheduled or live, soonest first. Recorded: completed with a recording, newest first. */
export const publicWebinarOrder = (kind: PublicWebinarKind) => (kind === 'upcoming' ? 'asc' : 'desc');

/** The platform's webinars, and those listed on no platform in particular. */
export function listPublicWebinars({ db }: Deps, platform: string, kind: PublicWebinarKind, page: { where: Prisma.WebinarWhereInput; orderBy: Prisma.WebinarOrderByWithRelationInput[]; take: number }) {
  const scope: Prisma.WebinarWhereInput =
    kind === 'upcoming' ? { status: { in: ['SCHEDULED', 'LIVE'] } } : { status: 'COMPLETED', OR: [{ recordingUrl: { not: null } }, { recordingS3Key: { not: null } }] };
  return db.webinar.findMany({ where: { AND: [page.where, scope, { OR: [{ platform }, { platform: null }] }] }, orderBy: page.orderBy, take: page.take, select: webinarSelect });
}

export interface ProgressRow {
  webinarId: string;
  watchedSeconds: number;
  lastPositionSeconds: number;
  progressPercent: number;
  completed: boolean;
  completedAt: Date | null;
  lastWatchedAt: Date | null;
  createdAt: Date;
}

export const toProgressView = (p: ProgressRow) => ({
  webinarId: p.webinarId,
  watchedSeconds: p.watchedSeconds,
  lastPositionSeconds: p.lastPositionSeconds,
  progressPercent: p.progressPercent,
  completed: p.completed,
  completedAt: p.completedAt?.toISOString() ?? null,
  lastWatchedAt: p.lastWatchedAt?.toISOString() ?? null,
});

/**
 * Records one progress report. Values past the webinar's end are clamped to it; each counter
 * becomes the larger of the stored and the reported value, in one statement (no lost update).
 */
export async function reportWebinarProgress({ db }: Deps, actor: AuthContext, webinarId: string, report: { positionSeconds: number; watchedSeconds: number }) {
  const webinar = await db.webinar.findUnique({ where: { id: webinarId }, select: { status: true, durationMinutes: true } });
  if (!webinar) throw new DomainError('NOT_FOUND', 'No such webinar');
  if (webinar.status === 'SCHEDULED' || webinar.status === 'CANCELLED') throw new DomainError('CONFLICT', `The webinar is ${webinar.status}; there is nothing to watch yet`);
  const length = Math.max(1, webinar.durationMinutes) * 60;
  const watched = Math.min(report.watchedSeconds, length);
  const position = Math.min(report.positionSeconds, length);
  const percent = webinarProgressPercent(watched, webinar.durationMinutes);
  const done = isWebinarWatched(percent);
  const [row] = await db.$queryRaw<ProgressRow[]>`
    INSERT INTO "public"."webinar_progress" AS p
      ("userId", "webinarId", "watchedSeconds", "lastPositionSeconds", "progressPercent", "completed", "completedAt", "lastWatchedAt", "createdAt", "updatedAt")
    VALUES (${actor.userId}::uuid, ${webinarId}::uuid, ${watched}, ${position}, ${percent}, ${done}, CASE WHEN ${done} THEN now() END, now(), now(), now())
    ON CONFLICT ("userId", "webinarId") DO UPDATE SET
      "watchedSeconds"      = GREATEST(p."watchedSeconds", EXCLUDED."watchedSeconds"),
      "lastPositionSeconds" = GREATEST(p."lastPositionSeconds", EXCLUDED."lastPositionSeconds"),
      "progressPercent"     = GREATEST(p."progressPercent", EXCLUDED."progressPercent"),
      "completed"           = p."completed" OR EXCLUDED."completed",
      "completedAt"         = COALESCE(p."completedAt", EXCLUDED."completedAt"),
      "lastWatchedAt"       = now(),
      "updatedAt"           = now()
    RETURNING "webinarId"::text AS "webinarId", "watchedSeconds", "lastPositionSeconds", "progressPercent", "completed", "completedAt", "lastWatchedAt", "createdAt"`;
  return toProgressView(row!);
}

/** The caller's own progress rows, the webinar started last first, each with its webinar. */
export async function listMyWebinarProgress({ db }: Deps, actor: AuthContext, page: { where: Prisma.WebinarProgressWhereInput; orderBy: Prisma.WebinarProgressOrderByWithRelationInput[]; take: number }) {
  return db.webinarProgress.findMany({
    where: { AND: [page.where, { userId: actor.userId }] },
    orderBy: page.orderBy,
    take: page.take,
    select: { id: true, webinarId: true, watchedSeconds: true, lastPositionSeconds: true, progressPercent: true, completed: true, completedAt: true, lastWatchedAt: true, createdAt: true, webinar: { select: webinarSelect } },
  });
}
