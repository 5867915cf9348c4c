/**
 * The host's call links, for groups on their own video platform (Zoom, Meet, Teams, Jitsi): one
 * for everyone (the plenary, and tables without their own) and one per table. People are shown the
 * link of where they sit, so it follows the seating. Folded under the seating form.
 */
import { useId, useState, type FormEvent } from 'react';
import type { DashboardPayload } from '@worktable/shared';
import { ActionAlert } from './ActionAlert.js';
import { useHostAction } from './useHostAction.js';

/** Props of `CallLinksForm`. */
export interface CallLinksFormProps {
  dashboard: DashboardPayload;
}

/** The call links. */
export function CallLinksForm({ dashboard }: CallLinksFormProps) {
  const id = useId();
  return (
    <details className="dash-seat dash-calls">
      <summary id={`${id}-h`}>Call links (your own video platform)…</summary>
      <div className="dash-calls-body" role="group" aria-labelledby={`${id}-h`}>
        <p className="hint">
          Each person sees the link of where they are: their table’s, or everyone’s in the plenary and at tables without one. Worktable
          records nothing of the calls.
        </p>
        <CallLinkRow tableId={null} label="Everyone (the plenary)" current={dashboard.callLinks.convening} />
        {dashboard.convening &&
          dashboard.tables.map((table) => (
            <CallLinkRow key={table.id} tableId={table.id} label={table.name} current={dashboard.callLinks.tables[table.id] ?? null} />
          ))}
      </div>
    </details>
  );
}

interface CallLinkRowProps {
  tableId: string | null;
  label: string;
  current: string | null;
}

function CallLinkRow({ tableId, label, current }: CallLinkRowProps) {
  const id = useId();
  const [url, setUrl] = useState(current ?? '');
  const save = useHostAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(
      { action: 'callLink', tableId, url: url.trim() === '' ? null : url },
      url.trim() === '' ? `${label}: no call link.` : `${label}: call link saved.`,
    );
  };
  return (
    <form className="dash-call-row" onSubmit={submit} aria-label={`Call link: ${label}`}>
      <label htmlFor={`${id}-url`}>{label}</label>
      <input
        id={`${id}-url`}
        type="url"
        inputMode="url"
        placeholder="https://…"
        value={url}
        maxLength={500}
        onChange={(e) => setUrl(e.target.value)}
      />
      <button type="submit" className="button ghost small" disabled={save.busy}>
        Save
      </button>
      <ActionAlert error={save.error} />
    </form>
  );
}
