/**
 * Where the table page is in the session: the viewer's own place in the live state, the document
 * the page shows (your table, the plenary, or the table a roaming host visits, which the server is
 * told so the protocol panel follows it), and the place's label for the header.
 */
import { useMemo, useState } from 'react';
import type { SessionRole } from '@worktable/shared';
import type { SessionView as LiveSession } from '../protocol/sessionView.js';
import { ownPlace, placeLabel, visitTarget } from './place.js';
import { useHostVisit } from './useHostVisit.js';
import { useTableDocName } from './useTableDocName.js';

/** The table a host link asks to look at (`?table=table-3`), if any. */
function requestedVisit(): string | null {
  const table = new URLSearchParams(window.location.search).get('table');
  return table && /^table-\d{1,3}$/.test(table) ? table : null;
}

/** Where the page is: see the file's comment. */
export interface TablePlace {
  /** The state with your own place (a visiting host's state names the visited table; where they sit is the seating's). */
  ownState: LiveSession | null;
  /** The document shown: your table's, the plenary's, or the visited table's. */
  docName: string;
  /** "Table 3 · Round 2"-like label of the place, once the state is here. */
  label: string | null;
  /** A roaming host picks the table to visit (null: back to their own place). */
  setVisit(table: string | null): void;
}

/** The place of `participantId` (with `role`) in `state`. */
export function useTablePlace(sessionId: string, state: LiveSession | null, participantId: string, role: SessionRole): TablePlace {
  const [visit, setVisit] = useState(requestedVisit);
  const ownState = useMemo(() => (state ? ownPlace(state, participantId) : null), [state, participantId]);
  const docName = useTableDocName(sessionId, ownState, role === 'host' ? visit : null);
  useHostVisit(visitTarget(state, { participantId, role }, visit));
  const label = state ? placeLabel(state, docName) : null;
  return { ownState, docName, label, setVisit };
}
