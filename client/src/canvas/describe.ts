/**
 * What an artifact is called: its frame for screen readers ("Sticky note by Ana: first words"),
 * and in sentences about it ("Feedback on document “Lesson plan”"), kept live as it is renamed.
 */
import { useCallback, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { ArtifactField, isArtifactKind, type ArtifactMeta } from '@worktable/shared';
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

/** Subscribes to every change inside one artifact (for `useSyncExternalStore`). */
function observeArtifact(artifact: Y.Map<unknown>, listener: () => void): () => void {
  artifact.observeDeep(listener);
  return () => artifact.unobserveDeep(listener);
}

/** Nothing to watch. */
const unsubscribed = () => undefined;

/** `summaryOf(artifact)`, kept live: a rename shows at once, here and in every other browser ('' for none). */
export function useArtifactSummary(artifact: Y.Map<unknown> | null): string {
  const subscribe = useCallback((listener: () => void) => (artifact ? observeArtifact(artifact, listener) : unsubscribed), [artifact]);
  return useSyncExternalStore(subscribe, () => (artifact ? summaryOf(artifact) : ''));
}

/** How a sentence names an item: 'document “Lesson plan”', or 'sticky note' when it says nothing yet. */
export function itemName(kind: unknown, summary: string): string {
  const kindName = isArtifactKind(kind) ? viewOf(kind).label.toLowerCase() : 'this artifact';
  return `${kindName}${summary ? ` “${summary}”` : ''}`;
}

/** `itemName` of an artifact, kept live ('' for none, e.g. one deleted since). */
export function useItemName(artifact: Y.Map<unknown> | null): string {
  // No stand-in map for none: reading a map that is in no document makes Yjs warn, on every render.
  const summary = useArtifactSummary(artifact);
  return artifact ? itemName(artifact.get(ArtifactField.Kind), summary) : '';
}

/** The accessible name of an artifact's frame, kept live. */
export function useArtifactLabel(artifact: Y.Map<unknown>, meta: ArtifactMeta): string {
  const summary = useArtifactSummary(artifact);
  const base = `${viewOf(meta.kind).label} by ${meta.createdByName}`;
  return `${base}${meta.draft ? ' (draft, feedback welcome)' : ''}${summary ? `: ${summary}` : ''}`;
}
