// One-time meeting action links (seed: MeetingActionToken): what each action is, who gets which
// in the slot-booked email, how long a link lasts, and whether a stored token can still be used.
// The token is a 256-bit secret sent by email; only its SHA-256 is stored.

export const MEETING_ACTIONS = ['JOIN', 'CONFIRM', 'CANCEL'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

/** 32 random bytes in base64url: 43 characters, no padding. */
export const ACTION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type Recipient = 'student' | 'mentor';

/** The links in the slot-booked email: the student may join or cancel; the mentor joins. */
export const SLOT_BOOKED_ACTIONS: Readonly<Record<Recipient, readonly MeetingAction[]>> = {
  student: ['JOIN', 'CANCEL'],
  mentor: ['JOIN'],
};

export const SLOT_BOOKED_EMAIL_TYPE = 'slot-booked';

/**
 * When a link stops working. A join link lasts until the meeting ends; a confirm or cancel link
 * lasts `ttlHours`, but never past the meeting's start (after that neither makes sense).
 */
export function actionExpiresAt(action: MeetingAction, slot: { startDateTime: Date; endDateTime: Date }, now: Date, ttlHours: number): Date {
  if (action === 'JOIN') return slot.endDateTime;
  const ttl = new Date(now.getTime() + ttlHours * 3_600_000);
  return ttl < slot.startDateTime ? ttl : slot.startDateTime;
}

export type TokenState = 'usable' | 'used' | 'expired';

export function tokenState(token: { usedAt: Date | null; expiresAt: Date }, now: Date): TokenState {
  if (token.usedAt) return 'used';
  return token.expiresAt <= now ? 'expired' : 'usable';
}

/** The link in the email: a page of the web app, which shows the action (GET) and performs it (POST). */
export function actionLink(publicWebUrl: string, token: string): string {
  return `${publicWebUrl.replace(/\/+$/, '')}/meeting-actions/${token}`;
}

/** Where a participant joins: the slot's own meeting link, else the web app's meeting room. */
export function joinUrl(slot: { id: string; meetingLink: string | null }, publicWebUrl: string): string {
  return slot.meetingLink ?? `${publicWebUrl.replace(/\/+$/, '')}/meetings/${slot.id}`;
}

export const ACTION_DESCRIPTIONS: Readonly<Record<MeetingAction, string>> = {
  JOIN: 'Join the meeting',
  CONFIRM: 'Confirm the requested meeting',
  CANCEL: 'Cancel the booking (the cancellation policy decides the refund)',
};
