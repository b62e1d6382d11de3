// The unsubscribe footer of a marketing email's HTML part: escaped, before </body>, absent without a token.
import { describe, expect, it } from 'vitest';
import { withUnsubscribeFooterHtml } from '../../services/notifications/comms-preferences.js';

describe('withUnsubscribeFooterHtml', () => {
  it('goes before </body> when there is one, else at the end', () => {
    const out = withUnsubscribeFooterHtml('<html><BODY><p>Hi</p></BODY></html>', 'https://api.example/', 'tok_1');
    expect(out).toBe('<html><BODY><p>Hi</p><p style="font-size:12px;color:#666">To stop these emails: <a href="https://api.example/api/unsubscribe/tok_1">unsubscribe</a></p></BODY></html>');
    expect(withUnsubscribeFooterHtml('<p>Hi</p>', 'https://api.example', 'tok_1')).toMatch(/^<p>Hi<\/p><p [^>]+>To stop these emails: <a href="https:\/\/api\.example\/api\/unsubscribe\/tok_1">unsubscribe<\/a><\/p>$/);
  });

  it('escapes the link, and leaves a mail without a token or an HTML part alone', () => {
    expect(withUnsubscribeFooterHtml('<p>x</p>', 'https://a.example/?q="<x>', 't')).toContain('href="https://a.example/?q=&quot;&lt;x&gt;/api/unsubscribe/t"');
    expect(withUnsubscribeFooterHtml('<p>x</p>', 'https://a.example', null)).toBe('<p>x</p>');
    expect(withUnsubscribeFooterHtml(undefined, 'https://a.example', 't')).toBeUndefined();
  });
});
