/**
 * What an uploaded file is, decided from its first bytes (magic numbers) only: never from its
 * name or the Content-Type the client declared, both of which the uploader chooses freely.
 * Only formats a browser renders without running anything are accepted; SVG and HTML are not
 * (they can carry script), nor is anything unrecognised.
 */

/** The types that can be put on the table. */
export type UploadMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'application/pdf';

const ascii = (text: string): number[] => Array.from(text, (ch) => ch.charCodeAt(0));

/** Bytes expected at an offset; every part must match. */
interface Signature {
  mime: UploadMime;
  parts: { offset: number; bytes: number[] }[];
}

const SIGNATURES: readonly Signature[] = [
  { mime: 'image/png', parts: [{ offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }] },
  { mime: 'image/jpeg', parts: [{ offset: 0, bytes: [0xff, 0xd8, 0xff] }] },
  { mime: 'image/gif', parts: [{ offset: 0, bytes: ascii('GIF87a') }] },
  { mime: 'image/gif', parts: [{ offset: 0, bytes: ascii('GIF89a') }] },
  // RIFF container whose form type is WEBP, followed by a VP8 ("VP8 ", "VP8L" or "VP8X") chunk.
  {
    mime: 'image/webp',
    parts: [
      { offset: 0, bytes: ascii('RIFF') },
      { offset: 8, bytes: ascii('WEBPVP8') },
    ],
  },
  // At offset 0 only: readers that look further would also accept HTML with a PDF inside.
  { mime: 'application/pdf', parts: [{ offset: 0, bytes: ascii('%PDF-') }] },
];

/** How many of a file's first bytes decide its type: more are never looked at. */
export const SNIFF_BYTES = Math.max(...SIGNATURES.flatMap((signature) => signature.parts.map((part) => part.offset + part.bytes.length)));

const matches = (data: Uint8Array, { offset, bytes }: Signature['parts'][number]): boolean =>
  data.byteLength >= offset + bytes.length && bytes.every((byte, i) => data[offset + i] === byte);

/** The type of an upload from its content, or null when it is not one we accept. */
export function sniffUploadMime(data: Uint8Array): UploadMime | null {
  return SIGNATURES.find((signature) => signature.parts.every((part) => matches(data, part)))?.mime ?? null;
}
