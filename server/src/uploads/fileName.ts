/** The original name of an uploaded file: cleaned on the way in, encoded on the way out. */
import { withoutUnsafeCharacters } from '@worktable/shared';

/** Longest upload name kept, in characters (longer names are cut). */
export const MAX_UPLOAD_NAME_LENGTH = 200;

/** The name given to an upload sent without one. */
export const DEFAULT_UPLOAD_NAME = 'upload';

/** Trims, strips control characters, keeps at most 200 characters; "upload" when nothing is left. */
export function cleanUploadName(raw: unknown): string {
  const text = typeof raw === 'string' ? withoutUnsafeCharacters(raw).trim() : '';
  const kept = Array.from(text).slice(0, MAX_UPLOAD_NAME_LENGTH).join('').trim();
  return kept || DEFAULT_UPLOAD_NAME;
}

/** `inline; filename*=UTF-8''<name>`, the name percent-encoded as RFC 8187 asks. */
export function inlineContentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename*=UTF-8''${encoded}`;
}
