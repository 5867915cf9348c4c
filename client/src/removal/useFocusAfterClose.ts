/**
 * Moves the focus once a modal dialog has gone: while it is open everything outside it is inert
 * and cannot take the focus, so the target is kept until the render that unmounts the dialog has
 * been committed (the dialog is off the page by the time effects run).
 */
import { useCallback, useEffect, useRef } from 'react';

/** While `open` is true, remembers where the focus should go; focuses it once `open` turns false. */
export function useFocusAfterClose(open: boolean): (target: HTMLElement | null | undefined) => void {
  const pending = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (open || !pending.current) return;
    const target = pending.current;
    pending.current = null;
    if (target.isConnected) target.focus();
  }, [open]);
  return useCallback((target) => {
    pending.current = target ?? null;
  }, []);
}
