/**
 * The hand-off between a document editor and the feedback panel (issue #3): the editor's
 * "Comment on selection" leaves the selected passage here for the panel's new-thread form, and
 * each mounted editor registers how to show a passage again ("Show in document"). Module-level so
 * the lazily loaded editor chunk and the panel share it without props.
 */
import { create } from 'zustand';
import type * as Y from 'yjs';

/** Y.RelativePosition JSON of a passage's start and end. */
export interface PassageAnchor {
  start: unknown;
  end: unknown;
}

/** A passage chosen in a document, waiting to become a thread. */
export interface PendingPassage {
  quote: string;
  anchor: PassageAnchor;
}

/** Longest quote kept with a thread, in characters. */
export const MAX_QUOTE_LENGTH = 300;

interface PassageState {
  /** Per artifact id, the passage the next thread will be about. */
  pending: Readonly<Record<string, PendingPassage>>;
}

/** The store (read it with `usePendingPassage`). */
export const usePassageStore = create<PassageState>(() => ({ pending: {} }));

/** Leaves a passage for the feedback panel of `artifactId` (the quote is cut to `MAX_QUOTE_LENGTH`). */
export function setPendingPassage(artifactId: string, passage: PendingPassage): void {
  const quote = passage.quote.replace(/\s+/g, ' ').trim().slice(0, MAX_QUOTE_LENGTH);
  usePassageStore.setState((s) => ({ pending: { ...s.pending, [artifactId]: { quote, anchor: passage.anchor } } }));
}

/** Forgets the pending passage of `artifactId`. */
export function clearPendingPassage(artifactId: string): void {
  usePassageStore.setState((s) => {
    if (!(artifactId in s.pending)) return s;
    const pending = { ...s.pending };
    delete pending[artifactId];
    return { pending };
  });
}

/** The pending passage of `artifactId`, or null. */
export function usePendingPassage(artifactId: string): PendingPassage | null {
  return usePassageStore((s) => s.pending[artifactId] ?? null);
}

/** Selects a passage in a mounted editor; false when it no longer exists there. */
export type RevealPassage = (anchor: PassageAnchor) => boolean;

const revealers = new Map<Y.XmlFragment, RevealPassage[]>();

/** Called by a document editor while mounted; returns the unregister function. */
export function registerPassageEditor(fragment: Y.XmlFragment, reveal: RevealPassage): () => void {
  const list = revealers.get(fragment) ?? [];
  list.push(reveal);
  revealers.set(fragment, list);
  return () => {
    const current = revealers.get(fragment);
    if (!current) return;
    const rest = current.filter((r) => r !== reveal);
    if (rest.length === 0) revealers.delete(fragment);
    else revealers.set(fragment, rest);
  };
}

/**
 * Selects the passage in the most recently mounted editor of `fragment` (the one opened large,
 * when a document is open twice). 'shown', 'removed' (deleted since), or 'unavailable' (no editor).
 */
export function revealPassage(fragment: Y.XmlFragment, anchor: PassageAnchor): 'shown' | 'removed' | 'unavailable' {
  const list = revealers.get(fragment);
  const reveal = list?.[list.length - 1];
  if (!reveal) return 'unavailable';
  return reveal(anchor) ? 'shown' : 'removed';
}
