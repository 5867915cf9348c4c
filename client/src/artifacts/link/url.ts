/** Link targets: only absolute http(s) URLs are accepted. */

/** The normalised URL if `input` is an http or https URL (a bare domain gets https://), else null. */
export function safeHttpUrl(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed)
    ? trimmed
    : /^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(trimmed)
      ? `https://${trimmed}`
      : '';
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The host to show for a URL ("example.org"). */
export function displayHost(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
