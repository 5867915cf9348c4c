/**
 * Keeps whatever is scrolled to or gets the focus from hiding under the side panel's sticky top
 * (WCAG 2.2 "focus not obscured"): the panel's and the page's `scroll-padding-top` follow the
 * top's height (the panel scrolls on its own beside the canvas, the page scrolls on narrower
 * screens).
 */
import { useEffect, type RefObject } from 'react';

/** Room left above a scrolled-to element, beyond the sticky top. */
const GAP_PX = 8;

/** Measures `ref`'s element while mounted. */
export function useStickyTop(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const scrollers = [element.closest<HTMLElement>('.sidebar'), document.documentElement].filter((e): e is HTMLElement => e !== null);
    let applied = '';
    const observer = new ResizeObserver(() => {
      const padding = `${Math.ceil(element.getBoundingClientRect().height) + GAP_PX}px`;
      if (padding === applied) return;
      applied = padding;
      for (const scroller of scrollers) scroller.style.scrollPaddingTop = padding;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      for (const scroller of scrollers) scroller.style.scrollPaddingTop = '';
    };
  }, [ref]);
}
