// Email templates and delivery statuses on their own: placeholders must be exactly the declared
// variables, rendering escapes HTML and fills in one pass, and every delivery status moves
// forward only (property-checked over every pair and random sequences).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../domain/comms/default-templates.js';
import { emailDeliveryLifecycle, movableFrom, movesForward, WHATSAPP_DELIVERY_STATUSES, whatsappDeliveryLifecycle, type WhatsAppDeliveryStatus } from '../../domain/comms/delivery-status.js';
import { missingVariables, placeholdersOf, renderEmailTemplate, validateTemplate } from '../../domain/comms/email-template.js';
import * as enums from '../../prisma/generated/enums.js';

describe('email templates', () => {
  it('finds placeholders, tolerating spaces, and flags malformed ones', () => {
    expect(placeholdersOf('Hi {{ name }}, {{name}} and {{when}}; {{first name}} {{}}')).toEqual({ names: ['name', 'when'], malformed: ['{{first name}}', '{{}}'] });
  });

  it('a template is valid only when its placeholders are exactly its variables', () => {
    const ok = { subject: 'Hi {{name}}', htmlBody: '<p>{{link}}</p>', textBody: null, variables: ['name', 'link'] };
    expect(validateTemplate(ok)).toEqual([]);
    const errors = validateTemplate({ subject: 'Hi {{name}}', htmlBody: '<p>{{link}} {{extra}}</p>', textBody: 'Hi {{ bad name }}', variables: ['name', 'link', 'unused', 'name', '9x'] });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'json.htmlBody', message: expect.stringContaining('{{extra}}') },
        { path: 'json.textBody', message: expect.stringContaining('{{ bad name }}') },
        { path: 'json.variables.2', message: expect.stringContaining('no placeholder uses it') },
        { path: 'json.variables.3', message: expect.stringContaining('declared twice') },
        { path: 'json.variables.4', message: expect.stringContaining('not a variable name') },
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it('renders in one pass: HTML values escaped, the subject on one line, a value is never expanded again', () => {
    const t = { subject: 'For {{name}}', htmlBody: '<a href="{{url}}">{{name}}</a>', textBody: '{{name}}: {{url}}', variables: ['name', 'url'] };
    const out = renderEmailTemplate(t, { name: '<b>Riya</b> & {{url}}\r\nBcc: x@evil.test', url: 'https://x.test/?a=1&b="2"' });
    expect(out.subject).toBe('For <b>Riya</b> & {{url}} Bcc: x@evil.test');
    expect(out.html).toBe('<a href="https://x.test/?a=1&amp;b=&quot;2&quot;">&lt;b&gt;Riya&lt;/b&gt; &amp; {{url}}\r\nBcc: x@evil.test</a>');
    expect(out.text).toBe('<b>Riya</b> & {{url}}\r\nBcc: x@evil.test: https://x.test/?a=1&b="2"');
    expect(missingVariables(t, { name: '' })).toEqual(['url']);
    // No text body: derived from the HTML, entities decoded.
    expect(renderEmailTemplate({ ...t, textBody: null }, { name: 'A & B', url: 'u' }).text).toBe('A & B');
  });

  it('every default template is valid', () => {
    for (const t of DEFAULT_TEMPLATES) expect(validateTemplate(t), t.key).toEqual([]);
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.key)).size).toBe(DEFAULT_TEMPLATES.length);
  });
});

describe('delivery statuses move forward only', () => {
  it('match the Prisma enums', () => {
    expect([...whatsappDeliveryLifecycle.states].sort()).toEqual(Object.values(enums.WhatsAppMessageStatus).sort());
    expect([...emailDeliveryLifecycle.states].sort()).toEqual(Object.values(enums.EmailSentStatus).sort());
  });

  it('WhatsApp: queued < sent < delivered < read, failed terminal; nothing goes back', () => {
    expect(movesForward(whatsappDeliveryLifecycle, 'queued', 'read')).toBe(true);
    expect(movesForward(whatsappDeliveryLifecycle, 'read', 'delivered')).toBe(false);
    expect(movesForward(whatsappDeliveryLifecycle, 'delivered', 'delivered')).toBe(false);
    expect(movesForward(whatsappDeliveryLifecycle, 'failed', 'read')).toBe(false);
    expect(movesForward(whatsappDeliveryLifecycle, 'read', 'failed')).toBe(false);
    expect(movableFrom(whatsappDeliveryLifecycle, 'delivered')).toEqual(['queued', 'sent']);
    expect(movableFrom(whatsappDeliveryLifecycle, 'failed')).toEqual(['queued', 'sent', 'delivered']);
    expect(movableFrom(emailDeliveryLifecycle, 'SENT')).toEqual(['QUEUED']);
    expect(movableFrom(emailDeliveryLifecycle, 'QUEUED')).toEqual([]);
  });

  it('any sequence of updates, applied with the rule, ends at the furthest status seen, whatever the order', () => {
    const rank = (s: WhatsAppDeliveryStatus) => (s === 'failed' ? -1 : WHATSAPP_DELIVERY_STATUSES.indexOf(s));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WHATSAPP_DELIVERY_STATUSES.filter((s) => s !== 'failed' && s !== 'queued')), { minLength: 1, maxLength: 12 }), (updates) => {
        let state: WhatsAppDeliveryStatus = 'queued';
        for (const u of updates) if (movableFrom(whatsappDeliveryLifecycle, u).includes(state)) state = u;
        expect(rank(state)).toBe(Math.max(...updates.map(rank)));
      }),
    );
  });
});
