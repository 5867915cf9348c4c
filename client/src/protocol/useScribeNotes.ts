/**
 * While you keep the notes (the scribe; see `notesKeeperOf`), each new phase gets its heading in
 * the run's notes document (in a convening, that round's notes document).
 */
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { RunStatus } from '@worktable/shared';
import { useControlStore } from './controlConnection.js';
import { ensurePhaseNotes, notesKeeperOf, notesRoundOfState, phaseHeading } from './scribeNotes.js';

/**
 * Adds the current phase's heading to the notes when `me` keeps them (only once the table has
 * synced). `docName` is the open document: the state describes the viewer's own table, so nothing
 * is written while another document (the plenary, a table the host visits) is open.
 */
export function useScribeNotes(doc: Y.Doc | null, synced: boolean, me: { participantId: string; name: string }, docName?: string): void {
  const state = useControlStore((s) => s.state);
  const active = state !== null && (state.status === RunStatus.Running || state.status === RunStatus.Paused) && state.phase !== null;
  const own = state !== null && (docName === undefined || !state.convening || state.tableId === docName);
  const scribing = active && own && notesKeeperOf(state) === me.participantId;
  const key = scribing ? `${state.protocolId}:${notesRoundOfState(state) ?? 0}:${state.phaseIndex}` : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per phase the note keeper enters (key); state and me are read at that moment
  useEffect(() => {
    if (!doc || !synced || !key || !state?.phase) return;
    const heading = phaseHeading({ ...state, phase: state.phase });
    ensurePhaseNotes(
      doc,
      { protocolId: state.protocolId, protocolTitle: state.protocolTitle, heading, round: notesRoundOfState(state) },
      me,
    );
  }, [doc, synced, key]);
}
