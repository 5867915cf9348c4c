/**
 * Which web pages may open WebSockets (y-websocket and socket.io) to this server: the `Origin`
 * header of an upgrade must be in `ALLOWED_ORIGINS`, or — by default — be this server itself
 * (the origin's host equals the request's Host, or it is `PUBLIC_URL`'s origin). Requests without
 * an Origin (not from a browser: scripts, other servers, tests) are let through; browsers always
 * send one, which is what stops another site's page from using a visitor's session.
 */

/** The allow-list from configuration, normalized (`null`: same origin only). */
export function parseAllowedOrigins(value: string | undefined): string[] | null {
  if (!value) return null;
  return value
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, '').toLowerCase())
    .filter((origin) => origin.length > 0);
}

/** Whether a request with these headers may open a WebSocket. */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[] | null,
  publicUrl: string | undefined,
): boolean {
  if (origin === undefined) return true;
  const normalized = origin.trim().replace(/\/+$/, '').toLowerCase();
  if (allowed) return allowed.includes(normalized);
  if (publicUrl && normalized === new URL(publicUrl).origin.toLowerCase()) return true;
  try {
    return host !== undefined && new URL(normalized).host === host.toLowerCase();
  } catch {
    return false;
  }
}
