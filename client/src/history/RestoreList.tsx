/**
 * The artifacts of a past table, each with "Restore to the table": a deep copy goes onto the live
 * table as a new change (the snapshot is never touched), and the row says "Restored".
 */
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { contains, visibleWorldRect, type ArtifactMeta } from '@worktable/shared';
import { useArtifactLabel } from '../canvas/describe.js';
import { getArtifact, restoreArtifact } from '../canvas/tableModel.js';
import { useCanvasUi } from '../canvas/uiStore.js';
import { useArtifacts } from '../canvas/useArtifacts.js';
import { contentOf, standingOf, watchArtifacts, type LiveStanding } from './compare.js';

/** Props of `RestoreList`. */
export interface RestoreListProps {
  /** The snapshot's document (read only) and the live table's. */
  pastDoc: Y.Doc;
  liveDoc: Y.Doc;
  /** Observers look back but restore nothing. */
  readOnly: boolean;
  /** Called with what to announce after a restore. */
  onRestored(message: string): void;
}

interface RowProps {
  meta: ArtifactMeta;
  artifact: Y.Map<unknown>;
  liveDoc: Y.Doc;
  restored: boolean;
  /** Selected on the past canvas. */
  current: boolean;
  readOnly: boolean;
  onRestore(label: string): void;
}

/**
 * Selects an artifact on the past canvas (the only canvas while the timeline is open), and brings
 * it into view when it lies outside, so the row being looked at shows where its artifact was.
 */
function showOnPastCanvas(meta: ArtifactMeta, canvas: Element | null): void {
  const ui = useCanvasUi.getState();
  ui.select([meta.id]);
  const box = canvas?.getBoundingClientRect();
  if (!box || box.width === 0) return;
  const { zoom } = ui.viewport;
  if (contains(visibleWorldRect(ui.viewport, { w: box.width, h: box.height }), meta)) return;
  ui.setViewport({ x: meta.x + meta.w / 2 - box.width / 2 / zoom, y: meta.y + meta.h / 2 - box.height / 2 / zoom, zoom }, true);
}

const STANDING: Record<LiveStanding, string> = {
  gone: 'Not on the table now',
  changed: 'On the table, changed since',
  same: 'On the table, unchanged',
};

function RestoreRow({ meta, artifact, liveDoc, restored, current, readOnly, onRestore }: RowProps) {
  const label = useArtifactLabel(artifact, meta);
  const pastContent = useMemo(() => contentOf(artifact), [artifact]);
  const subscribe = useCallback((listener: () => void) => watchArtifacts(liveDoc, listener), [liveDoc]);
  const standing = useSyncExternalStore(subscribe, () => standingOf(liveDoc, meta.id, pastContent));
  const show = (event: { currentTarget: Element }) =>
    showOnPastCanvas(meta, event.currentTarget.closest('.timeline-body')?.querySelector('.canvas') ?? null);
  return (
    <li
      className={current ? 'restore-row is-current' : 'restore-row'}
      onMouseEnter={() => useCanvasUi.getState().select([meta.id])}
      onFocus={show}
    >
      <span className="restore-name">{label}</span>
      <span className={`restore-where is-${standing}`}>{STANDING[standing]}</span>
      {!readOnly && (
        <span className="restore-action">
          <button type="button" className="button secondary" onClick={() => onRestore(label)} aria-label={`Restore to the table: ${label}`}>
            Restore to the table
          </button>
          {restored && (
            <span className="restore-done" aria-hidden="true">
              ✓ Restored
            </span>
          )}
        </span>
      )}
    </li>
  );
}

/** The list of a past table's artifacts. */
export function RestoreList({ pastDoc, liveDoc, readOnly, onRestored }: RestoreListProps) {
  const past = useArtifacts(pastDoc);
  const [restored, setRestored] = useState<ReadonlySet<string>>(new Set());
  const selection = useCanvasUi((s) => s.selection);

  const restore = (meta: ArtifactMeta, label: string) => {
    const source = getArtifact(pastDoc, meta.id);
    const done = source ? restoreArtifact(liveDoc, source) : null;
    if (!done) {
      onRestored(`Could not restore ${label}: this snapshot holds it incompletely. Pick another stop.`);
      return;
    }
    setRestored((ids) => new Set([...ids, meta.id]));
    onRestored(done.sameId ? `Restored to the table: ${label}.` : `Restored a copy to the table, beside the one still there: ${label}.`);
  };

  return (
    <section className="restore-list card" aria-labelledby="restore-heading">
      <h3 id="restore-heading">
        On the table then <span className="count">{past.length}</span>
      </h3>
      {past.length === 0 ? (
        <p className="muted">Nothing was on the table at this point.</p>
      ) : (
        <ul>
          {past.map((meta) => {
            const artifact = getArtifact(pastDoc, meta.id);
            return (
              artifact && (
                <RestoreRow
                  key={meta.id}
                  meta={meta}
                  artifact={artifact}
                  liveDoc={liveDoc}
                  restored={restored.has(meta.id)}
                  current={selection.length === 1 && selection[0] === meta.id}
                  readOnly={readOnly}
                  onRestore={(label) => restore(meta, label)}
                />
              )
            );
          })}
        </ul>
      )}
      {readOnly && <p className="muted">Observers can look back; participants restore.</p>}
    </section>
  );
}
