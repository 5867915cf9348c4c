/**
 * The host's record dialog: what the record shows (names, organizations, roles in their systems;
 * every time in this browser's zone), its downloads, and read-only links to share. Escape or Close
 * returns to the page.
 */
import { useId, useState } from 'react';
import { useModalDialog } from '../components/useModalDialog.js';
import { RECORD_PRIVACY_FLAGS, type RecordOptions } from '@worktable/shared';
import { PRIVACY_CHOICES, initialRecordOptions } from './recordChoices.js';
import { RecordDownloads } from './RecordDownloads.js';
import { ShareLinks } from './ShareLinks.js';
import { useRecordLinks } from './useRecordLinks.js';
import { useControlStore } from '../protocol/controlConnection.js';
import './export.css';

/** Props of `RecordDialog`. */
export interface RecordDialogProps {
  open: boolean;
  onClose(): void;
  sessionId: string;
  /** The host's token. */
  token: string;
}

/** The checkboxes for what the record includes, and the zone its times are in. */
function RecordChoices({ options, onChange }: { options: RecordOptions; onChange(next: RecordOptions): void }) {
  const id = useId();
  return (
    <fieldset className="record-choices">
      <legend>The record includes</legend>
      {RECORD_PRIVACY_FLAGS.map((flag) => (
        <div className="record-choice" key={flag}>
          <label className="record-choice-label" htmlFor={`${id}-${flag}`}>
            <input
              id={`${id}-${flag}`}
              type="checkbox"
              checked={options[flag]}
              aria-describedby={`${id}-${flag}-hint`}
              onChange={(event) => onChange({ ...options, [flag]: event.target.checked })}
            />
            {PRIVACY_CHOICES[flag].label}
          </label>
          <p className="record-choice-hint" id={`${id}-${flag}-hint`}>
            {options[flag] ? 'Included.' : PRIVACY_CHOICES[flag].leftOut}
          </p>
        </div>
      ))}
      <p className="hint">
        Times are shown in <strong>{options.timeZone}</strong>, your time zone.
      </p>
    </fieldset>
  );
}

/** The "Record" dialog. */
export function RecordDialog({ open, onClose, sessionId, token }: RecordDialogProps) {
  const ref = useModalDialog(open);
  const id = useId();
  const [options, setOptions] = useState<RecordOptions>(initialRecordOptions);
  const links = useRecordLinks(sessionId, token, open);
  // The record's order depends on the gathering: a convening's summary, or one table's.
  const convening = useControlStore((s) => s.state?.convening ?? false);

  return (
    <dialog ref={ref} className="dialog record-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <header className="record-dialog-header">
        <h2 id={`${id}-title`}>The session record</h2>
        <button type="button" className="button ghost" onClick={onClose}>
          Close
        </button>
      </header>
      {open && (
        <div className="record-dialog-body">
          <p className="hint">
            {convening
              ? 'It opens with a summary — the agenda with each round’s question, and who came — then the themes and harvest, then each round table by table.'
              : 'It opens with what the table came to — the focusing question, what we heard, the presenter’s reflection and the next steps — then the agenda, who came, and the table phase by phase.'}
          </p>
          <RecordChoices options={options} onChange={setOptions} />
          <section className="record-download" aria-labelledby={`${id}-download`}>
            <h3 id={`${id}-download`}>Download</h3>
            <RecordDownloads sessionId={sessionId} token={token} options={options} />
          </section>
          <ShareLinks links={links} options={options} />
        </div>
      )}
    </dialog>
  );
}
