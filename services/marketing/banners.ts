// Staff CRUD of sticky and popup banners (public.sticky_banners, public.popup_banners). A
// banner's window must end after it starts; its platform must be an active platform; a popup's
// uploaded image must sit under the banner-image prefix and exist in the store before it is
// attached. The public feed (banner-feed.ts) reads these rows.
import { DomainError } from '../../domain/errors.js';
import { windowProblem, type BannerAudience } from '../../domain/marketing/banners.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { BANNER_IMAGE_PREFIX } from './banner-images.js';

type Deps = Pick<ServiceDeps, 'db'>;
export type BannerKind = 'sticky' | 'popup';

interface Common {
  platform?: string | null | undefined;
  targetPages?: string[] | undefined;
  audience?: BannerAudience | undefined;
  displayOrder?: number | undefined;
  isActive?: boolean | undefined;
  startsAt?: Date | null | undefined;
  endsAt?: Date | null | undefined;
}
export interface StickyInput extends Common {
  message?: string | undefined;
  ctaText?: string | null | undefined;
  ctaUrl?: string | null | undefined;
  backgroundColor?: string | null | undefined;
  textColor?: string | null | undefined;
}
export interface PopupInput extends Common {
  title?: string | undefined;
  body?: string | null | undefined;
  imageS3Key?: string | null | undefined;
  imageUrl?: string | null | undefined;
  ctaText?: string | null | undefined;
  ctaUrl?: string | null | undefined;
}

const common = { id: true, platform: true, targetPages: true, audience: true, displayOrder: true, isActive: true, startsAt: true, endsAt: true, createdById: true, createdAt: true, updatedAt: true } as const;
export const stickySelect = { ...common, message: true, ctaText: true, ctaUrl: true, backgroundColor: true, textColor: true } as const satisfies Prisma.StickyBannerSelect;
export const popupSelect = { ...common, title: true, body: true, imageS3Key: true, imageUrl: true, ctaText: true, ctaUrl: true } as const satisfies Prisma.PopupBannerSelect;
type StickyRow = Prisma.StickyBannerGetPayload<{ select: typeof stickySelect }>;
type PopupRow = Prisma.PopupBannerGetPayload<{ select: typeof popupSelect }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const times = <T extends { startsAt: Date | null; endsAt: Date | null; createdAt: Date; updatedAt: Date }>(r: T) => ({ ...r, startsAt: iso(r.startsAt), endsAt: iso(r.endsAt), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });
export const toStickyView = (r: StickyRow) => times(r);
export const toPopupView = (r: PopupRow) => times(r);

const unprocessable = (path: string, message: string) => new DomainError('UNPROCESSABLE', message, [{ path, message }]);

export async function assertPlatform(db: Deps['db'], platform: string | null | undefined, path = 'json.platform') {
  if (platform && !(await db.platform.count({ where: { key: platform, isActive: true } }))) throw unprocessable(path, `Unknown platform "${platform}"`);
}

async function checkCommon(deps: Deps, input: Common, before?: { startsAt: Date | null; endsAt: Date | null }) {
  const startsAt = input.startsAt !== undefined ? input.startsAt : (before?.startsAt ?? null);
  const endsAt = input.endsAt !== undefined ? input.endsAt : (before?.endsAt ?? null);
  const bad = windowProblem(startsAt, endsAt);
  if (bad) throw unprocessable('json.endsAt', bad);
  await assertPlatform(deps.db, input.platform);
}

/** An uploaded image is attached only once it is in the store, under the banner-image prefix. */
async function checkImage(deps: Pick<ServiceDeps, 'documents'>, key: string | null | undefined) {
  if (!key) return;
  if (!key.startsWith(BANNER_IMAGE_PREFIX)) throw unprocessable('json.imageS3Key', `A banner image key starts with ${BANNER_IMAGE_PREFIX} (from POST /api/admin/banners/image-uploads)`);
  if (!(await deps.documents.head(key))) throw unprocessable('json.imageS3Key', 'No uploaded object with this key; upload it first');
}

const notFound = (kind: BannerKind) => new DomainError('NOT_FOUND', `No such ${kind} banner`);
const isMissing = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025';

export async function createSticky(deps: Deps, actor: AuthContext, input: StickyInput & { message: string }) {
  await checkCommon(deps, input);
  return toStickyView(await deps.db.stickyBanner.create({ data: { ...input, createdById: actor.userId }, select: stickySelect }));
}

export async function createPopup(deps: Pick<ServiceDeps, 'db' | 'documents'>, actor: AuthContext, input: PopupInput & { title: string }) {
  await checkCommon(deps, input);
  await checkImage(deps, input.imageS3Key);
  return toPopupView(await deps.db.popupBanner.create({ data: { ...input, createdById: actor.userId }, select: popupSelect }));
}

export async function updateSticky(deps: Deps, id: string, patch: StickyInput) {
  const before = await deps.db.stickyBanner.findUnique({ where: { id }, select: { startsAt: true, endsAt: true } });
  if (!before) throw notFound('sticky');
  await checkCommon(deps, patch, before);
  try {
    return toStickyView(await deps.db.stickyBanner.update({ where: { id }, data: patch, select: stickySelect }));
  } catch (err) {
    if (isMissing(err)) throw notFound('sticky');
    throw err;
  }
}

export async function updatePopup(deps: Pick<ServiceDeps, 'db' | 'documents'>, id: string, patch: PopupInput) {
  const before = await deps.db.popupBanner.findUnique({ where: { id }, select: { startsAt: true, endsAt: true } });
  if (!before) throw notFound('popup');
  await checkCommon(deps, patch, before);
  await checkImage(deps, patch.imageS3Key);
  try {
    return toPopupView(await deps.db.popupBanner.update({ where: { id }, data: patch, select: popupSelect }));
  } catch (err) {
    if (isMissing(err)) throw notFound('popup');
    throw err;
  }
}

export async function getBanner(deps: Deps, kind: BannerKind, id: string) {
  if (kind === 'sticky') {
    const row = await deps.db.stickyBanner.findUnique({ where: { id }, select: stickySelect });
    if (!row) throw notFound(kind);
    return toStickyView(row);
  }
  const row = await deps.db.popupBanner.findUnique({ where: { id }, select: popupSelect });
  if (!row) throw notFound(kind);
  return toPopupView(row);
}

export async function deleteBanner(deps: Deps, kind: BannerKind, id: string): Promise<void> {
  const { count } = kind === 'sticky' ? await deps.db.stickyBanner.deleteMany({ where: { id } }) : await deps.db.popupBanner.deleteMany({ where: { id } });
  if (!count) throw notFound(kind);
}

export interface BannerFilters {
  platform?: string | undefined;
  isActive?: boolean | undefined;
}
type Page = { where: Record<string, unknown>; orderBy: Record<string, 'asc' | 'desc'>[]; take: number };

const filterWhere = (f: BannerFilters) => [f.platform ? { platform: f.platform } : {}, f.isActive !== undefined ? { isActive: f.isActive } : {}];

export const listSticky = (deps: Deps, f: BannerFilters, page: Page) =>
  deps.db.stickyBanner.findMany({ where: { AND: [page.where as Prisma.StickyBannerWhereInput, ...filterWhere(f)] }, orderBy: page.orderBy, take: page.take, select: stickySelect });
export const listPopups = (deps: Deps, f: BannerFilters, page: Page) =>
  deps.db.popupBanner.findMany({ where: { AND: [page.where as Prisma.PopupBannerWhereInput, ...filterWhere(f)] }, orderBy: page.orderBy, take: page.take, select: popupSelect });
