/**
 * Keeps `--side-top` (on the page root) equal to the height of the side panel's sticky top, so
 * `scroll-padding-top` keeps whatever gets the focus or is scrolled to from hiding under it
 * (WCAG 2.2 "focus not obscured").
 */
import { useEffect, type RefObject } from 'react';

/** Measures `ref`'s element while mounted. */
export function useStickyTop(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--side-top', `${Math.ceil(element.getBoundingClientRect().height)}px`));
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--side-top');
    };
  }, [ref]);
}
