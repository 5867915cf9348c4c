/**
 * The participation view in a modal dialog: the table, when it was loaded (again every 30 s while
 * open, or with Refresh), a note when you see only your own row, and for whoever runs the table a
 * gentle hint about the people not heard yet. Escape or Close returns to the page.
 */
import { useId } from 'react';
import { useModalDialog } from '../components/useModalDialog.js';
import { formatMoment } from '../time.js';
import { invitationHint } from './participation.js';
import { ParticipationTable } from './ParticipationTable.js';
import { useParticipation } from './useParticipation.js';
import './participation.css';

/** Props of `ParticipationDialog`. */
export interface ParticipationDialogProps {
  open: boolean;
  onClose(): void;
  sessionId: string;
  token: string;
  me: string;
  /** The host or the current facilitator: gets the hint about people not heard yet. */
  facilitating: boolean;
}

/** The "Participation" dialog. */
export function ParticipationDialog({ open, onClose, sessionId, token, me, facilitating }: ParticipationDialogProps) {
  const ref = useModalDialog(open);
  const id = useId();
  const { data, loadedAt, loading, error, refresh } = useParticipation(sessionId, token, open);
  const hint = facilitating && data?.scope === 'all' ? invitationHint(data.rows, me) : null;

  return (
    <dialog ref={ref} className="dialog participation-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <header className="participation-header">
        <h2 id={`${id}-title`}>Participation</h2>
        <div className="participation-actions">
          {/* Says "Loading…" the first time only, so the refresh every 30 s does not chatter. */}
          <p className="participation-updated" role="status">
            {loadedAt !== null ? `Updated ${formatMoment(loadedAt)}` : loading ? 'Loading…' : ''}
          </p>
          <button type="button" className="button secondary" onClick={refresh} aria-busy={loading}>
            Refresh
          </button>
          <button type="button" className="button ghost" onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      {open && (
        <div className="participation-body">
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          {data?.scope === 'self' && (
            <p className="participation-note">The host has not shared everyone’s participation, so you see your own row only.</p>
          )}
          {hint && <p className="participation-hint">{hint}</p>}
          {data && data.rows.length > 0 && <ParticipationTable rows={data.rows} me={me} />}
          {data && data.rows.length === 0 && (
            <p className="participation-note">Nobody has joined to take part yet (observers are not counted).</p>
          )}
          <p className="participation-footnote">
            Counted from the tables, feedback, dot votes and the record of each phase. “Holding the floor” is time as the presenter in
            phases where only the presenter speaks. “Speaking in the call” is measured by each person’s own browser from their microphone
            while unmuted; only the durations reach the server, never the sound.
          </p>
        </div>
      )}
    </dialog>
  );
}
