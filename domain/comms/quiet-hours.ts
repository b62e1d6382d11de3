// Quiet hours: a daily window in the recipient's time zone when marketing sends wait. The window
// is [start, end) in minutes after local midnight and may wrap midnight (21:00–09:00). A send
// inside it is deferred to the window's end; transactional sends never ask.
import { z } from 'zod';
import { normalizePhone } from '../crm/phone.js';

export interface QuietHours {
  /** Minutes after local midnight, 0–1439. */
  startMin: number;
  endMin: number;
  /** IANA zone, e.g. Asia/Kolkata. */
  timezone: string;
}

const MINUTE_MS = 60_000;
const DAY_MIN = 1440;

export const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** "HH:MM" (24 h) ↔ minutes after midnight. */
export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const fromHhMm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
export const HhMm = z.string().regex(HH_MM, 'Use HH:MM, 24-hour').transform(fromHhMm);
export const toHhMm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Minutes after local midnight of `at` in `timezone` (seconds dropped). */
export function localMinuteOfDay(at: Date, timezone: string): number {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timezone, f);
  }
  let hour = 0;
  let minute = 0;
  for (const p of f.formatToParts(at)) {
    if (p.type === 'hour') hour = Number(p.value);
    else if (p.type === 'minute') minute = Number(p.value);
  }
  return hour * 60 + minute;
}

/** Whether a local minute falls in [start, end), wrapping midnight when start > end. An empty window (start = end) is never quiet. */
export function inWindow(minute: number, startMin: number, endMin: number): boolean {
  if (startMin === endMin) return false;
  return startMin < endMin ? minute >= startMin && minute < endMin : minute >= startMin || minute < endMin;
}

/**
 * When a marketing send at `now` may go: null if now is outside the quiet window, else the
 * window's end (the first whole local minute at endMin). A DST shift inside the window moves the
 * end by the shift, which is the zone's own clock doing it.
 */
export function quietUntil(now: Date, quiet: QuietHours): Date | null {
  const minute = localMinuteOfDay(now, quiet.timezone);
  if (!inWindow(minute, quiet.startMin, quiet.endMin)) return null;
  const waitMin = (quiet.endMin - minute + DAY_MIN) % DAY_MIN || DAY_MIN;
  const startOfMinute = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
  return new Date(startOfMinute + waitMin * MINUTE_MS);
}

/** The address a preference is keyed by: a lower-cased email, or a phone number in E.164 (as lead capture stores it). */
export function preferenceAddress(channel: 'EMAIL' | 'WHATSAPP' | 'SMS', raw: string): string {
  if (channel === 'EMAIL') return raw.trim().toLowerCase();
  return normalizePhone(raw) ?? `+${raw.replace(/\D/g, '')}`;
}

/** An inbound message that asks to stop (or restart) marketing messages. */
export function optOutIntent(text: string | null | undefined): 'stop' | 'start' | null {
  const word = (text ?? '').trim().toUpperCase().replace(/[.!]+$/, '');
  if (['STOP', 'UNSUBSCRIBE', 'STOP ALL', 'OPT OUT', 'OPTOUT'].includes(word)) return 'stop';
  if (['START', 'SUBSCRIBE', 'UNSTOP'].includes(word)) return 'start';
  return null;
}
