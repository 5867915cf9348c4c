/** Wheel on the canvas: pans; Ctrl/Cmd+wheel (and trackpad pinch, which Chromium sends as such) zooms at the pointer. */
import { useEffect, type RefObject } from 'react';
import { zoomAt } from '@worktable/shared';
import { useCanvasUi } from './uiStore.js';

/** Whether an element between `target` and `root` scrolls by this wheel delta (a long document, a big table). */
function scrollsItself(target: Element, root: Element, dx: number, dy: number): boolean {
  for (let el: Element | null = target; el && el !== root; el = el.parentElement) {
    const style = getComputedStyle(el);
    const y = /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight;
    const x = /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth;
    if (y && ((dy > 0 && el.scrollTop + el.clientHeight < el.scrollHeight - 1) || (dy < 0 && el.scrollTop > 0))) return true;
    if (x && ((dx > 0 && el.scrollLeft + el.clientWidth < el.scrollWidth - 1) || (dx < 0 && el.scrollLeft > 0))) return true;
  }
  return false;
}

/** Handles wheel events on the canvas root (non-passive, so the page does not scroll). */
export function useWheel(rootRef: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onWheel = (event: WheelEvent) => {
      const target = event.target as Element;
      if (target.closest('dialog, .menu')) return;
      const zoom = event.ctrlKey || event.metaKey;
      if (!zoom && scrollsItself(target, root, event.deltaX, event.deltaY)) return;
      event.preventDefault();
      const ui = useCanvasUi.getState();
      const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? root.clientHeight : 1;
      const v = ui.viewport;
      if (zoom) {
        const bounds = root.getBoundingClientRect();
        const factor = Math.exp(-event.deltaY * scale * 0.0025);
        ui.setViewport(zoomAt(v, { x: event.clientX - bounds.left, y: event.clientY - bounds.top }, factor), true);
      } else {
        ui.setViewport({ ...v, x: v.x + (event.deltaX * scale) / v.zoom, y: v.y + (event.deltaY * scale) / v.zoom }, true);
      }
    };
    root.addEventListener('wheel', onWheel, { passive: false });
    return () => root.removeEventListener('wheel', onWheel);
  }, [rootRef]);
}
