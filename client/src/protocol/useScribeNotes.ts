/** While you are the scribe, each new phase gets its heading in the run's notes document. */
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { RunStatus } from '@worktable/shared';
import { useControlStore } from './controlConnection.js';
import { ensurePhaseNotes, phaseHeading } from './scribeNotes.js';

/** Adds the current phase's heading to the notes when `me` is the scribe (only once the table has synced). */
export function useScribeNotes(doc: Y.Doc | null, synced: boolean, me: { participantId: string; name: string }): void {
  const state = useControlStore((s) => s.state);
  const active = state !== null && (state.status === RunStatus.Running || state.status === RunStatus.Paused) && state.phase !== null;
  const scribing = active && state.roles.scribe === me.participantId;
  const key = scribing ? `${state.protocolId}:${state.phaseIndex}` : null;
  useEffect(() => {
    if (!doc || !synced || !key || !state?.phase) return;
    ensurePhaseNotes(doc, { protocolId: state.protocolId, protocolTitle: state.protocolTitle, heading: phaseHeading({ ...state, phase: state.phase }) }, me);
    // Runs once per phase the scribe enters; `state` and `me` are read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, synced, key]);
}
