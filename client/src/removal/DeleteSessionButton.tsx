/**
 * The host's "Delete session…" (a danger action in the header): opens the typed confirmation, and
 * once the server deleted the session forgets this browser's identity and copies of it, then goes
 * home, where "Session deleted" is shown and announced.
 */
import { useRef, useState } from 'react';
import { lazyPart } from '../components/Loading.js';
import { leaveNotice } from '../components/pageNotice.js';
import { forgetIdentity } from '../identity.js';
import { navigate } from '../router.js';
import { forgetLocalCopies } from '../session/localCopies.js';
import { useFocusAfterClose } from './useFocusAfterClose.js';
import { deletedNotice } from './removalText.js';
import './removal.css';

// The confirmation loads when it is asked for.
const DeleteSessionDialog = lazyPart(() => import('./DeleteSessionDialog.js').then((m) => m.DeleteSessionDialog));

/** Props of `DeleteSessionButton`. */
export interface DeleteSessionButtonProps {
  sessionId: string;
  title: string;
  /** The host's bearer token. */
  token: string;
}

/** The button and its dialog. */
export function DeleteSessionButton({ sessionId, title, token }: DeleteSessionButtonProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const focusAfterClose = useFocusAfterClose(open);
  return (
    <>
      <button ref={button} type="button" className="button danger-ghost" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Delete session…
      </button>
      {open && (
        <DeleteSessionDialog
          sessionId={sessionId}
          title={title}
          token={token}
          onCancel={() => {
            focusAfterClose(button.current);
            setOpen(false);
          }}
          onDeleted={() => {
            forgetIdentity(sessionId);
            leaveNotice(deletedNotice(title));
            navigate('/');
            // After the page let go of its documents (the table unmounts with the navigation).
            window.setTimeout(() => void forgetLocalCopies(sessionId), 0);
          }}
        />
      )}
    </>
  );
}
