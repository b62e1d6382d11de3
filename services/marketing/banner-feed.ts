// The public banner feed: the banners live right now for a platform, page and audience, with
// the settings that platform's visitors get. The answer carries a strong ETag over its bytes
// and a max-age that never runs past the next scheduling edge (a start or an end), so a cached
// feed is never stale for longer than it would have been fresh.
import { createHash } from 'node:crypto';
import { isLiveFor, secondsUntilNextEdge, type Visitor } from '../../domain/marketing/banners.js';
import type { ServiceDeps } from '../deps.js';
import { popupImagePath } from './banner-images.js';
import { effectiveSettings } from './banner-settings.js';

/** The longest a feed is cached (seconds); shorter when a window edge is nearer. */
export const BANNER_FEED_MAX_AGE_SECONDS = 60;
/** Candidates read per kind: a platform's running and scheduled banners are a handful; this caps a misconfiguration. */
const MAX_CANDIDATES = 200;

const schedule = { isActive: true, startsAt: true, endsAt: true, platform: true, targetPages: true, audience: true, displayOrder: true } as const;
const order = [{ displayOrder: 'asc' as const }, { createdAt: 'asc' as const }, { id: 'asc' as const }];

export async function bannerFeed(deps: Pick<ServiceDeps, 'db'>, visitor: Visitor, now = new Date()) {
  const candidates = {
    isActive: true,
    AND: [{ OR: [{ platform: null }, { platform: visitor.platform }] }, { OR: [{ endsAt: null }, { endsAt: { gt: now } }] }],
  };
  const [settings, sticky, popups] = await Promise.all([
    effectiveSettings(deps, visitor.platform),
    deps.db.stickyBanner.findMany({ where: candidates, orderBy: order, take: MAX_CANDIDATES, select: { ...schedule, id: true, message: true, ctaText: true, ctaUrl: true, backgroundColor: true, textColor: true } }),
    deps.db.popupBanner.findMany({ where: candidates, orderBy: order, take: MAX_CANDIDATES, select: { ...schedule, id: true, title: true, body: true, imageS3Key: true, imageUrl: true, ctaText: true, ctaUrl: true } }),
  ]);
  // Rows not yet started are fetched too: their start is the next edge.
  const liveSticky = settings.sticky.isEnabled ? sticky.filter((b) => isLiveFor(b, visitor, now)) : [];
  const livePopups = settings.popup.isEnabled ? popups.filter((b) => isLiveFor(b, visitor, now)) : [];
  const body = {
    platform: visitor.platform,
    page: visitor.page ?? null,
    settings,
    sticky: liveSticky.map((b) => ({ id: b.id, message: b.message, ctaText: b.ctaText, ctaUrl: b.ctaUrl, backgroundColor: b.backgroundColor, textColor: b.textColor, displayOrder: b.displayOrder, endsAt: b.endsAt?.toISOString() ?? null })),
    popups: livePopups.map((b) => ({
      id: b.id,
      title: b.title,
      body: b.body,
      imageUrl: b.imageUrl ?? (b.imageS3Key ? popupImagePath(b.id) : null),
      ctaText: b.ctaText,
      ctaUrl: b.ctaUrl,
      displayOrder: b.displayOrder,
      endsAt: b.endsAt?.toISOString() ?? null,
    })),
  };
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 32)}"`;
  const maxAge = secondsUntilNextEdge([...sticky, ...popups], now, BANNER_FEED_MAX_AGE_SECONDS);
  return { body, etag, maxAge };
}
