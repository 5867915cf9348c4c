/**
 * "Show big": the invite's QR code filling the screen, for projecting or holding a laptop up to a
 * room, with the link spelled out under it. A modal dialog: Escape or Close ends it and focus
 * goes back to the button that opened it.
 */
import { useEffect, useId, useRef, type SyntheticEvent } from 'react';
import { QrCode } from './QrCode.js';

/** Props of `BigQrDialog`. */
export interface BigQrDialogProps {
  url: string;
  onClose(): void;
}

/** The dialog (mounted only while open). */
export function BigQrDialog({ url, onClose }: BigQrDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    opener.current = document.activeElement;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
  }, []);

  // Escape: close through React, so the dialog unmounts.
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    onClose();
  };

  return (
    <dialog ref={ref} className="qr-big-dialog" aria-labelledby={`${id}-title`} onCancel={onCancel}>
      <h2 id={`${id}-title`}>Scan to join</h2>
      <QrCode text={url} label="QR code of the invite link" className="qr-big" />
      <p className="qr-big-url">{url}</p>
      <button type="button" className="button primary" onClick={onClose} autoFocus>
        Close
      </button>
    </dialog>
  );
}
