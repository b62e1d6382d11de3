// Pure marketing and resume-review rules: a banner's window, page prefixes and audience; the
// cache lifetime up to the next window edge; If-None-Match matching; and the resume review
// lifecycle agreeing with its Prisma enum.
import { describe, expect, it } from 'vitest';
import * as enums from '../../prisma/generated/enums.js';
import { audienceMatches, etagMatches, inWindow, isLiveFor, pageMatches, secondsUntilNextEdge, windowProblem, type ScheduledBanner } from '../../domain/marketing/banners.js';
import { resumeReviewLifecycle } from '../../domain/resume-review/status.js';

const now = new Date('2026-12-08T10:00:00Z');
const at = (s: number) => new Date(now.getTime() + s * 1000);
const banner = (b: Partial<ScheduledBanner> = {}): ScheduledBanner => ({ isActive: true, startsAt: null, endsAt: null, platform: null, targetPages: [], audience: 'ALL', ...b });

describe('banner rules', () => {
  it('a window includes its start and excludes its end', () => {
    expect(inWindow({ startsAt: now, endsAt: null }, now)).toBe(true);
    expect(inWindow({ startsAt: null, endsAt: now }, now)).toBe(false);
    expect(inWindow({ startsAt: at(1), endsAt: null }, now)).toBe(false);
    expect(windowProblem(at(10), at(5))).not.toBeNull();
    expect(windowProblem(at(10), at(10))).not.toBeNull();
    expect(windowProblem(at(5), null)).toBeNull();
  });

  it('page prefixes match on segment boundaries', () => {
    expect(pageMatches('/courses', '/courses')).toBe(true);
    expect(pageMatches('/courses/', '/courses/sql')).toBe(true);
    expect(pageMatches('/courses', '/coursesx')).toBe(false);
    expect(pageMatches('/', '/anything')).toBe(true);
  });

  it('audience-specific banners need the visitor’s state', () => {
    expect(audienceMatches('ALL', undefined)).toBe(true);
    expect(audienceMatches('LOGGED_IN', undefined)).toBe(false);
    expect(audienceMatches('LOGGED_IN', true)).toBe(true);
    expect(audienceMatches('LOGGED_OUT', true)).toBe(false);
  });

  it('live for a visitor: active, in window, platform, page, audience', () => {
    const v = { platform: 'mr-mentor', page: '/jobs/1', loggedIn: false };
    expect(isLiveFor(banner(), v, now)).toBe(true);
    expect(isLiveFor(banner({ isActive: false }), v, now)).toBe(false);
    expect(isLiveFor(banner({ platform: 'my-analytics-school' }), v, now)).toBe(false);
    expect(isLiveFor(banner({ targetPages: ['/jobs'] }), v, now)).toBe(true);
    expect(isLiveFor(banner({ targetPages: ['/jobs'] }), { platform: 'mr-mentor' }, now)).toBe(false);
    expect(isLiveFor(banner({ audience: 'LOGGED_OUT' }), v, now)).toBe(true);
  });

  it('the cache lifetime stops at the next start or end', () => {
    expect(secondsUntilNextEdge([], now, 60)).toBe(60);
    expect(secondsUntilNextEdge([{ startsAt: at(-100), endsAt: at(20) }, { startsAt: at(45), endsAt: null }], now, 60)).toBe(20);
    expect(secondsUntilNextEdge([{ startsAt: at(-5), endsAt: at(-1) }], now, 60)).toBe(60);
  });

  it('If-None-Match: any listed tag, weak or strong, or *', () => {
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('"b", W/"a"', '"a"')).toBe(true);
    expect(etagMatches('*', '"a"')).toBe(true);
    expect(etagMatches('"b"', '"a"')).toBe(false);
    expect(etagMatches(undefined, '"a"')).toBe(false);
  });
});

describe('resume review lifecycle', () => {
  it('agrees with the Prisma enum and allows only its transitions', () => {
    expect([...resumeReviewLifecycle.states].sort()).toEqual(Object.values(enums.ResumeReviewRequestStatus).sort());
    expect(resumeReviewLifecycle.canTransition('pending', 'assigned')).toBe(true);
    expect(resumeReviewLifecycle.canTransition('assigned', 'pending')).toBe(true);
    expect(resumeReviewLifecycle.canTransition('pending', 'completed')).toBe(false);
    expect(resumeReviewLifecycle.isTerminal('completed')).toBe(true);
    expect(resumeReviewLifecycle.isTerminal('cancelled')).toBe(true);
    expect(() => resumeReviewLifecycle.assertTransition('completed', 'cancelled')).toThrow();
  });
});
