/**
 * Which link targets a document may hold: absolute http(s) URLs, or a bare domain ("example.com")
 * that the link extension completes with `https://`. Everything else (javascript:, data:, mailto:,
 * relative paths) is refused when typed, pasted, or received from another client.
 */

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BARE_DOMAIN = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(?::\d+)?(?:[/?#]|$)/u;

/** Whether `uri` is an allowed link target. */
export function isAllowedLink(uri: unknown): boolean {
  if (typeof uri !== 'string') return false;
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point: browsers ignore them inside a scheme
  const cleaned = uri.replace(/[\u0000-\u0020\u007f-\u00a0\u2000-\u200f\u2028\u2029\ufeff]/g, '');
  if (cleaned === '') return false;
  if (SCHEME.test(cleaned)) {
    try {
      const url = new URL(cleaned);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }
  return BARE_DOMAIN.test(cleaned);
}

/** The URL a toolbar entry becomes: trimmed, `https://` added to a bare domain; null when not allowed. */
export function normalizeLink(input: string): string | null {
  const trimmed = input.trim();
  if (!isAllowedLink(trimmed)) return null;
  return SCHEME.test(trimmed) ? trimmed : `https://${trimmed}`;
}
