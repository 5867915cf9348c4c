/** Sticky notes: a short co-edited text on coloured paper, with a colour picker for editors. */
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, STICKY_COLORS } from '@worktable/shared';
import { editLocally } from '../../canvas/tableModel.js';
import { useArtifactField } from '../shared/useArtifactField.js';
import type { ArtifactBodyProps, ArtifactView } from '../types.js';
import { STICKY_PAPER, stickyColor } from './colors.js';
import { StickyText } from './StickyText.js';

function StickyBody({ artifact, doc, readOnly, selected, meta }: ArtifactBodyProps) {
  const color = stickyColor(useArtifactField(artifact, ArtifactField.Color));
  const text = useArtifactField(artifact, ArtifactField.Text);
  const paper = STICKY_PAPER[color];
  return (
    <div className="sticky" style={{ background: paper.paper, borderColor: paper.edge }}>
      {text instanceof Y.Text ? (
        <StickyText doc={doc} text={text} readOnly={readOnly} label={`Sticky note text by ${meta.createdByName}`} />
      ) : (
        <p className="artifact-missing">This note has no text.</p>
      )}
      {selected && !readOnly && (
        <div className="sticky-colors" role="radiogroup" aria-label="Note colour">
          {STICKY_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={c === color}
              aria-label={STICKY_PAPER[c].label}
              className="swatch"
              style={{ background: STICKY_PAPER[c].paper, borderColor: STICKY_PAPER[c].edge }}
              onClick={() => editLocally(doc, () => artifact.set(ArtifactField.Color, c))}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** View of sticky notes. */
export const stickyView: ArtifactView = {
  kind: ArtifactKind.Sticky,
  label: 'Sticky note',
  Body: StickyBody,
  initialize(artifact) {
    artifact.set(ArtifactField.Text, new Y.Text());
    artifact.set(ArtifactField.Color, 'yellow');
  },
};
