/**
 * The feedback panel of the artifact selected on the canvas (one at a time), with the feedback
 * types the current protocol phase allows; nothing when no single artifact is selected.
 */
import * as Y from 'yjs';
import { FEEDBACK_TYPES, TableRoot, listensSilently, type FeedbackType } from '@worktable/shared';
import { useItemName } from '../canvas/describe.js';
import { useCanvasUi } from '../canvas/uiStore.js';
import { useControlStore } from '../protocol/controlConnection.js';
import { FeedbackPanel } from './FeedbackPanel.js';
import type { Author } from './feedbackModel.js';

/** Props of `SelectedFeedback`. */
export interface SelectedFeedbackProps {
  doc: Y.Doc;
  author: Author;
  readOnly: boolean;
}

/** Feedback on the one selected artifact. */
export function SelectedFeedback({ doc, author, readOnly }: SelectedFeedbackProps) {
  const selection = useCanvasUi((s) => s.selection);
  const phase = useControlStore((s) => s.state?.phase ?? null);
  const roles = useControlStore((s) => s.state?.roles ?? null);
  const status = useControlStore((s) => s.state?.status ?? 'lobby');
  const id = selection.length === 1 ? selection[0] : undefined;
  const artifact = id ? doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).get(id) : undefined;
  // The item's name is read live: a rename shows in the heading at once.
  const label = useItemName(artifact instanceof Y.Map ? artifact : null);
  if (!id || !(artifact instanceof Y.Map)) return null;
  // While a protocol runs, only the feedback its phase opens can be added.
  const running = (status === 'running' || status === 'paused') && phase !== null;
  const allowed: readonly FeedbackType[] = running ? phase.feedback : FEEDBACK_TYPES;
  // The presenter listens silently while the group talks about their work: no feedback or replies from them then.
  const listening = roles !== null && listensSilently({ status, phase, roles }, author.participantId);
  return (
    <section className="card" aria-label="Feedback">
      <FeedbackPanel
        doc={doc}
        artifactId={id}
        artifactLabel={label}
        author={author}
        readOnly={readOnly || listening}
        allowedTypes={allowed}
        closedReason={running ? `closed during “${phase.title}”` : 'closed now'}
        phase={running ? { id: phase.id, title: phase.title } : null}
      />
      {listening && (
        <p className="muted">
          You listen silently in this phase: the group’s feedback is yours to read, and your own notes are in your role card.
        </p>
      )}
    </section>
  );
}
