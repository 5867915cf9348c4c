/**
 * Passages of a document as Yjs relative positions (issue #3), so a thread's passage still
 * points at the same text after others edit before it; and a decoration plugin that highlights
 * the passages of unresolved threads. Part of the editor chunk (imports y-tiptap).
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { ArtifactField, TableRoot, ThreadField } from '@worktable/shared';
import { threadsOf } from '../../feedback/feedbackModel.js';
import type { PassageAnchor } from '../../feedback/passageStore.js';

/** y-tiptap's map from Yjs types to ProseMirror nodes (the binding's `mapping`). */
export type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** The relative positions of the ProseMirror range [from, to) of `type`. */
export function encodePassage(from: number, to: number, type: Y.XmlFragment, mapping: ProsemirrorMapping): PassageAnchor {
  return {
    start: Y.relativePositionToJSON(absolutePositionToRelativePosition(from, type, mapping)),
    end: Y.relativePositionToJSON(absolutePositionToRelativePosition(to, type, mapping)),
  };
}

/** The current ProseMirror range of a passage, or null when it was removed (or is malformed). */
export function resolvePassage(
  anchor: PassageAnchor,
  ydoc: Y.Doc,
  type: Y.XmlFragment,
  mapping: ProsemirrorMapping,
): { from: number; to: number } | null {
  try {
    const from = relativePositionToAbsolutePosition(ydoc, type, Y.createRelativePositionFromJSON(anchor.start), mapping);
    const to = relativePositionToAbsolutePosition(ydoc, type, Y.createRelativePositionFromJSON(anchor.end), mapping);
    if (from === null || to === null || to <= from) return null;
    return { from, to };
  } catch {
    return null;
  }
}

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: ProsemirrorMapping } | null;
}

function syncState(state: EditorState): SyncState | null {
  const ystate = ySyncPluginKey.getState(state) as SyncState | undefined;
  return ystate?.binding ? ystate : null;
}

/** The editor's selection as a passage with its text, or null when nothing is selected. */
export function selectedPassage(state: EditorState): { quote: string; anchor: PassageAnchor } | null {
  const { from, to, empty } = state.selection;
  const ystate = syncState(state);
  if (empty || !ystate?.binding) return null;
  const quote = state.doc.textBetween(from, to, ' ', ' ').trim();
  if (!quote) return null;
  return { quote, anchor: encodePassage(from, to, ystate.type, ystate.binding.mapping) };
}

/** Resolves a passage against the editor's current document. */
export function resolveInEditor(state: EditorState, anchor: PassageAnchor): { from: number; to: number } | null {
  const ystate = syncState(state);
  if (!ystate?.binding) return null;
  const range = resolvePassage(anchor, ystate.doc, ystate.type, ystate.binding.mapping);
  return range && range.to <= state.doc.content.size ? range : null;
}

/** The anchors of the unresolved threads about the document whose content is `fragment`. */
export function openAnchorsOf(fragment: Y.XmlFragment): PassageAnchor[] {
  const doc = fragment.doc;
  if (!doc) return [];
  const artifacts = doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts);
  const anchors: PassageAnchor[] = [];
  for (const thread of threadsOf(doc).values()) {
    if (!(thread instanceof Y.Map) || thread.get(ThreadField.Resolved) === true) continue;
    const start = thread.get(ThreadField.AnchorStart);
    const end = thread.get(ThreadField.AnchorEnd);
    if (!start || !end) continue;
    const artifactId = thread.get(ThreadField.ArtifactId);
    if (typeof artifactId !== 'string' || artifacts.get(artifactId)?.get(ArtifactField.Content) !== fragment) continue;
    anchors.push({ start, end });
  }
  return anchors;
}

const highlightKey = new PluginKey<DecorationSet>('worktablePassageHighlights');
const RECOMPUTE = 'recompute';

function computeHighlights(state: EditorState, fragment: Y.XmlFragment): DecorationSet {
  const decorations: Decoration[] = [];
  for (const anchor of openAnchorsOf(fragment)) {
    const range = resolveInEditor(state, anchor);
    if (range) decorations.push(Decoration.inline(range.from, range.to, { class: 'wt-passage' }));
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights the passages of unresolved threads. Local edits map the decorations; changes from
 * Yjs (remote edits, first render) and thread changes re-resolve them from the relative positions.
 */
export const PassageHighlights = Extension.create<{ fragment: Y.XmlFragment | null }>({
  name: 'passageHighlights',
  addOptions: () => ({ fragment: null }),
  addProseMirrorPlugins() {
    const fragment = this.options.fragment;
    if (!fragment?.doc) return [];
    const threads = threadsOf(fragment.doc);
    return [
      new Plugin<DecorationSet>({
        key: highlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, old, _oldState, newState) {
            if (tr.getMeta(highlightKey) === RECOMPUTE || tr.getMeta(ySyncPluginKey)) return computeHighlights(newState, fragment);
            return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
          },
        },
        props: { decorations: (state) => highlightKey.getState(state) },
        view(view) {
          let pending = false;
          const onThreads = () => {
            if (pending) return;
            pending = true;
            queueMicrotask(() => {
              pending = false;
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(highlightKey, RECOMPUTE));
            });
          };
          threads.observeDeep(onThreads);
          return { destroy: () => threads.unobserveDeep(onThreads) };
        },
      }),
    ];
  },
});
