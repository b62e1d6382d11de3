// The meeting-action rules on their own: link lifetimes, token states, links and the email body.
import { describe, expect, it } from 'vitest';
import * as enums from '../../prisma/generated/enums.js';
import { DEFAULT_TEMPLATES } from '../../domain/comms/default-templates.js';
import { missingVariables, renderEmailTemplate } from '../../domain/comms/email-template.js';
import { slotBookedEmail } from '../../domain/meeting-actions/emails.js';
import { ACTION_TOKEN_PATTERN, actionExpiresAt, actionLink, joinUrl, MEETING_ACTIONS, SLOT_BOOKED_ACTIONS, tokenState } from '../../domain/meeting-actions/policy.js';
import { newOpaqueToken } from '../../infra/auth/opaque-tokens.js';

const H = 3_600_000;
const now = new Date('2026-12-01T00:00:00Z');
const slotIn = (hours: number) => ({ startDateTime: new Date(now.getTime() + hours * H), endDateTime: new Date(now.getTime() + (hours + 1) * H) });

describe('meeting action policy', () => {
  it('matches the Prisma MeetingAction enum', () => {
    expect([...MEETING_ACTIONS].sort()).toEqual(Object.values(enums.MeetingAction).sort());
  });

  it('a join link lasts until the slot ends; cancel/confirm last the TTL but never past the start', () => {
    expect(actionExpiresAt('JOIN', slotIn(48), now, 24)).toEqual(slotIn(48).endDateTime);
    expect(actionExpiresAt('CANCEL', slotIn(48), now, 24)).toEqual(new Date(now.getTime() + 24 * H));
    expect(actionExpiresAt('CONFIRM', slotIn(3), now, 24)).toEqual(slotIn(3).startDateTime);
  });

  it('a token is used, expired (at its expiry instant), or usable', () => {
    expect(tokenState({ usedAt: now, expiresAt: new Date(now.getTime() + H) }, now)).toBe('used');
    expect(tokenState({ usedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(tokenState({ usedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe('usable');
  });

  it('tokens are 43 base64url characters; links and join URLs are built from the web origin', () => {
    const { token } = newOpaqueToken();
    expect(token).toMatch(ACTION_TOKEN_PATTERN);
    expect(actionLink('https://app.example/', token)).toBe(`https://app.example/meeting-actions/${token}`);
    expect(joinUrl({ id: 's1', meetingLink: null }, 'https://app.example')).toBe('https://app.example/meetings/s1');
    expect(joinUrl({ id: 's1', meetingLink: 'https://meet.example/x' }, 'https://app.example')).toBe('https://meet.example/x');
    expect(SLOT_BOOKED_ACTIONS).toEqual({ student: ['JOIN', 'CANCEL'], mentor: ['JOIN'] });
  });

  it('the email lists exactly the issued links and escapes names in HTML', () => {
    const { templateKey, data } = slotBookedEmail({
      recipient: 'mentor',
      recipientName: 'Asha',
      otherName: '<Riya & co>',
      title: null,
      ...slotIn(48),
      publicWebUrl: 'https://app.example',
      tokens: { JOIN: 'j'.repeat(43) },
    });
    const template = DEFAULT_TEMPLATES.find((t) => t.key === templateKey)!;
    expect(missingVariables(template, data)).toEqual([]);
    const mail = renderEmailTemplate(template, data);
    expect(mail.subject).toBe('New booking: <Riya & co>, 2026-12-03 00:00–01:00 UTC');
    expect(mail.text).toContain(`Join the meeting: https://app.example/meeting-actions/${'j'.repeat(43)}`);
    expect(mail.text).not.toContain('Cancel');
    expect(mail.html).toContain('&lt;Riya &amp; co&gt;');
    expect(mail.html).not.toContain('<Riya');
  });
});
