/**
 * "Share a read-only link": the host makes a link to the record with the choices above it (time
 * zone, what is left out), copies it, and revokes it when it should stop working. Anyone with a
 * link reads the record without signing in.
 */
import { useId } from 'react';
import type { RecordOptions } from '@worktable/shared';
import { CopyField } from '../components/CopyField.js';
import { formatMoment } from '../time.js';
import { describeLeftOut } from './recordChoices.js';
import type { RecordLinks } from './useRecordLinks.js';

/** Props of `ShareLinks`. */
export interface ShareLinksProps {
  links: RecordLinks;
  /** The choices a new link gets. */
  options: RecordOptions;
}

/** The share section of the record dialog. */
export function ShareLinks({ links, options }: ShareLinksProps) {
  const headingId = useId();
  const { links: list, busy, error, notice } = links;
  return (
    <section className="record-share" aria-labelledby={headingId}>
      <h3 id={headingId}>Share a read-only link</h3>
      <p className="hint">
        Anyone with the link can read the record as chosen above, and download it, without signing in. It shows the session as it is when
        opened. Revoke it and it stops working.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          onClick={() => links.create(options)}
          disabled={busy !== null}
          aria-busy={busy === 'create'}
        >
          {busy === 'create' ? 'Making a link…' : list && list.length > 0 ? 'Make another link' : 'Make a link'}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {list === null && !error && <p className="hint">Loading the links you made…</p>}
      {list && list.length > 0 && (
        <ul className="record-links">
          {list.map((link) => {
            const made = formatMoment(Date.parse(link.createdAt));
            return (
              <li key={link.linkId}>
                <CopyField
                  label={`Link made ${made}`}
                  value={link.url}
                  description={`${describeLeftOut(link.options)}; times in ${link.options.timeZone}.`}
                />
                <button
                  type="button"
                  className="button ghost record-revoke"
                  onClick={() => links.revoke(link.linkId)}
                  disabled={busy !== null}
                  aria-label={`Revoke the link made ${made}`}
                >
                  {busy === link.linkId ? 'Revoking…' : 'Revoke'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
