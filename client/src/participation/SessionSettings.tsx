/**
 * The host's session settings in the sidebar: share the participation view with everyone, make
 * reactions anonymous, and put the anonymous spread of talk time in the record. Each switch shows
 * the server's state (`participationShared`, `anonymousReactions`, `talkTimeInRecord`) and sends
 * the change over the control connection.
 */
import { useId, useState } from 'react';
import type { SessionAction } from '@worktable/shared';
import { sendControl, useControlStore } from '../protocol/controlConnection.js';
import { useAction } from '../protocol/useAction.js';
import './participation.css';

/** What one setting shows and does. */
interface SettingProps {
  label: string;
  hint: string;
  /** The server's value. */
  checked: boolean;
  disabled: boolean;
  /** Sends the change; resolves when the server answered. */
  onChange(on: boolean): Promise<unknown>;
}

/** One setting: a checkbox with its explanation, showing the asked-for value until the server answers. */
function Setting({ label, hint, checked, disabled, onChange }: SettingProps) {
  const id = useId();
  const [pending, setPending] = useState<boolean | null>(null);
  const change = (on: boolean) => {
    setPending(on);
    void onChange(on).finally(() => setPending(null));
  };
  return (
    <div className="setting">
      <label className="setting-label" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={pending ?? checked}
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          onChange={(event) => change(event.target.checked)}
        />
        {label}
      </label>
      <p className="setting-hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}

/** The host-only "Session settings" card (render it for the host only). */
export function SessionSettings() {
  const headingId = useId();
  const state = useControlStore((s) => s.state);
  // Not disabled while a change is on its way (the focus would drop out of the switch); each
  // change sets a value, so quick toggles end on the last one.
  const { run, error } = useAction<SessionAction>(sendControl);
  const offline = state === null;
  return (
    <section className="card session-settings" aria-labelledby={headingId}>
      <h2 id={headingId}>Session settings</h2>
      <Setting
        label="Share participation with everyone"
        hint={
          state?.participationShared
            ? 'Everyone sees the whole participation table.'
            : 'Only you and the facilitators see everyone; others see their own row.'
        }
        checked={state?.participationShared ?? false}
        disabled={offline}
        onChange={(visible) => run({ action: 'shareParticipation', visible })}
      />
      <Setting
        label="Anonymous reactions"
        hint={state?.anonymousReactions ? 'Reactions are shown without names.' : 'Reactions show who gave them.'}
        checked={state?.anonymousReactions ?? false}
        disabled={offline}
        onChange={(on) => run({ action: 'anonymousReactions', on })}
      />
      <Setting
        label="Talk time in the record"
        hint={
          state?.talkTimeInRecord
            ? 'The record says how talk time in the calls was spread, without names (“the most active speaker held 34 %”).'
            : 'Speaking time stays in the participation view; the record says nothing about it.'
        }
        checked={state?.talkTimeInRecord ?? false}
        disabled={offline}
        onChange={(on) => run({ action: 'talkTimeInRecord', on })}
      />
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
