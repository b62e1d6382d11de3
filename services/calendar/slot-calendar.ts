// A booked slot's event on the mentor's Google Calendar, kept in step with the slot: one
// idempotent reconcile (the calendar/slot/<slotId> workflow runs it after a booking and after a
// cancellation). A booked slot (CONFIRMED or CANCELLATION_REQUESTED, with a student) gets one
// event: our own event id (from the slot id) and a stable conference requestId, so a retry or a
// duplicate run answers 409 and reads the event back instead of making a second one; the id is
// stored on the slot, and the Meet link becomes the slot's meetingLink when it has none. A
// cancelled slot's event is deleted (410 = already gone = done). No Google connected, Google off,
// or a broken connection (invalid_grant on refresh: marked broken, the mentor notified): skipped,
// and the booking is never held up by it.
import { eventIdFor, GoogleError, type CalendarEvent } from '../../providers/google/interface.js';
import { accessTokenFor, type GoogleDeps } from './google-connection.js';

export type SlotCalendarOutcome =
  | 'created'
  | 'already-present'
  | 'deleted'
  | 'already-gone'
  | 'nothing-to-do'
  | 'skipped-google-off'
  | 'skipped-not-connected'
  | 'skipped-broken';

type Skip = 'skipped-not-connected' | 'skipped-broken';

const BOOKED = ['CONFIRMED', 'CANCELLATION_REQUESTED'];

/** Our event id for a slot: `mas` + the uuid's hex (base32hex, as Google asks). */
export const slotEventId = (slotId: string) => eventIdFor('mas', slotId);
/** The Meet create request id: the same on every attempt for a slot. */
export const slotConferenceRequestId = (slotId: string) => `mas-slot-${slotId}`;

export async function reconcileSlotCalendar(deps: GoogleDeps, slotId: string): Promise<{ outcome: SlotCalendarOutcome; eventId: string | null }> {
  const slot = await deps.db.slot.findUnique({
    where: { id: slotId },
    select: {
      id: true,
      mentorId: true,
      title: true,
      status: true,
      startDateTime: true,
      endDateTime: true,
      meetingLink: true,
      calendarEventId: true,
      mentor: { select: { name: true, email: true } },
      student: { select: { name: true, email: true } },
    },
  });
  if (!slot) return { outcome: 'nothing-to-do', eventId: null };
  const wanted = BOOKED.includes(slot.status) && slot.student !== null;
  if (wanted && slot.calendarEventId) return { outcome: 'already-present', eventId: slot.calendarEventId };
  if (!wanted && !slot.calendarEventId) return { outcome: 'nothing-to-do', eventId: null };
  if (!deps.google) return { outcome: 'skipped-google-off', eventId: slot.calendarEventId };

  const google = deps.google;
  let token = await accessTokenFor(deps, slot.mentorId);
  /** Runs a Calendar call with the mentor's token; a 401 (revoked or expired early) refreshes once. */
  async function withToken<T>(call: (accessToken: string, calendarId: string) => Promise<T>): Promise<T | Skip> {
    if (token.status === 'not-connected') return 'skipped-not-connected';
    if (token.status === 'broken') return 'skipped-broken';
    try {
      return await call(token.accessToken, token.calendarId);
    } catch (err) {
      if (!(err instanceof GoogleError && err.status === 401)) throw err;
      token = await accessTokenFor(deps, slot!.mentorId, { forceRefresh: true });
      if (token.status !== 'ok') return token.status === 'broken' ? 'skipped-broken' : 'skipped-not-connected';
      return call(token.accessToken, token.calendarId);
    }
  }
  const skipped = (r: unknown): r is Skip => typeof r === 'string' && r.startsWith('skipped-');

  if (!wanted) {
    const eventId = slot.calendarEventId!;
    const gone = await withToken((accessToken, calendarId) => google.deleteEvent(accessToken, eventId, calendarId));
    if (skipped(gone)) return { outcome: gone, eventId };
    await deps.db.slot.updateMany({ where: { id: slotId, calendarEventId: eventId }, data: { calendarEventId: null, calendarEventLink: null } });
    deps.logger.info({ slotId, outcome: gone }, 'slot calendar event removed');
    return { outcome: gone === 'deleted' ? 'deleted' : 'already-gone', eventId: null };
  }

  const eventId = slotEventId(slot.id);
  const student = slot.student!;
  const event = await withToken(async (accessToken, calendarId): Promise<CalendarEvent> => {
    try {
      return await google.createEvent(accessToken, {
        calendarId,
        eventId,
        requestId: slotConferenceRequestId(slot.id),
        summary: (slot.title ? `${slot.title} · ` : 'Mentoring session · ').concat(`${slot.mentor.name} & ${student.name}`).slice(0, 1024),
        description: `Mentoring session booked on MAS.${slot.meetingLink ? `\nJoin: ${slot.meetingLink}` : ''}`,
        start: { dateTime: slot.startDateTime.toISOString(), timeZone: 'UTC' },
        end: { dateTime: slot.endDateTime.toISOString(), timeZone: 'UTC' },
        attendees: [{ email: slot.mentor.email }, { email: student.email }],
      });
    } catch (err) {
      // Made by an earlier attempt whose answer was lost: read it back.
      if (!(err instanceof GoogleError && err.status === 409)) throw err;
      return google.getEvent(accessToken, eventId, calendarId);
    }
  });
  if (skipped(event)) return { outcome: event, eventId: null };
  await deps.db.$transaction([
    deps.db.slot.updateMany({ where: { id: slotId }, data: { calendarEventId: event.id, calendarEventLink: event.htmlLink } }),
    ...(event.hangoutLink ? [deps.db.slot.updateMany({ where: { id: slotId, meetingLink: null }, data: { meetingLink: event.hangoutLink } })] : []),
  ]);
  deps.logger.info({ slotId, eventId: event.id }, 'slot calendar event created');
  return { outcome: 'created', eventId: event.id };
}
