/** A `<dialog>` shown as a modal while `open` and closed otherwise: the one place that calls showModal. */
import { useEffect, useRef, type RefObject } from 'react';

/** The ref to put on the `<dialog>`; it follows `open`. */
export function useModalDialog(open: boolean): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
