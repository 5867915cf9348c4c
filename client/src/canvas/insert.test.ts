import { describe, expect, it } from 'vitest';
import { kindOfFile, pastedText } from './insert.js';

describe('insert', () => {
  it('turns a pasted URL into a link and other text into a sticky', () => {
    expect(pastedText(' https://example.org/x ')).toEqual({ kind: 'link', url: 'https://example.org/x' });
    expect(pastedText('javascript:alert(1)')).toEqual({ kind: 'sticky', text: 'javascript:alert(1)' });
    expect(pastedText('see https://example.org')).toEqual({ kind: 'sticky', text: 'see https://example.org' });
    expect(pastedText('   ')).toBeNull();
    expect((pastedText('x'.repeat(900)) as { text: string }).text).toHaveLength(500);
  });

  it('accepts images and PDFs only', () => {
    expect(kindOfFile(new File(['x'], 'a.png', { type: 'image/png' }))).toBe('image');
    expect(kindOfFile(new File(['x'], 'a.pdf', { type: 'application/pdf' }))).toBe('pdf');
    expect(kindOfFile(new File(['x'], 'a.exe', { type: 'application/octet-stream' }))).toBeNull();
  });
});
