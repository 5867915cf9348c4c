/**
 * An artifact's title (`ArtifactField.Title`, a plain string of at most `MAX_TITLE_LENGTH`
 * characters): an input that writes every change, or plain text when read-only. The title is a
 * string, not a Y.Text, so two people retitling at once end with one of the two titles; while the
 * input has focus it shows what this person types, and the shared title again on blur.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { ArtifactField } from '@worktable/shared';
import { editLocally } from '../../canvas/tableModel.js';
import './title.css';

/** Longest title, in characters. */
export const MAX_TITLE_LENGTH = 200;

/** Props of `TitleField`. */
export interface TitleFieldProps {
  artifact: Y.Map<unknown>;
  doc: Y.Doc;
  readOnly: boolean;
  /** Shown when the title is empty. */
  fallback: string;
  /** Accessible name of the input, e.g. "Document title". */
  label: string;
  className?: string;
  /** Takes the focus when the artifact is just created (`data-focus-first`, see the canvas). */
  focusFirst?: boolean;
}

function readTitle(artifact: Y.Map<unknown>): string {
  const title = artifact.get(ArtifactField.Title);
  return typeof title === 'string' ? title.slice(0, MAX_TITLE_LENGTH) : '';
}

/** Subscribes to an artifact's title. */
export function useTitle(artifact: Y.Map<unknown>): string {
  const [title, setTitle] = useState(() => readTitle(artifact));
  useEffect(() => {
    const update = (event: Y.YMapEvent<unknown>) => {
      if (event.keysChanged.has(ArtifactField.Title)) setTitle(readTitle(artifact));
    };
    setTitle(readTitle(artifact));
    artifact.observe(update);
    return () => artifact.unobserve(update);
  }, [artifact]);
  return title;
}

/** The editable (or read-only) title of an artifact. */
export function TitleField({ artifact, doc, readOnly, fallback, label, className = '', focusFirst = false }: TitleFieldProps) {
  const shared = useTitle(artifact);
  const [draft, setDraft] = useState<string | null>(null);

  if (readOnly) return <p className={`wt-title ${className}`}>{shared || fallback}</p>;
  return (
    <input
      className={`wt-title wt-title-input ${className}`}
      aria-label={label}
      data-focus-first={focusFirst ? '' : undefined}
      value={draft ?? shared}
      placeholder={fallback}
      maxLength={MAX_TITLE_LENGTH}
      spellCheck
      onFocus={() => setDraft(shared)}
      onBlur={() => setDraft(null)}
      onChange={(event) => {
        const next = event.target.value.slice(0, MAX_TITLE_LENGTH);
        setDraft(next);
        editLocally(doc, () => artifact.set(ArtifactField.Title, next));
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
      }}
    />
  );
}
