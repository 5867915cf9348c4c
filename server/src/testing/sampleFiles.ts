/** Small files of each kind, built byte by byte, for the upload tests. */
import zlib from 'node:zlib';

const text = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, 'utf8'));

/** One PNG chunk: length, type, data, CRC-32 of type and data. */
function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.byteLength);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A valid 1×1 PNG of one RGBA pixel. */
export function onePixelPng(rgba: [number, number, number, number] = [255, 0, 0, 255]): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const scanline = Uint8Array.from([0, ...rgba]); // filter type 0, then the pixel
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', zlib.deflateSync(scanline)),
      pngChunk('IEND', new Uint8Array(0)),
    ]),
  );
}

/** A minimal one-page PDF. */
export const MINIMAL_PDF = text(
  '%PDF-1.4\n' +
    '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 72 72]>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);

/** The start of a JPEG (SOI and a JFIF APP0 marker). */
export const JPEG_START = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0', 'ascii')]);

/** A 1×1 GIF89a. */
export const TINY_GIF = new Uint8Array(Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'));

/** The start of a lossy WebP: RIFF, size, WEBP, a "VP8 " chunk. */
export const WEBP_START = new Uint8Array(Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8 ')]));

/** An SVG that would run script if served as image/svg+xml. */
export const SCRIPTED_SVG = text(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
);

/** An HTML page. */
export const HTML_PAGE = text('<!doctype html><html><body><script>alert(1)</script></body></html>');

/** An empty ZIP archive (end-of-central-directory record only)… */
export const EMPTY_ZIP = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
/** …and the start of a ZIP with one entry (local file header). */
export const ZIP_START = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
