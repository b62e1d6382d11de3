// The email templates the code sends by key. They are seeded into email_templates at first use
// (idempotently); staff then edit them through the API and every send records the version used.
import type { TemplateContent } from './email-template.js';

export interface DefaultTemplate extends TemplateContent {
  key: string;
  name: string;
  description: string;
  category: string;
  textBody: string;
}

export const TEMPLATE_KEYS = {
  slotBookedStudent: 'slot-booked-student',
  slotBookedMentor: 'slot-booked-mentor',
  papReminder: 'pap-reminder',
  papEscalation: 'pap-escalation',
  hireOutreach: 'hire-outreach',
  mrLearnInactive: 'mrlearn-inactive',
} as const;

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    key: TEMPLATE_KEYS.slotBookedStudent,
    name: 'Session booked (student)',
    description: 'To the student once a booking is confirmed, with one-time join and cancel links',
    category: 'booking',
    variables: ['recipientName', 'otherName', 'session', 'when', 'joinUrl', 'cancelUrl'],
    subject: 'Booked: {{session}} with {{otherName}}, {{when}}',
    textBody: 'Hi {{recipientName}}, your session "{{session}}" with {{otherName}} is confirmed for {{when}}.\n\nJoin the meeting: {{joinUrl}}\nCancel the booking: {{cancelUrl}}\n\nEach link works once.',
    htmlBody:
      '<p>Hi {{recipientName}}, your session "{{session}}" with {{otherName}} is confirmed for {{when}}.</p>\n<ul><li><a href="{{joinUrl}}">Join the meeting</a></li><li><a href="{{cancelUrl}}">Cancel the booking</a></li></ul>\n<p>Each link works once.</p>',
  },
  {
    key: TEMPLATE_KEYS.slotBookedMentor,
    name: 'Session booked (mentor)',
    description: 'To the mentor once a student books their slot, with a one-time join link',
    category: 'booking',
    variables: ['recipientName', 'otherName', 'session', 'when', 'joinUrl'],
    subject: 'New booking: {{otherName}}, {{when}}',
    textBody: 'Hi {{recipientName}}, {{otherName}} booked your session "{{session}}" for {{when}}.\n\nJoin the meeting: {{joinUrl}}\n\nEach link works once.',
    htmlBody: '<p>Hi {{recipientName}}, {{otherName}} booked your session "{{session}}" for {{when}}.</p>\n<ul><li><a href="{{joinUrl}}">Join the meeting</a></li></ul>\n<p>Each link works once.</p>',
  },
  {
    key: TEMPLATE_KEYS.papReminder,
    name: 'PAP step reminder',
    description: 'Reminds a student of the pending step of their pay-after-placement agreement',
    category: 'reminder',
    variables: ['name', 'ask', 'link'],
    subject: 'Reminder: {{ask}}',
    textBody: 'Hello {{name}},\n\nPlease {{ask}}: {{link}}\n\nMAS',
    htmlBody: '<p>Hello {{name}},</p>\n<p>Please {{ask}}: <a href="{{link}}">{{link}}</a></p>\n<p>MAS</p>',
  },
  {
    key: TEMPLATE_KEYS.papEscalation,
    name: 'PAP step escalation',
    description: 'Tells the batch’s community managers that a student is stuck on a PAP step',
    category: 'reminder',
    variables: ['studentName', 'studentEmail', 'batchCode', 'step', 'ask', 'link'],
    subject: 'PAP agreement waiting on {{studentName}}: {{step}}',
    textBody: '{{studentName}} ({{studentEmail}}) of batch {{batchCode}} has not yet been able to {{ask}}. Please follow up: {{link}}',
    htmlBody: '<p>{{studentName}} ({{studentEmail}}) of batch {{batchCode}} has not yet been able to {{ask}}.</p>\n<p>Please follow up: <a href="{{link}}">{{link}}</a></p>',
  },
  {
    key: TEMPLATE_KEYS.hireOutreach,
    name: 'Candidate outreach',
    description: 'Mr-Hire’s first email to a candidate once their resume is read',
    category: 'outreach',
    variables: ['firstName', 'role'],
    subject: 'Your application for {{role}}',
    textBody: 'Hi {{firstName}},\n\nThank you for applying for {{role}}. We have read your resume. The next steps of our screening will reach you by email shortly.\n\nMAS Hiring',
    htmlBody: '<p>Hi {{firstName}},</p>\n<p>Thank you for applying for {{role}}. We have read your resume. The next steps of our screening will reach you by email shortly.</p>\n<p>MAS Hiring</p>',
  },
  {
    key: TEMPLATE_KEYS.mrLearnInactive,
    name: 'Mr Learn inactivity reminder',
    description: 'To a batch member who has not been active in Mr Learn for the configured number of days (mrlearn.reminders)',
    category: 'reminder',
    variables: ['name', 'days', 'course', 'progress', 'link'],
    subject: 'We miss you in {{course}}',
    textBody: 'Hello {{name}},\n\nYou have not been active in {{course}} for {{days}} days (progress: {{progress}}%). Pick up where you left off: {{link}}\n\nMAS',
    htmlBody: '<p>Hello {{name}},</p>\n<p>You have not been active in {{course}} for {{days}} days (progress: {{progress}}%).</p>\n<p><a href="{{link}}">Pick up where you left off</a></p>\n<p>MAS</p>',
  },
];

export const isDefaultTemplateKey = (key: string) => DEFAULT_TEMPLATES.some((t) => t.key === key);
