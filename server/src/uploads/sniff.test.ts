/** Content sniffing of uploads: magic bytes decide, names and declared types never do. */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ZIP,
  HTML_PAGE,
  JPEG_START,
  MINIMAL_PDF,
  SCRIPTED_SVG,
  TINY_GIF,
  WEBP_START,
  ZIP_START,
  onePixelPng,
} from '../testing/sampleFiles.js';
import { sniffUploadMime } from './sniff.js';

const text = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, 'utf8'));

/** A file as a browser would hand it over: a name the user (or an attacker) chose, and bytes. */
interface NamedFile {
  name: string;
  bytes: Uint8Array;
}

describe('sniffUploadMime', () => {
  it('SN1 recognises PNG, JPEG, GIF (87a and 89a), WebP and PDF from their first bytes', () => {
    expect(sniffUploadMime(onePixelPng())).toBe('image/png');
    expect(sniffUploadMime(JPEG_START)).toBe('image/jpeg');
    expect(sniffUploadMime(TINY_GIF)).toBe('image/gif');
    expect(sniffUploadMime(text('GIF87a\x01\x00\x01\x00'))).toBe('image/gif');
    expect(sniffUploadMime(WEBP_START)).toBe('image/webp');
    expect(sniffUploadMime(MINIMAL_PDF)).toBe('application/pdf');
  });

  it('SN2 refuses SVG, HTML, ZIP, plain text, other RIFF files and empty input', () => {
    for (const bytes of [
      SCRIPTED_SVG,
      text('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      HTML_PAGE,
      EMPTY_ZIP,
      ZIP_START,
      text('just some notes'),
      new Uint8Array(Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WAVEfmt ')])),
      new Uint8Array(0),
    ]) {
      expect(sniffUploadMime(bytes), Buffer.from(bytes).toString('latin1')).toBeNull();
    }
  });

  it('SN3 needs the whole signature, at the very start', () => {
    expect(sniffUploadMime(onePixelPng().slice(0, 7))).toBeNull();
    expect(sniffUploadMime(Uint8Array.from([0xff, 0xd8]))).toBeNull();
    expect(sniffUploadMime(text('%PDF'))).toBeNull();
    expect(sniffUploadMime(text(' %PDF-1.4'))).toBeNull();
    expect(sniffUploadMime(text('<html><!-- %PDF-1.4 --></html>'))).toBeNull();
    expect(sniffUploadMime(text('RIFF\x1a\x00\x00\x00WEBP'))).toBeNull(); // no VP8 chunk
    expect(sniffUploadMime(text('GIF88a'))).toBeNull();
  });

  it('SN4 ignores lying names and extensions: the content alone decides', () => {
    const files: [NamedFile, string | null][] = [
      [{ name: 'report.pdf', bytes: onePixelPng() }, 'image/png'],
      [{ name: 'photo.png', bytes: MINIMAL_PDF }, 'application/pdf'],
      [{ name: 'cat.jpg', bytes: SCRIPTED_SVG }, null],
      [{ name: 'scan.pdf', bytes: HTML_PAGE }, null],
      [{ name: 'image.gif', bytes: ZIP_START }, null],
      [{ name: 'notes.svg', bytes: TINY_GIF }, 'image/gif'],
      [{ name: 'picture', bytes: JPEG_START }, 'image/jpeg'],
    ];
    for (const [file, expected] of files) expect(sniffUploadMime(file.bytes), file.name).toBe(expected);
  });
});
