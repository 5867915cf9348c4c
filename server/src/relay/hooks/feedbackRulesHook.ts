/**
 * Speaking rules for written feedback, enforced by the server. While a phase has the presenter
 * listen silently (everyone but the presenter speaks), whatever the presenter's connection
 * changes in the table's feedback — a thread, a reply — or its reactions is reverted by the server
 * right after it arrives, in a server edit every client receives. Reverting, not refusing: a
 * Yjs update cannot be taken back from the client that made it, so a refused update would be
 * sent again on every reconnect, while a revert leaves everyone with the same document.
 */
import * as Y from 'yjs';
import { TableRoot } from '@worktable/shared';
import type { Connection } from '../connection.js';
import type { RelayHook } from '../hooks.js';
import type { Room } from '../room.js';

/** What the hook asks of the control plane about a table document. */
export interface FeedbackRules {
  /** Whether the participant listens silently at table `docName` now; undefined when this node cannot tell without loading. */
  listensSilently(sessionId: string, docName: string, participantId: string): boolean | undefined;
  /** The same, loading what it needs. */
  listensSilentlyLater(sessionId: string, docName: string, participantId: string): Promise<boolean>;
  /** The table document's session is about to be asked about: load what `listensSilently` needs. */
  prepare(sessionId: string): void;
  /** Feedback by a silent presenter was reverted (for metrics). */
  reverted?(sessionId: string): void;
}

/**
 * Builds the hook that keeps a silent presenter's feedback out of the table. `rulesOf` gives the
 * rules once they exist (the control plane is built after the relay; until then nothing is checked).
 */
export function feedbackRulesHook(rulesOf: () => FeedbackRules | null): RelayHook {
  return {
    name: 'feedback-rules',
    onConnect(connection) {
      if (connection.writable) rulesOf()?.prepare(connection.address.sessionId);
    },
    beforeApplyUpdate(connection, room) {
      const rules = rulesOf();
      if (!rules) return;
      const { sessionId, docName } = room.address;
      const { participantId } = connection.principal;
      const known = rules.listensSilently(sessionId, docName, participantId);
      if (known === false) return;
      const changes = trackFeedbackOf(connection, room);
      // The update is applied synchronously after this hook; the decision comes after it.
      const decided = known === true ? Promise.resolve(true) : rules.listensSilentlyLater(sessionId, docName, participantId);
      void decided
        .catch(() => false)
        .then((silent) => {
          if (silent && changes.revert()) rules.reverted?.(sessionId);
        })
        .finally(() => changes.stop());
    },
  };
}

/** Records what `connection` changes in the room's feedback and reactions from now on, so it can be reverted. */
function trackFeedbackOf(connection: Connection, room: Room): { revert(): boolean; stop(): void } {
  const undo = new Y.UndoManager([room.doc.getMap(TableRoot.Feedback), room.doc.getMap(TableRoot.Reactions)], {
    trackedOrigins: new Set([connection]),
    captureTimeout: 0,
  });
  return {
    revert() {
      if (undo.undoStack.length === 0) return false;
      return room.applyServerEdit(() => {
        while (undo.undoStack.length > 0) undo.undo();
      });
    },
    stop: () => undo.destroy(),
  };
}
