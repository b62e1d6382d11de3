// Webinar watch progress: how far through a webinar a viewer is, and when it counts as watched.
// Pure math; the monotone upsert (positions never move back) lives in services/lms/webinars.ts.

/** A webinar counts as watched at this share of its length. */
export const WEBINAR_COMPLETION_PERCENT = 90;

/** 0–100, from the seconds watched and the webinar's length; two decimals. */
export function webinarProgressPercent(watchedSeconds: number, durationMinutes: number): number {
  const total = Math.max(1, durationMinutes) * 60;
  return Math.min(100, Math.round((watchedSeconds / total) * 10_000) / 100);
}

export const isWebinarWatched = (percent: number) => percent >= WEBINAR_COMPLETION_PERCENT;
