/** The invite link's QR code, small, with "Show big" to fill the screen with it (for a room to scan). */
import { useState } from 'react';
import { lazyPart } from '../components/Loading.js';
import { QrCode } from './QrCode.js';

// The full-screen code loads when it is asked for.
const BigQrDialog = lazyPart(() => import('./BigQrDialog.js').then((m) => m.BigQrDialog));

/** Props of `InviteQr`. */
export interface InviteQrProps {
  /** The full invite link. */
  url: string;
}

/** A small code people can scan from the screen, and the button that shows it big. */
export function InviteQr({ url }: InviteQrProps) {
  const [big, setBig] = useState(false);
  return (
    <div className="invite-qr">
      <QrCode text={url} label="QR code of the invite link" className="qr-small" />
      <button type="button" className="button secondary" onClick={() => setBig(true)}>
        Show big
      </button>
      {big && <BigQrDialog url={url} onClose={() => setBig(false)} />}
    </div>
  );
}
