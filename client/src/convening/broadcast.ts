/** The host's broadcast as a banner: shown once per message until dismissed (remembered per tab in sessionStorage). */
import type { Broadcast } from '@worktable/shared';

/** The storage a dismissal is remembered in (sessionStorage in the browser). */
export type DismissalStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The sessionStorage key of the last dismissed broadcast of a session. */
export function dismissedBroadcastKey(sessionId: string): string {
  return `worktable:broadcast-dismissed:${sessionId}`;
}

/** The id of the last broadcast dismissed in this tab, or null. */
export function readDismissedBroadcast(storage: DismissalStorage, sessionId: string): number | null {
  try {
    const value = Number(storage.getItem(dismissedBroadcastKey(sessionId)));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

/** Remembers that broadcast `id` was dismissed. */
export function rememberDismissedBroadcast(storage: DismissalStorage, sessionId: string, id: number): void {
  try {
    storage.setItem(dismissedBroadcastKey(sessionId), String(id));
  } catch {
    // Storage full or blocked: the banner simply comes back after a reload.
  }
}

/** The broadcast to show: the current one, unless it (or a newer one) was dismissed. */
export function broadcastToShow(broadcast: Broadcast | null, dismissed: number | null): Broadcast | null {
  if (!broadcast) return null;
  return dismissed !== null && dismissed >= broadcast.id ? null : broadcast;
}
