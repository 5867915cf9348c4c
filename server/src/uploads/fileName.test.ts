/** Names of uploads: cleaned on the way in, encoded for Content-Disposition on the way out. */
import { describe, expect, it } from 'vitest';
import { cleanUploadName, inlineContentDisposition } from './fileName.js';

describe('cleanUploadName', () => {
  it('FN1 trims, strips control and bidi-override characters, and defaults to "upload"', () => {
    expect(cleanUploadName('  Board photo.png \n')).toBe('Board photo.png');
    expect(cleanUploadName('a\u0000b\u0007c\u007f\u0085.pdf')).toBe('abc.pdf');
    expect(cleanUploadName('invoice\u202egnp.exe')).toBe('invoicegnp.exe');
    expect(cleanUploadName('Résumé – Ünïcødé 📎.pdf')).toBe('Résumé – Ünïcødé 📎.pdf');
    for (const missing of [undefined, '', '   ', '\u0000\u0001', ['a.png', 'b.png']]) {
      expect(cleanUploadName(missing)).toBe('upload');
    }
  });

  it('FN2 keeps at most 200 characters, never splitting one', () => {
    expect(cleanUploadName('x'.repeat(300))).toBe('x'.repeat(200));
    const emoji = cleanUploadName('📎'.repeat(250));
    expect(Array.from(emoji)).toHaveLength(200);
    expect(emoji).toBe('📎'.repeat(200));
  });
});

describe('inlineContentDisposition', () => {
  it('FN3 percent-encodes the name as RFC 8187 asks', () => {
    expect(inlineContentDisposition('upload')).toBe("inline; filename*=UTF-8''upload");
    expect(inlineContentDisposition("Tom's plan (v2) *final*.pdf")).toBe(
      "inline; filename*=UTF-8''Tom%27s%20plan%20%28v2%29%20%2Afinal%2A.pdf",
    );
    expect(inlineContentDisposition('Ünï "q";x.png')).toBe("inline; filename*=UTF-8''%C3%9Cn%C3%AF%20%22q%22%3Bx.png");
    const decoded = decodeURIComponent(inlineContentDisposition('a/b\\c 📎.pdf').split("''")[1] ?? '');
    expect(decoded).toBe('a/b\\c 📎.pdf');
  });
});
