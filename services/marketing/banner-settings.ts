// Sticky and popup banner settings (one row per scope: "global", or a platform key that
// overrides it) and the reusable banner templates. A settings PUT is an upsert on the scope's
// unique key, so concurrent writes of one scope never make two rows.
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { assertPlatform } from './banners.js';
import { isUniqueViolation, prismaCode } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;
export const GLOBAL_SCOPE = 'global';

export const stickySettingsSelect = { scope: true, isEnabled: true, position: true, isDismissible: true, rotationIntervalSeconds: true, showOnMobile: true, updatedAt: true } as const satisfies Prisma.StickyBannerSettingsSelect;
export const popupSettingsSelect = { scope: true, isEnabled: true, delaySeconds: true, cooldownHours: true, maxShowsPerSession: true, showOnMobile: true, updatedAt: true } as const satisfies Prisma.PopupBannerSettingsSelect;
type StickySettingsRow = Prisma.StickyBannerSettingsGetPayload<{ select: typeof stickySettingsSelect }>;
type PopupSettingsRow = Prisma.PopupBannerSettingsGetPayload<{ select: typeof popupSettingsSelect }>;

/** The column defaults, for a scope nobody has configured. */
export const DEFAULT_STICKY_SETTINGS: { isEnabled: boolean; position: 'top' | 'bottom'; isDismissible: boolean; rotationIntervalSeconds: number; showOnMobile: boolean } = { isEnabled: true, position: 'top', isDismissible: true, rotationIntervalSeconds: 8, showOnMobile: true };
export const DEFAULT_POPUP_SETTINGS = { isEnabled: true, delaySeconds: 5, cooldownHours: 24, maxShowsPerSession: 1, showOnMobile: true };

export const toStickySettingsView = (r: StickySettingsRow) => ({ ...r, position: r.position === 'bottom' ? ('bottom' as const) : ('top' as const), updatedAt: r.updatedAt.toISOString() });
export const toPopupSettingsView = (r: PopupSettingsRow) => ({ ...r, updatedAt: r.updatedAt.toISOString() });

const checkScope = (deps: Deps, scope: string) => (scope === GLOBAL_SCOPE ? Promise.resolve() : assertPlatform(deps.db, scope, 'param.scope'));

export async function putStickySettings(deps: Deps, scope: string, body: Partial<typeof DEFAULT_STICKY_SETTINGS>) {
  await checkScope(deps, scope);
  const row = await deps.db.stickyBannerSettings.upsert({ where: { scope }, create: { scope, ...body }, update: body, select: stickySettingsSelect });
  return toStickySettingsView(row);
}

export async function putPopupSettings(deps: Deps, scope: string, body: Partial<typeof DEFAULT_POPUP_SETTINGS>) {
  await checkScope(deps, scope);
  const row = await deps.db.popupBannerSettings.upsert({ where: { scope }, create: { scope, ...body }, update: body, select: popupSettingsSelect });
  return toPopupSettingsView(row);
}

export async function listBannerSettings(deps: Deps) {
  const [sticky, popup] = await Promise.all([
    deps.db.stickyBannerSettings.findMany({ orderBy: { scope: 'asc' }, select: stickySettingsSelect }),
    deps.db.popupBannerSettings.findMany({ orderBy: { scope: 'asc' }, select: popupSettingsSelect }),
  ]);
  return { sticky: sticky.map(toStickySettingsView), popup: popup.map(toPopupSettingsView) };
}

/** The settings a platform's visitors get: its own row, else the global one, else the defaults. */
export async function effectiveSettings(deps: Deps, platform: string) {
  const scopes = [platform, GLOBAL_SCOPE];
  const [sticky, popup] = await Promise.all([
    deps.db.stickyBannerSettings.findMany({ where: { scope: { in: scopes } }, select: stickySettingsSelect }),
    deps.db.popupBannerSettings.findMany({ where: { scope: { in: scopes } }, select: popupSettingsSelect }),
  ]);
  const pick = <T extends { scope: string }>(rows: T[]) => rows.find((r) => r.scope === platform) ?? rows.find((r) => r.scope === GLOBAL_SCOPE);
  const s = pick(sticky);
  const p = pick(popup);
  return {
    sticky: s ? { isEnabled: s.isEnabled, position: s.position === 'bottom' ? ('bottom' as const) : ('top' as const), isDismissible: s.isDismissible, rotationIntervalSeconds: s.rotationIntervalSeconds, showOnMobile: s.showOnMobile } : DEFAULT_STICKY_SETTINGS,
    popup: p ? { isEnabled: p.isEnabled, delaySeconds: p.delaySeconds, cooldownHours: p.cooldownHours, maxShowsPerSession: p.maxShowsPerSession, showOnMobile: p.showOnMobile } : DEFAULT_POPUP_SETTINGS,
  };
}

// Templates.
export const templateSelect = { id: true, name: true, type: true, content: true, previewImageUrl: true, isActive: true, createdById: true, createdAt: true, updatedAt: true } as const satisfies Prisma.BannerTemplateSelect;
type TemplateRow = Prisma.BannerTemplateGetPayload<{ select: typeof templateSelect }>;
export const toTemplateView = (r: TemplateRow) => ({ ...r, content: r.content as Record<string, unknown>, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

export interface TemplateInput {
  name?: string | undefined;
  type?: 'STICKY' | 'POPUP' | undefined;
  content?: Record<string, unknown> | undefined;
  previewImageUrl?: string | null | undefined;
  isActive?: boolean | undefined;
}

const taken = () => new DomainError('CONFLICT', 'A template of this type with this name already exists');

export async function createTemplate(deps: Deps, actor: AuthContext, input: TemplateInput & { name: string; type: 'STICKY' | 'POPUP'; content: Record<string, unknown> }) {
  try {
    return toTemplateView(await deps.db.bannerTemplate.create({ data: { ...input, content: input.content as Prisma.InputJsonValue, createdById: actor.userId }, select: templateSelect }));
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
}

export async function updateTemplate(deps: Deps, id: string, patch: TemplateInput) {
  try {
    const { content, ...rest } = patch;
    return toTemplateView(await deps.db.bannerTemplate.update({ where: { id }, data: { ...rest, ...(content !== undefined ? { content: content as Prisma.InputJsonValue } : {}) }, select: templateSelect }));
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    if (prismaCode(err) === 'P2025') throw new DomainError('NOT_FOUND', 'No such template');
    throw err;
  }
}

export async function deleteTemplate(deps: Deps, id: string) {
  const { count } = await deps.db.bannerTemplate.deleteMany({ where: { id } });
  if (!count) throw new DomainError('NOT_FOUND', 'No such template');
}

export function listTemplates(deps: Deps, f: { type?: 'STICKY' | 'POPUP' | undefined; isActive?: boolean | undefined }, page: { where: Prisma.BannerTemplateWhereInput; orderBy: Prisma.BannerTemplateOrderByWithRelationInput[]; take: number }) {
  return deps.db.bannerTemplate.findMany({
    where: { AND: [page.where, f.type ? { type: f.type } : {}, f.isActive !== undefined ? { isActive: f.isActive } : {}] },
    orderBy: page.orderBy,
    take: page.take,
    select: templateSelect,
  });
}
