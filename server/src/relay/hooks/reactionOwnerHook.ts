/**
 * Who may change which reaction, enforced by the relay: a browser writes and takes back only its
 * own named reactions, keys of the reactions map under its own participant id set to true. Any
 * other change a connection makes there is reverted by the server right after it arrives, in a
 * server edit everyone receives: a key under someone else's id, under a pseudonym (even its own:
 * a key a browser writes carries its Yjs client id, which presence maps to a name, so anonymous
 * reactions are given through the server, control action `react`), a malformed key or value, and
 * the removal of anyone else's reaction. Reverting, not refusing: see feedbackRulesHook.ts.
 */
import * as Y from 'yjs';
import { TableRoot, parseItemReactionKey } from '@worktable/shared';
import { Connection } from '../connection.js';
import type { RelayHook } from '../hooks.js';
import type { Room } from '../room.js';

/** One change to take back: the key, and the value it had before (undefined: it had none). */
interface Reverted {
  key: string;
  before: unknown;
}

/** Whether `participantId` may leave `key` of the reactions map as it is now (`value`; undefined when deleted). */
function ownReaction(key: string, value: unknown, participantId: string): boolean {
  return parseItemReactionKey(key)?.who === participantId && (value === undefined || value === true);
}

/** Puts the changed keys back as they were, as the server. Returns whether anything changed. */
function revert(room: Room, changes: readonly Reverted[]): boolean {
  return room.applyServerEdit((doc) => {
    const reactions = doc.getMap<unknown>(TableRoot.Reactions);
    for (const { key, before } of changes) {
      // A shared type, once removed, cannot be put back; a reaction never is one.
      if (before === undefined || before instanceof Y.AbstractType) reactions.delete(key);
      else reactions.set(key, before);
    }
  });
}

/** Watches a room's reactions map and reverts what a connection may not change there. */
function watchReactions(room: Room, reverted: (() => void) | undefined): void {
  room.doc.getMap<unknown>(TableRoot.Reactions).observe((event, transaction) => {
    const origin = transaction.origin;
    if (!(origin instanceof Connection)) return; // the server's own edits, loads, other nodes
    const { participantId } = origin.principal;
    const changes: Reverted[] = [];
    for (const [key, change] of event.changes.keys) {
      if (!ownReaction(key, event.target.get(key), participantId))
        changes.push({ key, before: change.action === 'add' ? undefined : change.oldValue });
    }
    if (changes.length === 0) return;
    // The update is still being applied (and then stored and relayed): revert right after it.
    queueMicrotask(() => {
      if (revert(room, changes)) reverted?.();
    });
  });
}

/** Builds the hook that keeps reactions their owners' (`reverted`: told of each revert, for metrics). */
export function reactionOwnerHook(reverted?: () => void): RelayHook {
  const watched = new WeakSet<Room>();
  return {
    name: 'reaction-owner',
    beforeApplyUpdate(_connection, room) {
      if (watched.has(room)) return;
      watched.add(room);
      watchReactions(room, reverted);
    },
  };
}
