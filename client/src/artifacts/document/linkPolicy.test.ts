import { describe, expect, it } from 'vitest';
import { isAllowedLink, normalizeLink } from './linkPolicy.js';

describe('linkPolicy', () => {
  it('allows http(s) and bare domains', () => {
    expect(isAllowedLink('https://example.com/a?b#c')).toBe(true);
    expect(isAllowedLink('HTTP://example.com')).toBe(true);
    expect(isAllowedLink('example.com')).toBe(true);
    expect(isAllowedLink('www.example.co.uk/path')).toBe(true);
  });

  it('refuses other schemes, relative paths and junk', () => {
    for (const uri of [
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:x',
      'data:text/html,x',
      'mailto:a@b.c',
      'ftp://x.org',
      '/relative',
      'foo',
      '',
      null,
    ]) {
      expect(isAllowedLink(uri)).toBe(false);
    }
  });

  it('normalizes what the toolbar accepts', () => {
    expect(normalizeLink('  example.com ')).toBe('https://example.com');
    expect(normalizeLink('http://x.org')).toBe('http://x.org');
    expect(normalizeLink('javascript:alert(1)')).toBeNull();
  });
});
