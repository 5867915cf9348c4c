/**
 * Takes a person from a feedback thread to what it is about: the item is centred on the canvas,
 * selected (its threads open in the side panel's Feedback section) and focused; a thread about a passage also opens
 * the document large and selects the passage there, once its editor (a lazy chunk) has mounted.
 */
import * as Y from 'yjs';
import { ArtifactField, type FeedbackThread } from '@worktable/shared';
import { focusArtifact } from '../canvas/focusArtifact.js';
import { getArtifact } from '../canvas/tableModel.js';
import { useCanvasUi } from '../canvas/uiStore.js';
import { showSection } from '../sidePanel/sidePanelStore.js';
import { revealPassage } from './passageStore.js';

/** How long to wait for the opened document's editor to show the passage, in ms. */
const PASSAGE_WAIT_MS = 5000;

/** What showing a thread came to: the item shown, its passage selected, or the item gone. */
export type ShowResult = 'item' | 'passage' | 'removed';

/** Shows the item (and passage) of `thread`; resolves once done, or once the passage cannot be shown. */
export function showThread(doc: Y.Doc, thread: FeedbackThread): Promise<ShowResult> {
  const artifact = getArtifact(doc, thread.artifactId);
  if (!artifact) return Promise.resolve('removed');
  focusArtifact(doc, thread.artifactId);
  showSection('feedback');
  const content = artifact.get(ArtifactField.Content);
  const anchor = thread.anchor;
  if (!anchor || !(content instanceof Y.XmlFragment)) return Promise.resolve('item');
  useCanvasUi.getState().expand(thread.artifactId);
  const until = performance.now() + PASSAGE_WAIT_MS;
  return new Promise((resolve) => {
    const tryReveal = () => {
      // The editor on the canvas may already be mounted: wait for the one opened large (the last mounted, which reveal uses).
      const opened = document.querySelector('dialog.dialog-expanded[open] [contenteditable]') !== null;
      const result = opened ? revealPassage(content, anchor) : 'unavailable';
      // A passage deleted since shows the item only.
      if (result === 'shown') resolve('passage');
      else if (result === 'removed') resolve('item');
      else if (performance.now() > until) resolve('item');
      else requestAnimationFrame(tryReveal);
    };
    requestAnimationFrame(tryReveal);
  });
}
