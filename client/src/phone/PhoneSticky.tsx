/**
 * "Add a sticky note" from a phone: a short text put on your table through the table model, in
 * a free spot among what is already there (so it hides nothing on the others' canvases). During
 * private writing it goes to your private notes, as the canvas would send it.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind, DEFAULT_ARTIFACT_SIZE, MAX_STICKY_LENGTH, placementAmong } from '@worktable/shared';
import { stickyView } from '../artifacts/sticky/index.js';
import type { LocalUser } from '../artifacts/types.js';
import type { CanvasLayer } from '../canvas/canvasLayer.js';
import { createArtifact, readArtifacts } from '../canvas/tableModel.js';

/** Props of `PhoneSticky`. */
export interface PhoneStickyProps {
  /** Your table's document (null while it opens). */
  doc: Y.Doc | null;
  /** Private writing's layer, when it takes new stickies. */
  layer: CanvasLayer | undefined;
  user: LocalUser;
  tableName: string;
}

/** The form; after adding it clears and says where the note went (role=status). */
export function PhoneSticky({ doc, layer, user, tableName }: PhoneStickyProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const note = text.trim();
    if (!note) {
      setProblem('Write something first.');
      textRef.current?.focus();
      return;
    }
    if (!doc) return;
    const size = DEFAULT_ARTIFACT_SIZE[ArtifactKind.Sticky];
    const target = layer?.docFor(ArtifactKind.Sticky) ?? doc;
    createArtifact(target, {
      kind: ArtifactKind.Sticky,
      at: placementAmong(size, [...readArtifacts(doc), ...(layer?.artifacts() ?? [])]),
      size,
      creator: { participantId: user.participantId, name: user.name },
      initialize: stickyView.initialize,
      fill: (artifact) => {
        const field = artifact.get(ArtifactField.Text);
        if (field instanceof Y.Text) field.insert(0, note.slice(0, MAX_STICKY_LENGTH));
      },
    });
    setText('');
    setProblem(null);
    setAdded(target === doc ? `Your note is on ${tableName}.` : 'Your note is in your private notes: the table sees it at the reveal.');
  };

  return (
    <form className="card phone-sticky" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Add a sticky note</h2>
      <div className="field">
        <label htmlFor={`${id}-text`}>Your note</label>
        <textarea
          id={`${id}-text`}
          ref={textRef}
          rows={3}
          maxLength={MAX_STICKY_LENGTH}
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-count${problem ? ` ${id}-problem` : ''}`}
          onChange={(event) => {
            setText(event.target.value);
            setAdded(null);
          }}
        />
        <p id={`${id}-count`} className="hint phone-count">
          {text.length} / {MAX_STICKY_LENGTH}
        </p>
        {problem && (
          <p id={`${id}-problem`} className="field-error">
            {problem}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={!doc}>
          Add to {tableName}
        </button>
      </div>
      <p className="phone-added" role="status">
        {added}
      </p>
    </form>
  );
}
