// Which banners are live for a visitor: switched on, inside their scheduling window
// (startsAt inclusive, endsAt exclusive), on the visitor's platform (null = every platform), on
// a page one of whose path prefixes it targets (none = every page) and for the visitor's
// audience. Also how long an answer stays true: until the next window edge, so caches never
// serve a banner past its end or miss one past its start by more than that.

export type BannerAudience = 'ALL' | 'LOGGED_IN' | 'LOGGED_OUT';

export interface ScheduledBanner {
  isActive: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
  platform: string | null;
  targetPages: string[];
  audience: BannerAudience;
}

export interface Visitor {
  platform: string;
  /** The page's path, e.g. "/courses/data-science"; undefined matches banners for every page only. */
  page?: string | undefined;
  /** undefined: audience-specific banners are left out (only ALL). */
  loggedIn?: boolean | undefined;
}

export const inWindow = (b: Pick<ScheduledBanner, 'startsAt' | 'endsAt'>, now: Date) => (!b.startsAt || b.startsAt <= now) && (!b.endsAt || b.endsAt > now);

/** A prefix matches on path-segment boundaries: "/courses" matches "/courses" and "/courses/x", not "/coursesx". "/" matches every page. */
export function pageMatches(prefix: string, page: string): boolean {
  const p = prefix.length > 1 && prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  if (p === '/') return true;
  return page === p || page.startsWith(`${p}/`);
}

export function audienceMatches(audience: BannerAudience, loggedIn: boolean | undefined): boolean {
  if (audience === 'ALL') return true;
  if (loggedIn === undefined) return false;
  return audience === (loggedIn ? 'LOGGED_IN' : 'LOGGED_OUT');
}

export function isLiveFor(b: ScheduledBanner, v: Visitor, now: Date): boolean {
  if (!b.isActive || !inWindow(b, now)) return false;
  if (b.platform !== null && b.platform !== v.platform) return false;
  if (b.targetPages.length > 0 && (v.page === undefined || !b.targetPages.some((p) => pageMatches(p, v.page!)))) return false;
  return audienceMatches(b.audience, v.loggedIn);
}

/** Seconds until the next start or end among `banners` after `now` (capped at maxSeconds), so a cached answer expires when it would change. */
export function secondsUntilNextEdge(banners: readonly Pick<ScheduledBanner, 'startsAt' | 'endsAt'>[], now: Date, maxSeconds: number): number {
  let next = now.getTime() + maxSeconds * 1000;
  for (const b of banners) for (const edge of [b.startsAt, b.endsAt]) if (edge && edge.getTime() > now.getTime() && edge.getTime() < next) next = edge.getTime();
  return Math.max(0, Math.floor((next - now.getTime()) / 1000));
}

/** Validates a window: an end must come after its start. */
export function windowProblem(startsAt: Date | null | undefined, endsAt: Date | null | undefined): string | null {
  return startsAt && endsAt && endsAt <= startsAt ? 'endsAt must be after startsAt' : null;
}

/** A strong ETag matches an If-None-Match list ("*", or any tag, weak or strong, compared weakly as RFC 9110 says for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  const mine = opaque(etag);
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === mine);
}
