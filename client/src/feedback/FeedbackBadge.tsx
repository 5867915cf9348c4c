/**
 * Feedback you can see on the board: a badge in the label strip of every item that has feedback,
 * beside its menu, with the open threads by type ("Warm 2 · Probing 1") (`ArtifactLabelAddon`).
 * Clicking it selects the item, which opens its threads in the side panel.
 */
import * as Y from 'yjs';
import { countByType, type FeedbackThread } from '@worktable/shared';
import type { ArtifactAddonProps } from '../canvas/artifactAddon.js';
import { showSection } from '../sidePanel/sidePanelStore.js';
import { useCanvasUi } from '../canvas/uiStore.js';
import { feedbackSummary } from '../participation/participation.js';
import { useThreads } from './useThreads.js';
import './feedback.css';

const EMPTY_DOC = new Y.Doc();

/** "Warm 2 · Probing 1" and "2 warm feedback, 1 probing question" for the open threads of one item; null for none. */
export function badgeText(threads: readonly FeedbackThread[]): { short: string; full: string } | null {
  return threads.length === 0 ? null : feedbackSummary(countByType(threads));
}

/** The feedback badge of one artifact frame. */
export function FeedbackBadge({ meta, artifact }: ArtifactAddonProps) {
  const threads = useThreads(artifact.doc ?? EMPTY_DOC).filter((t) => t.artifactId === meta.id && !t.resolved);
  const text = badgeText(threads);
  if (!text) return null;
  return (
    <button
      type="button"
      className="feedback-badge"
      data-feedback-count={threads.length}
      title={`Open feedback: ${text.full}`}
      onPointerDown={(event) => event.stopPropagation()}
      onClick={() => {
        useCanvasUi.getState().select([meta.id]);
        showSection('feedback');
      }}
    >
      {text.short}
      <span className="visually-hidden">: open feedback on this item ({text.full}); show it</span>
    </button>
  );
}
