/** An artifact opened large (focus mode) in a modal dialog; Escape or Close returns to the canvas. */
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import type { ArtifactMeta } from '@worktable/shared';
import { viewOf } from '../artifacts/registry.js';
import type { ArtifactBodyProps } from '../artifacts/types.js';
import { useArtifactLabel } from './describe.js';

/** Props of `ExpandedArtifact`. */
export interface ExpandedArtifactProps {
  meta: ArtifactMeta;
  artifact: Y.Map<unknown>;
  body: Omit<ArtifactBodyProps, 'artifact' | 'meta' | 'selected' | 'expanded'>;
  onClose(): void;
}

/** The open artifact. */
export function ExpandedArtifact({ meta, artifact, body, onClose }: ExpandedArtifactProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const label = useArtifactLabel(artifact, meta);
  const view = viewOf(meta.kind);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog dialog-expanded"
      aria-label={label}
      onClose={onClose}
      onKeyDown={(event) => {
        // ProseMirror takes every Escape (it prevents its default), which keeps the dialog from
        // closing natively while the document editor has the focus: close it here instead.
        if (event.key === 'Escape' && event.defaultPrevented && (event.target as Element).closest('[contenteditable="true"]')) onClose();
      }}
    >
      <header className="expanded-header">
        <div>
          <p className="eyebrow">{view.label}</p>
          <p className="expanded-by">
            By {meta.createdByName}
            {meta.draft && <span className="draft-badge">Draft — feedback welcome</span>}
          </p>
        </div>
        <button type="button" className="button ghost" onClick={onClose}>
          Close
        </button>
      </header>
      <div className={`expanded-body artifact-${meta.kind}`}>
        <view.Body artifact={artifact} meta={meta} selected expanded {...body} />
      </div>
    </dialog>
  );
}
