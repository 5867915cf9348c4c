/** The file name a download is saved under, from the server's `Content-Disposition`. */

/** Drops what a file name must not carry: folders, control characters, leading dots. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base
    .replace(/\p{Cc}/gu, '')
    .replace(/^\.+/, '')
    .trim();
}

/**
 * The file name in a `Content-Disposition` header (`filename*=UTF-8''…` preferred over
 * `filename="…"`), or `fallback` when the header has none usable.
 */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (header) {
    const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
    if (extended?.[1]) {
      try {
        const name = cleanName(decodeURIComponent(extended[1].trim()));
        if (name) return name;
      } catch {
        // A broken percent-encoding: try the plain parameter.
      }
    }
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
    const name = cleanName((plain?.[1] ?? plain?.[2] ?? '').replace(/\\(.)/g, '$1'));
    if (name) return name;
  }
  return fallback;
}
