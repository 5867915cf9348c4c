/**
 * A table as it was: the snapshot's document on the ordinary canvas, read-only, with a presence
 * of its own that reaches no one (the document is never connected).
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { LocalUser } from '../artifacts/types.js';
import { ArtifactAddon } from '../canvas/artifactAddon.js';
import { Canvas } from '../canvas/Canvas.js';

/** Props of `PastTable`. */
export interface PastTableProps {
  doc: Y.Doc;
  sessionId: string;
  token: string;
  user: LocalUser;
  /** The canvas's accessible name, e.g. "Table 1 at the end of Introduction (1/8)". */
  label: string;
}

/** The read-only canvas of a snapshot (the viewport stays put from stop to stop, to compare). */
export function PastTable({ doc, sessionId, token, user, label }: PastTableProps) {
  const [awareness, setAwareness] = useState<Awareness | null>(null);
  useEffect(() => {
    const own = new Awareness(new Y.Doc());
    setAwareness(own);
    return () => own.destroy();
  }, []);
  if (!awareness) return null;
  // No overlays of live features (dot voting) on the past: they act on the live table.
  return (
    <ArtifactAddon.Provider value={null}>
      <Canvas
        doc={doc}
        awareness={awareness}
        sessionId={sessionId}
        token={token}
        user={user}
        readOnly
        ready
        label={label}
        emptyText="Nothing was on the table at this point."
      />
    </ArtifactAddon.Provider>
  );
}
