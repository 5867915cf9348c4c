/**
 * Frames (sections): a named, calmly tinted area that groups what lies inside it. The canvas
 * draws frames behind everything else, and moving a frame moves the artifacts entirely inside it
 * (see `artifactsInside` in tableModel.ts). The body is only the title, editable inline.
 */
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import { editLocally } from '../../canvas/tableModel.js';
import { useStringField } from '../shared/useArtifactField.js';
import type { ArtifactBodyProps, ArtifactView } from '../types.js';
import './frame.css';

/** Longest frame title, in characters. */
export const MAX_FRAME_TITLE = 120;

function FrameBody({ artifact, doc, readOnly, meta }: ArtifactBodyProps) {
  const title = useStringField(artifact, ArtifactField.Title);
  return (
    <div className="frame-body">
      {readOnly ? (
        <span className="frame-title frame-title-text">{title || 'Untitled frame'}</span>
      ) : (
        <input
          className="frame-title frame-title-input"
          value={title}
          placeholder="Untitled frame"
          aria-label={`Frame title by ${meta.createdByName}`}
          maxLength={MAX_FRAME_TITLE}
          spellCheck
          onChange={(event) => {
            const value = event.currentTarget.value.slice(0, MAX_FRAME_TITLE);
            editLocally(doc, () => artifact.set(ArtifactField.Title, value));
          }}
          onKeyDown={(event) => {
            // Enter confirms the name (Escape is the canvas's: back to the frame).
            if (event.key === 'Enter') {
              event.preventDefault();
              event.stopPropagation();
              event.currentTarget.closest<HTMLElement>('[data-artifact-id]')?.focus({ preventScroll: true });
            }
          }}
        />
      )}
    </div>
  );
}

/** View of frames. */
export const frameView: ArtifactView = {
  kind: ArtifactKind.Frame,
  label: 'Frame',
  Body: FrameBody,
  initialize(artifact, { title }) {
    artifact.set(ArtifactField.Title, title ?? '');
  },
};
