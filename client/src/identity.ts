/**
 * Who this browser is in each session. After creating or joining a session the client keeps
 * `{participantId, token, name, role}` in localStorage under `worktable:identity:<sessionId>`,
 * so reopening `/s/<sessionId>` (or the invite link) from the same browser keeps the identity.
 *
 * The host can also carry the identity to another browser with the host link
 * `/s/<sessionId>#token=<hostToken>&code=<inviteCode>`: the token travels in the URL fragment,
 * which browsers never send to the server (so it stays out of access logs and Referer headers).
 * The session page adopts it into localStorage and removes the fragment from the address bar.
 * Personal links from the host's roster (`/s/<sessionId>#token=<token>`) work the same way.
 */
import { SessionRole, type SessionView } from '@worktable/shared';

/** What the client remembers about itself in one session. */
export interface StoredIdentity {
  participantId: string;
  /** Bearer token for the API, the y-websocket relay and socket.io. */
  token: string;
  name: string;
  role: SessionRole;
  /** The invite code, when known: the host shows the invite link, anyone can rejoin with it. */
  inviteCode?: string;
}

const ROLES: ReadonlySet<string> = new Set(Object.values(SessionRole));

function storageKey(sessionId: string): string {
  return `worktable:identity:${sessionId}`;
}

function isStoredIdentity(value: unknown): value is StoredIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.participantId === 'string' &&
    typeof v.token === 'string' &&
    typeof v.name === 'string' &&
    typeof v.role === 'string' &&
    ROLES.has(v.role) &&
    (v.inviteCode === undefined || typeof v.inviteCode === 'string')
  );
}

/** The identity stored for `sessionId`, or null (none, unreadable, or storage disabled). */
export function loadIdentity(sessionId: string): StoredIdentity | null {
  try {
    const raw = window.localStorage.getItem(storageKey(sessionId));
    if (raw === null) return null;
    const parsed: unknown = JSON.parse(raw);
    return isStoredIdentity(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Remembers the identity for `sessionId`; returns false when storage is unavailable. */
export function saveIdentity(sessionId: string, identity: StoredIdentity): boolean {
  try {
    window.localStorage.setItem(storageKey(sessionId), JSON.stringify(identity));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the identity for `sessionId` (for example after the server refused its token). */
export function forgetIdentity(sessionId: string): void {
  try {
    window.localStorage.removeItem(storageKey(sessionId));
  } catch {
    // Storage disabled: nothing was stored.
  }
}

/** The host link fragment: `#token=…&code=…`. */
export function hostLinkFragment(token: string, inviteCode: string): string {
  return `#${new URLSearchParams({ token, code: inviteCode }).toString()}`;
}

/** Reads `token` and `code` from a location fragment made by `hostLinkFragment`. */
export function parseHostLinkFragment(hash: string): { token: string; inviteCode: string | null } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token ? { token, inviteCode: params.get('code') } : null;
}

/**
 * The session as a join just answered it, kept in memory for the session page that opens next,
 * so it can open the table without asking for the session again (a round trip on a slow network).
 */
const joinedViews = new Map<string, SessionView>();

/** Keeps `view`, what joining `sessionId` answered, for the session page. */
export function keepJoinedView(sessionId: string, view: SessionView): void {
  joinedViews.set(sessionId, view);
}

/** The view a join of `sessionId` as `participantId` kept (once: later loads ask the server), or null. */
export function takeJoinedView(sessionId: string, participantId: string): SessionView | null {
  const view = joinedViews.get(sessionId) ?? null;
  joinedViews.delete(sessionId);
  return view && view.you.participantId === participantId ? view : null;
}
