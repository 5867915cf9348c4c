/**
 * A tiny router (`/`, `/join/:id?code=`, `/s/:id`, `/s/:id/dashboard`, `/s/:id/room`): the current location
 * lives in a zustand store fed by `history.pushState` (through `navigate`) and by `popstate`
 * (back/forward). Routes are matched on the pathname only;
 * the server answers every unknown GET with index.html, so deep links work.
 */
import { create } from 'zustand';
import { SESSION_ID_PATTERN } from '@worktable/shared';

/** The parts of `window.location` the app routes on. */
export interface AppLocation {
  pathname: string;
  search: string;
  hash: string;
}

/** A matched route. */
export type Route =
  | { name: 'home' }
  | { name: 'join'; sessionId: string; inviteCode: string | null }
  | { name: 'session'; sessionId: string }
  | { name: 'dashboard'; sessionId: string }
  | { name: 'room'; sessionId: string }
  | { name: 'not-found' };

function readLocation(): AppLocation {
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash };
}

/** The current location; components re-render when it changes. */
export const useLocation = create<AppLocation>(() => readLocation());

window.addEventListener('popstate', () => useLocation.setState(readLocation()));

/** Goes to `to` (a same-origin path with optional query and fragment), adding a history entry unless `replace`. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  useLocation.setState(readLocation());
  if (!options.replace) window.scrollTo(0, 0);
}

/** Matches a location against the app's routes. */
export function matchRoute(location: AppLocation): Route {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  const join = /^\/join\/([^/]+)$/.exec(path);
  if (join?.[1] && SESSION_ID_PATTERN.test(join[1])) {
    const code = new URLSearchParams(location.search).get('code');
    return { name: 'join', sessionId: join[1], inviteCode: code?.trim() || null };
  }
  const session = /^\/s\/([^/]+)$/.exec(path);
  if (session?.[1] && SESSION_ID_PATTERN.test(session[1])) return { name: 'session', sessionId: session[1] };
  const dashboard = /^\/s\/([^/]+)\/dashboard$/.exec(path);
  if (dashboard?.[1] && SESSION_ID_PATTERN.test(dashboard[1])) return { name: 'dashboard', sessionId: dashboard[1] };
  const room = /^\/s\/([^/]+)\/room$/.exec(path);
  if (room?.[1] && SESSION_ID_PATTERN.test(room[1])) return { name: 'room', sessionId: room[1] };
  return { name: 'not-found' };
}

/** Path of a session's table. */
export function sessionPath(sessionId: string): string {
  return `/s/${encodeURIComponent(sessionId)}`;
}

/** Path of a session's table page looking at one table (`?table=table-3`; for the host, who sits at none). */
export function visitPath(sessionId: string, tableId: string): string {
  return `${sessionPath(sessionId)}?table=${encodeURIComponent(tableId)}`;
}

/** Path of a session's host dashboard. */
export function dashboardPath(sessionId: string): string {
  return `${sessionPath(sessionId)}/dashboard`;
}

/** Path of a session's room display (the projector's view of the convening; the host opens it). */
export function roomPath(sessionId: string): string {
  return `${sessionPath(sessionId)}/room`;
}

/** Path of a session's join page, with the invite code when known. */
export function joinPath(sessionId: string, inviteCode?: string | null): string {
  const base = `/join/${encodeURIComponent(sessionId)}`;
  return inviteCode ? `${base}?code=${encodeURIComponent(inviteCode)}` : base;
}

/** The full invite link of a session (this origin's join page with the code), as people share and scan it. */
export function inviteUrl(sessionId: string, inviteCode: string): string {
  return `${window.location.origin}${joinPath(sessionId, inviteCode)}`;
}
