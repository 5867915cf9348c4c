/** What an artifact frame is called for screen readers: "Sticky note by Ana: first words". */
import { useCallback, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { ArtifactField, type ArtifactMeta } from '@worktable/shared';
import { viewOf } from '../artifacts/registry.js';

/** The first `count` words of a text, with an ellipsis when cut. */
export function firstWords(text: string, count = 8): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.slice(0, count).join(' ') + (words.length > count ? '…' : '');
}

/** A short text for an artifact: its title, or the first words of its text. */
export function summaryOf(artifact: Y.Map<unknown>): string {
  const text = artifact.get(ArtifactField.Text);
  if (text instanceof Y.Text) return firstWords(text.toString());
  const title = artifact.get(ArtifactField.Title);
  if (typeof title === 'string' && title.trim()) return firstWords(title);
  const fileName = artifact.get(ArtifactField.FileName);
  return typeof fileName === 'string' ? firstWords(fileName) : '';
}

/** The accessible name of an artifact's frame, kept live. */
export function useArtifactLabel(artifact: Y.Map<unknown>, meta: ArtifactMeta): string {
  const subscribe = useCallback(
    (listener: () => void) => {
      artifact.observeDeep(listener);
      return () => artifact.unobserveDeep(listener);
    },
    [artifact],
  );
  const summary = useSyncExternalStore(subscribe, () => summaryOf(artifact));
  const base = `${viewOf(meta.kind).label} by ${meta.createdByName}`;
  return `${base}${meta.draft ? ' (draft, feedback welcome)' : ''}${summary ? `: ${summary}` : ''}`;
}
