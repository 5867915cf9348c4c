/** The host's "Export record" button in the session header: opens the record dialog (download it, or share a read-only link). */
import { useState } from 'react';
import { lazyPart, useShownOnce } from '../components/Loading.js';

// The dialog (downloads, share links) loads the first time it opens.
const RecordDialog = lazyPart(() => import('./RecordDialog.js').then((m) => m.RecordDialog));

/** Props of `ExportButton`. */
export interface ExportButtonProps {
  sessionId: string;
  /** The host's token (others get 403 from the server). */
  token: string;
}

/** The button and its dialog. */
export function ExportButton({ sessionId, token }: ExportButtonProps) {
  const [open, setOpen] = useState(false);
  const mounted = useShownOnce(open);
  return (
    <>
      <button type="button" className="button ghost" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export record
      </button>
      {mounted && <RecordDialog open={open} onClose={() => setOpen(false)} sessionId={sessionId} token={token} />}
    </>
  );
}
