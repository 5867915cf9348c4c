import { describe, expect, it } from 'vitest';
import { displayHost, safeHttpUrl } from './url.js';

describe('safeHttpUrl', () => {
  it('accepts http(s) and bare domains, refuses other schemes', () => {
    expect(safeHttpUrl(' https://example.org/a?b=1 ')).toBe('https://example.org/a?b=1');
    expect(safeHttpUrl('http://x.test')).toBe('http://x.test/');
    expect(safeHttpUrl('example.org/path')).toBe('https://example.org/path');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,hi')).toBeNull();
    expect(safeHttpUrl('just some words')).toBeNull();
    expect(safeHttpUrl('')).toBeNull();
    expect(displayHost('https://www.example.org/x')).toBe('example.org');
  });
});
