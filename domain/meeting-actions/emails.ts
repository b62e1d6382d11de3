// The slot-booked email, as plain text and HTML. Pure: the activity supplies names, times
// and the action links it has just issued.
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

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function slotBookedEmail(input: SlotBookedEmailInput): { subject: string; text: string; html: string } {
  const session = input.title ?? 'Mentoring session';
  const slotWhen = when(input.startDateTime, input.endDateTime);
  const subject = input.recipient === 'student' ? `Booked: ${session} with ${input.otherName}, ${slotWhen}` : `New booking: ${input.otherName}, ${slotWhen}`;
  const intro =
    input.recipient === 'student'
      ? `Hi ${input.recipientName}, your session "${session}" with ${input.otherName} is confirmed for ${slotWhen}.`
      : `Hi ${input.recipientName}, ${input.otherName} booked your session "${session}" for ${slotWhen}.`;
  const links: [string, string][] = [];
  if (input.tokens.JOIN) links.push(['Join the meeting', actionLink(input.publicWebUrl, input.tokens.JOIN)]);
  if (input.tokens.CANCEL) links.push(['Cancel the booking', actionLink(input.publicWebUrl, input.tokens.CANCEL)]);
  if (input.tokens.CONFIRM) links.push(['Confirm', actionLink(input.publicWebUrl, input.tokens.CONFIRM)]);
  const note = 'Each link works once.';
  const text = [intro, '', ...links.map(([label, url]) => `${label}: ${url}`), '', note].join('\n');
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    `<ul>${links.map(([label, url]) => `<li><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></li>`).join('')}</ul>`,
    `<p>${note}</p>`,
  ].join('\n');
  return { subject, text, html };
}
