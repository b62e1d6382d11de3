// Announcements (announcements): staff write them for everyone, one batch or one legacy course;
// a draft (publishedAt null) becomes visible when published and disappears once expired.
// Invariant of the feed: a student sees a published, unexpired announcement only when it is
// global, for a batch they belong to (BATCH_ALLOCATED or ENROLLED), or for a course they are
// enrolled in. Another batch's announcement never reaches them.
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { memberBatchIds } from './batch-membership.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const announcementSelect = {
  id: true,
  title: true,
  body: true,
  batchId: true,
  courseId: true,
  authorId: true,
  isPinned: true,
  publishedAt: true,
  expiresAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.AnnouncementSelect;
type Row = Prisma.AnnouncementGetPayload<{ select: typeof announcementSelect }>;

export const toAnnouncementView = (a: Row) => ({
  ...a,
  publishedAt: a.publishedAt?.toISOString() ?? null,
  expiresAt: a.expiresAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

export interface AnnouncementInput {
  title: string;
  body: string;
  batchId?: string | undefined;
  courseId?: string | undefined;
  isPinned?: boolean | undefined;
  expiresAt?: Date | null | undefined;
  /** Publish at once instead of saving a draft. */
  publish?: boolean | undefined;
}

async function assertScopeExists(db: Deps['db'], input: { batchId?: string | undefined; courseId?: string | undefined }) {
  if (input.batchId && !(await db.batch.findUnique({ where: { id: input.batchId }, select: { id: true } }))) {
    throw new DomainError('UNPROCESSABLE', 'No such batch', [{ path: 'json.batchId', message: 'Unknown batch' }]);
  }
  if (input.courseId && !(await db.course.findUnique({ where: { id: input.courseId }, select: { id: true } }))) {
    throw new DomainError('UNPROCESSABLE', 'No such course', [{ path: 'json.courseId', message: 'Unknown course' }]);
  }
}

export async function createAnnouncement({ db }: Deps, actor: AuthContext, input: AnnouncementInput) {
  await assertScopeExists(db, input);
  const { publish, ...data } = input;
  const row = await db.announcement.create({ data: { ...data, authorId: actor.userId, publishedAt: publish ? new Date() : null }, select: announcementSelect });
  return toAnnouncementView(row);
}

async function existing(db: Deps['db'], id: string) {
  const row = await db.announcement.findUnique({ where: { id }, select: announcementSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such announcement');
  return row;
}

/** Edits the text, the pin or the expiry (expiresAt ≤ now expires it at once). The scope is fixed at creation. */
export async function updateAnnouncement({ db }: Deps, id: string, input: { title?: string | undefined; body?: string | undefined; isPinned?: boolean | undefined; expiresAt?: Date | null | undefined }) {
  await existing(db, id);
  return toAnnouncementView(await db.announcement.update({ where: { id }, data: input, select: announcementSelect }));
}

/** Makes a draft visible now; publishing a published announcement changes nothing. */
export async function publishAnnouncement({ db }: Deps, id: string) {
  const row = await existing(db, id);
  if (row.publishedAt) return toAnnouncementView(row);
  await db.announcement.updateMany({ where: { id, publishedAt: null }, data: { publishedAt: new Date() } });
  return toAnnouncementView(await existing(db, id));
}

export async function deleteAnnouncement({ db }: Deps, id: string) {
  const { count } = await db.announcement.deleteMany({ where: { id } });
  if (!count) throw new DomainError('NOT_FOUND', 'No such announcement');
}

export interface AnnouncementFilters {
  batchId?: string | undefined;
  courseId?: string | undefined;
  state?: 'draft' | 'published' | undefined;
}

export function listAnnouncements({ db }: Deps, f: AnnouncementFilters, page: { where: Prisma.AnnouncementWhereInput; orderBy: Prisma.AnnouncementOrderByWithRelationInput[]; take: number }) {
  const where: Prisma.AnnouncementWhereInput[] = [page.where];
  if (f.batchId) where.push({ batchId: f.batchId });
  if (f.courseId) where.push({ courseId: f.courseId });
  if (f.state === 'draft') where.push({ publishedAt: null });
  if (f.state === 'published') where.push({ publishedAt: { not: null } });
  return db.announcement.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: announcementSelect });
}

// The feed is ordered pinned first, then newest published: its cursor is (isPinned, publishedAt, id).
interface FeedKey {
  isPinned: boolean;
  publishedAt: Date;
  id: string;
}

export const encodeFeedCursor = (k: FeedKey) => Buffer.from(JSON.stringify([k.isPinned, k.publishedAt.toISOString(), k.id])).toString('base64url');

function decodeFeedCursor(cursor: string): FeedKey {
  try {
    const [isPinned, at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, string, unknown];
    const publishedAt = new Date(at);
    if (typeof isPinned !== 'boolean' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(publishedAt.getTime())) throw new Error('bad cursor');
    return { isPinned, publishedAt, id };
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The cursor is not valid', [{ path: 'query.cursor', message: 'Invalid cursor' }]);
  }
}

/** Rows after `k` in (isPinned DESC, publishedAt DESC, id DESC) order. */
function after(k: FeedKey): Prisma.AnnouncementWhereInput {
  const samePin: Prisma.AnnouncementWhereInput = { isPinned: k.isPinned, OR: [{ publishedAt: { lt: k.publishedAt } }, { publishedAt: k.publishedAt, id: { lt: k.id } }] };
  return k.isPinned ? { OR: [{ isPinned: false }, samePin] } : samePin;
}

export async function announcementFeed({ db }: Deps, actor: AuthContext, page: { cursor?: string | undefined; limit: number }) {
  const now = new Date();
  const [batchIds, enrollments] = await Promise.all([memberBatchIds(db, actor.userId), db.enrollment.findMany({ where: { userId: actor.userId }, select: { courseId: true } })]);
  const audience: Prisma.AnnouncementWhereInput[] = [{ batchId: null, courseId: null }];
  if (batchIds.length) audience.push({ batchId: { in: batchIds } });
  if (enrollments.length) audience.push({ courseId: { in: enrollments.map((e) => e.courseId) } });
  const where: Prisma.AnnouncementWhereInput[] = [{ publishedAt: { lte: now } }, { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, { OR: audience }];
  if (page.cursor) where.push(after(decodeFeedCursor(page.cursor)));
  const rows = await db.announcement.findMany({ where: { AND: where }, orderBy: [{ isPinned: 'desc' }, { publishedAt: 'desc' }, { id: 'desc' }], take: page.limit + 1, select: announcementSelect });
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return { items: items.map(toAnnouncementView), nextCursor: rows.length > page.limit && last ? encodeFeedCursor({ isPinned: last.isPinned, publishedAt: last.publishedAt!, id: last.id }) : null };
}
