/** Brings an artifact into view on the open canvas, selects it and moves keyboard focus to it. */
import type * as Y from 'yjs';
import { fitToContent } from '@worktable/shared';
import { FIT_PADDING, contentBounds } from './fitting.js';
import { readArtifacts } from './tableModel.js';
import { useCanvasUi } from './uiStore.js';

/** How many frames to wait for the artifact to be rendered (it may have been culled). */
const FOCUS_TRIES = 20;

/** Centres `id` on the canvas (at most 100 %), selects it and focuses it once rendered. */
export function focusArtifact(doc: Y.Doc, id: string): void {
  const meta = readArtifacts(doc).find((a) => a.id === id);
  if (!meta) return;
  const canvas = document.querySelector<HTMLElement>('.canvas');
  const { setViewport, select } = useCanvasUi.getState();
  if (canvas) setViewport(fitToContent(contentBounds([meta]), { w: canvas.clientWidth, h: canvas.clientHeight }, FIT_PADDING, 1), true);
  select([id]);
  let tries = 0;
  const focus = () => {
    const frame = document.querySelector<HTMLElement>(`[data-artifact-id="${CSS.escape(id)}"]`);
    if (frame) frame.focus({ preventScroll: true });
    else if (++tries < FOCUS_TRIES) requestAnimationFrame(focus);
  };
  requestAnimationFrame(focus);
}
