/**
 * The timeline of the open table: the snapshots the server kept at the end of every phase, a
 * scrubber to move between them, the table as it was at the selected stop (read-only), and
 * "Restore to the table" for each of its artifacts. Replaces the live canvas until closed.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import type { LocalUser } from '../artifacts/types.js';
import { readArtifacts } from '../canvas/tableModel.js';
import { ProgressStatus } from '../components/ProgressStatus.js';
import { useControlStore } from '../protocol/controlConnection.js';
import { fractionOf } from '../transfer.js';
import { PastTable } from './PastTable.js';
import { RestoreList } from './RestoreList.js';
import { Scrubber } from './Scrubber.js';
import { stopLabel } from './stops.js';
import { useHistoryStops } from './useHistoryStops.js';
import { useSnapshotDoc } from './useSnapshotDoc.js';
import './history.css';

/** Props of `TimelineView`. */
export interface TimelineViewProps {
  sessionId: string;
  token: string;
  /** The open table document's name (its history) and its name for people ("Table 2", "The table"). */
  docName: string;
  tableName: string;
  /** The live table, where restored artifacts go. */
  liveDoc: Y.Doc;
  user: LocalUser;
  readOnly: boolean;
  onClose(): void;
}

/** The timeline panel. */
export function TimelineView({ sessionId, token, docName, tableName, liveDoc, user, readOnly, onClose }: TimelineViewProps) {
  const runKey = useControlStore((s) => (s.state ? `${s.state.round}/${s.state.phaseIndex}/${s.state.status}` : ''));
  const { load: stopsLoad, retry: retryStops } = useHistoryStops(sessionId, token, docName, runKey);
  const stops = stopsLoad.kind === 'ready' ? stopsLoad.stops : [];
  const [chosen, setChosen] = useState<number | null>(null);
  const found = stops.findIndex((s) => s.snapshotId === chosen);
  const index = found >= 0 ? found : stops.length - 1;
  const stop = stops[index] ?? null;
  const { load: snapshot, retry: retrySnapshot } = useSnapshotDoc(sessionId, token, stop);
  const [announcement, setAnnouncement] = useState({ id: 0, text: '' });
  const announce = useCallback((text: string) => setAnnouncement((a) => ({ id: a.id + 1, text })), []);
  const heading = useRef<HTMLHeadingElement>(null);

  // While the next stop loads, the last one loaded stays in view (under a progress bar).
  const [shown, setShown] = useState<{ snapshotId: number; doc: Y.Doc } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: announces once per snapshot loaded, with the names as they are then
  useEffect(() => {
    if (snapshot.kind !== 'ready') return;
    setShown({ snapshotId: snapshot.snapshotId, doc: snapshot.doc });
    const loaded = stops.find((s) => s.snapshotId === snapshot.snapshotId);
    const count = readArtifacts(snapshot.doc).length;
    if (loaded) announce(`${tableName} at the end of ${stopLabel(loaded)}: ${count === 1 ? '1 artifact' : `${count} artifacts`}.`);
    // Once per loaded snapshot (`stops` and `tableName` are read, not watched: a refreshed list announces nothing).
  }, [snapshot]);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (stopsLoad.kind === 'ready' && stopsLoad.stops.length === 0) announce('No snapshots of this table yet.');
  }, [stopsLoad, announce]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Escape closes, unless something inside (the canvas, a menu, a dialog) used it.
    if (event.key === 'Escape' && !event.defaultPrevented && !(event.target as Element).closest('.canvas-shell')) onClose();
  };
  const shownStop = stops.find((s) => s.snapshotId === shown?.snapshotId);
  const pastLabel = shownStop ? `${tableName} at the end of ${shownStop.title}` : tableName;

  return (
    <section className="timeline" aria-labelledby="timeline-heading" onKeyDown={onKeyDown}>
      <header className="timeline-header">
        <div>
          <p className="eyebrow">Timeline</p>
          <h2 id="timeline-heading" ref={heading} tabIndex={-1}>
            {tableName} as it was
          </h2>
          <p className="muted">A snapshot is kept at the end of every phase. Looking back changes nothing on the live table.</p>
        </div>
        <button type="button" className="button primary" onClick={onClose}>
          Back to the live table
        </button>
      </header>

      {stopsLoad.kind === 'loading' && <ProgressStatus text="Loading the timeline…" />}
      {stopsLoad.kind === 'error' && (
        <div className="alert" role="alert">
          <p>Could not load the timeline. {stopsLoad.message}</p>
          <button type="button" className="button secondary" onClick={retryStops}>
            Try again
          </button>
        </div>
      )}
      {stopsLoad.kind === 'ready' && stops.length === 0 && (
        <p className="timeline-empty">
          No snapshots of this table yet. When a phase of the protocol ends, the table as it was is kept here — come back after the first
          phase.
        </p>
      )}
      {stops.length > 0 && <Scrubber stops={stops} index={index} onSelect={(i) => setChosen(stops[i]?.snapshotId ?? null)} />}

      {snapshot.kind === 'loading' && (
        <ProgressStatus
          className="timeline-loading"
          text={`Loading the table at the end of ${stop?.title ?? 'this phase'}…`}
          fraction={fractionOf(snapshot.progress)}
        />
      )}
      {snapshot.kind === 'error' && (
        <div className="alert" role="alert">
          <p>{snapshot.message}</p>
          <button type="button" className="button secondary" onClick={retrySnapshot}>
            Try again
          </button>
        </div>
      )}

      {shown && (
        <div className="timeline-body">
          <div className={snapshot.kind === 'loading' ? 'timeline-past is-loading' : 'timeline-past'}>
            <PastTable doc={shown.doc} sessionId={sessionId} token={token} user={user} label={pastLabel} />
          </div>
          <RestoreList key={shown.snapshotId} pastDoc={shown.doc} liveDoc={liveDoc} readOnly={readOnly} onRestored={announce} />
        </div>
      )}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement.text && <p key={announcement.id}>{announcement.text}</p>}
      </div>
    </section>
  );
}
