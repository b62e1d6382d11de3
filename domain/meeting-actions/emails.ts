// The slot-booked email's template and variables. Pure: the activity supplies names, times and
// the action links it has just issued; the email_templates row (seeded from
// domain/comms/default-templates.ts) gives the words, and rendering escapes the values for HTML.
import { TEMPLATE_KEYS } from '../comms/default-templates.js';
import { actionLink, type MeetingAction, type Recipient } from './policy.js';

export interface SlotBookedEmailInput {
  recipient: Recipient;
  recipientName: string;
  otherName: string;
  title: string | null;
  startDateTime: Date;
  endDateTime: Date;
  publicWebUrl: string;
  /** Raw tokens by action: only ever in the email, never stored. */
  tokens: Partial<Record<MeetingAction, string>>;
}

function when(start: Date, end: Date): string {
  const day = start.toISOString().slice(0, 10);
  return `${day} ${start.toISOString().slice(11, 16)}–${end.toISOString().slice(11, 16)} UTC`;
}

/** The template key of the recipient's email and its variables (a link per action the recipient was issued). */
export function slotBookedEmail(input: SlotBookedEmailInput): { templateKey: string; data: Record<string, string> } {
  const data: Record<string, string> = {
    recipientName: input.recipientName,
    otherName: input.otherName,
    session: input.title ?? 'Mentoring session',
    when: when(input.startDateTime, input.endDateTime),
  };
  if (input.tokens.JOIN) data.joinUrl = actionLink(input.publicWebUrl, input.tokens.JOIN);
  if (input.tokens.CANCEL) data.cancelUrl = actionLink(input.publicWebUrl, input.tokens.CANCEL);
  return { templateKey: input.recipient === 'student' ? TEMPLATE_KEYS.slotBookedStudent : TEMPLATE_KEYS.slotBookedMentor, data };
}
