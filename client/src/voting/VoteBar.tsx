/**
 * The vote at your table, in the sidebar: its question, your dots left and how many have voted
 * while it is open; the ranking once revealed. The facilitator (or host) reveals the results and
 * closes the vote (asked once more, with what closing does).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { VoteStatus, type Ballot, type SessionAction, type WireVote } from '@worktable/shared';
import { dotsLabel, dotsLeftLabel, dotsSpent, votedLabel } from './ballot.js';

/** Props of `VoteBar`. */
export interface VoteBarProps {
  vote: WireVote;
  ballot: Ballot;
  /** How many may vote (see `eligibleCount`). */
  eligible: number;
  /** The ranking shown once the results are revealed (it knows what the items are called). */
  results: ReactNode;
  /** Whether the viewer runs the vote (facilitator or host). */
  runs: boolean;
  run(action: SessionAction): Promise<boolean>;
  busy: boolean;
  error: string | null;
  /** How to place dots, when not on the canvas's items (the phone lists the items under the bar). */
  howTo?: string;
}

/** How to place dots on the canvas. */
const ON_THE_TABLE = 'Use − and + on the items on the table. Nobody sees anyone’s dots until the results are revealed.';

/** The vote bar. */
export function VoteBar({ vote, ballot, eligible, results, runs, run, busy, error, howTo = ON_THE_TABLE }: VoteBarProps) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const open = vote.status === VoteStatus.Open;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new vote or status is the trigger to drop a pending confirmation
  useEffect(() => setConfirming(false), [vote.id, vote.status]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const voted = votedLabel(vote.voters.length, eligible);
  const close = () => {
    setConfirming(false);
    void run({ action: 'closeVote' });
  };
  return (
    <section className="protocol-card vote-bar" aria-labelledby={`${id}-h`}>
      <p className="vote-eyebrow">{open ? 'Dot vote · open' : 'Dot vote · results'}</p>
      <h2 id={`${id}-h`} tabIndex={-1} className="vote-title">
        {vote.title}
      </h2>
      {open ? (
        <>
          <p className="vote-left">{dotsLeftLabel(Math.max(0, vote.dots - dotsSpent(ballot)))}</p>
          <p className="vote-meta">
            {voted} · {dotsLabel(vote.dots)} each, at most {vote.maxPerItem} on one item
          </p>
          <p className="hint">{howTo}</p>
        </>
      ) : (
        <>
          <p className="vote-meta">{voted}</p>
          {results}
        </>
      )}
      {runs && (
        <div className="protocol-row" role="group" aria-label="Run the vote">
          {open && (
            <button
              type="button"
              className="button primary"
              aria-disabled={busy}
              onClick={() => !busy && void run({ action: 'revealVote' })}
            >
              Reveal results
            </button>
          )}
          <button type="button" className="button ghost" aria-expanded={confirming} onClick={() => setConfirming((c) => !c)}>
            Close vote…
          </button>
        </div>
      )}
      {runs && confirming && (
        <div className="protocol-confirm" role="group" aria-label="Confirm closing the vote">
          <p>
            {open
              ? 'Close without revealing? Nobody sees the results here; they are kept in the session record.'
              : 'Close the vote? The results leave the table and are kept in the session record.'}
          </p>
          <button ref={confirmRef} type="button" className="button primary" aria-disabled={busy} onClick={() => !busy && close()}>
            Close it
          </button>
          <button type="button" className="button ghost" onClick={() => setConfirming(false)}>
            Keep it open
          </button>
        </div>
      )}
      {error && (
        <p className="alert protocol-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
