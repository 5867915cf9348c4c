/**
 * Shows the notice left by the previous page (`leaveNotice`) in a polite live region that exists
 * before the text arrives, so screen readers announce it; Dismiss removes it.
 */
import { useEffect, useState } from 'react';
import { takeNotice, type PageNoticeMessage } from './pageNotice.js';
import './pageNotice.css';

/** The notice banner (nothing when there is no notice). */
export function PageNotice() {
  const [notice, setNotice] = useState<PageNoticeMessage | null>(null);
  useEffect(() => {
    const taken = takeNotice();
    if (taken) setNotice(taken);
  }, []);
  return (
    <div className="page-notice-region" role="status" aria-live="polite">
      {notice && (
        <div className="banner page-notice">
          <p>
            <strong>{notice.title}.</strong> {notice.detail}
          </p>
          <button type="button" className="button ghost page-notice-dismiss" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
