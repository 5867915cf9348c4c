import { describe, expect, it } from 'vitest';
import { NO_CALL_LINKS, callLinkFor, checkCallLink, withCallLink } from './callLinks.js';

describe('call links', () => {
  it('accepts http(s) addresses only, whole and without anything that breaks out of a link', () => {
    expect(checkCallLink('  https://meet.example.org/abc-defg-hij ')).toEqual({ ok: true, url: 'https://meet.example.org/abc-defg-hij' });
    expect(checkCallLink('https://zoom.us/j/123?pwd=x#y')).toMatchObject({ ok: true });
    expect(checkCallLink('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(checkCallLink('meet.example.org/abc')).toMatchObject({ ok: false });
    expect(checkCallLink('https://a.example/"><script>')).toMatchObject({ ok: false });
    expect(checkCallLink(`https://a.example/${'x'.repeat(600)}`)).toMatchObject({ ok: false });
  });

  it('shows your table’s own call, else the convening’s; in the plenary the convening’s', () => {
    let links = withCallLink(NO_CALL_LINKS, null, 'https://call.example/all');
    links = withCallLink(links, 'table-2', 'https://call.example/t2');
    expect(callLinkFor(links, 'table-2')).toEqual({ url: 'https://call.example/t2', scope: 'table' });
    expect(callLinkFor(links, 'table-1')).toEqual({ url: 'https://call.example/all', scope: 'convening' });
    expect(callLinkFor(links, null)).toEqual({ url: 'https://call.example/all', scope: 'convening' });
    expect(callLinkFor(withCallLink(links, null, null), 'table-1')).toBeNull();
    expect(callLinkFor(withCallLink(links, 'table-2', null), 'table-2')).toMatchObject({ scope: 'convening' });
  });
});
