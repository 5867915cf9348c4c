/**
 * Pressing a reaction: the toggle does the named part at once, in this browser; the anonymous
 * part is asked of the server (the control action `react`) and counts as done once it agreed.
 * The reaction shows when the server's edit of the table arrives (the map is the truth); a
 * refusal (offline, too many actions) is kept to show, like other control errors.
 */
import { useCallback } from 'react';
import { sendControl } from '../protocol/controlConnection.js';
import { useAction } from '../protocol/useAction.js';
import type { ReactionPress } from './reactionModel.js';

/** What `useReactionPress` returns. */
export interface ReactionPresser {
  /** Runs `toggle` and asks the server for what it could not do here; resolves with what happened, or null when nothing did. */
  press(toggle: () => ReactionPress | null): Promise<ReactionPress['result'] | null>;
  /** Whether an anonymous reaction waits for the server. */
  busy: boolean;
  /** The server's last refusal, cleared by the next press. */
  error: string | null;
}

/** Presses reactions on items of document `docName` (the one the page shows; null: none). */
export function useReactionPress(docName: string | null): ReactionPresser {
  const { run, busy, error, clearError } = useAction(sendControl);
  const press = useCallback(
    async (toggle: () => ReactionPress | null) => {
      clearError();
      const done = toggle();
      if (!done?.ask) return done?.result ?? null;
      if (docName === null) return null;
      return (await run({ action: 'react', tableId: docName, ...done.ask })) ? done.result : null;
    },
    [run, clearError, docName],
  );
  return { press, busy, error };
}
