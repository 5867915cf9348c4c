/**
 * The facilitator's (and host's) private-writing controls, beside the protocol controls: "Start
 * private writing" with "Reveal without names", and, while it is on, "Reveal" with an inline
 * confirmation (the reveal cannot be taken back). Sent over the control connection; the server
 * checks who may.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { sendControl, useControlStore } from '../protocol/controlConnection.js';
import { canRunControls, type ProtocolMe } from '../protocol/people.js';
import { useAction } from '../protocol/useAction.js';
import { formatMoment } from '../time.js';
import './privateWriting.css';

/** Props of `PrivateWritingControls`. */
export interface PrivateWritingControlsProps {
  me: ProtocolMe;
}

/** Start and reveal private writing at your table (nothing for people who do not run it). */
export function PrivateWritingControls({ me }: PrivateWritingControlsProps) {
  const headingId = useId();
  const state = useControlStore((s) => s.state);
  const { run, busy, error } = useAction(sendControl);
  const [anonymous, setAnonymous] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const revealRef = useRef<HTMLButtonElement>(null);
  const writing = state?.privateWriting ?? null;
  const on = writing !== null;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  // Started or revealed (here or by someone else): the pending question is moot; keep the focus
  // on the button that now stands where the pressed one was.
  const wasOn = useRef(on);
  useEffect(() => {
    if (wasOn.current === on) return;
    wasOn.current = on;
    setConfirming(false);
    const inside = document.activeElement === document.body || document.activeElement?.closest('.private-controls');
    if (inside) (on ? revealRef : startRef).current?.focus();
  }, [on]);

  if (!state || state.tableId === null || !canRunControls(state, me)) return null;

  return (
    <section className="protocol-card private-controls" aria-labelledby={headingId}>
      <h2 id={headingId}>Private writing</h2>
      {on ? (
        <>
          <p className="private-status">
            On since {formatMoment(writing.since)}
            {writing.anonymous ? ' · the reveal leaves names off' : ' · the reveal shows who wrote each note'}.
          </p>
          <div className="protocol-row">
            <button
              ref={revealRef}
              type="button"
              className="button primary"
              disabled={busy || confirming}
              onClick={() => setConfirming(true)}
            >
              Reveal
            </button>
          </div>
          {confirming && (
            <div className="protocol-confirm" role="group" aria-label="Confirm the reveal">
              <p>Put everyone’s private notes on the table{writing.anonymous ? ' without names' : ''}? This cannot be undone.</p>
              <button
                ref={confirmRef}
                type="button"
                className="button primary"
                disabled={busy}
                onClick={() => void run({ action: 'reveal' })}
              >
                Reveal now
              </button>
              <button
                type="button"
                className="button ghost"
                onClick={() => {
                  setConfirming(false);
                  revealRef.current?.focus();
                }}
              >
                Not yet
              </button>
            </div>
          )}
        </>
      ) : (
        <>
          <p className="private-status">Everyone writes sticky notes only they can see, until you reveal them all at once.</p>
          <div className="protocol-row">
            <label className="private-check">
              <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} /> Reveal without names
            </label>
            <button
              ref={startRef}
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => void run({ action: 'startPrivate', anonymous })}
            >
              Start private writing
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="alert protocol-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
