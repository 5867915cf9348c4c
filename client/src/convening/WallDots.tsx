/**
 * Your dots on one theme or card of the plenary's vote: − count +, named "Your dots on Trust: 2
 * here, 1 of 3 left"; after the reveal, its result. Nothing when the item is not in the vote.
 */
import { sendControl } from '../protocol/controlConnection.js';
import { useAction } from '../protocol/useAction.js';
import { dotControlLabel, dotsLabel, itemDots } from '../voting/ballot.js';
import { useTableVote } from '../voting/useTableVote.js';

/** Props of `WallDots`. */
export interface WallDotsProps {
  itemId: string;
  /** What the item is called, for people. */
  title: string;
}

/** The dot control of one item on the harvest wall. */
export function WallDots({ itemId, title }: WallDotsProps) {
  const { vote, ballot } = useTableVote();
  const { run, busy, error } = useAction(sendControl);
  if (!vote?.items.includes(itemId)) return null;
  if (vote.results) {
    const dots = vote.results[itemId] ?? 0;
    return (
      <p className={`vote-result wall-dots${dots === 0 ? ' is-zero' : ''}`}>
        <span className="vote-pip" aria-hidden="true" />
        {dotsLabel(dots)}
      </p>
    );
  }
  const dots = itemDots(vote, ballot, itemId);
  const change = (delta: 1 | -1) => {
    const check = delta > 0 ? dots.add : dots.remove;
    if (!check.ok || busy) return;
    void run({ action: 'vote', itemId, count: dots.mine + delta });
  };
  return (
    <div className="vote-dots wall-dots" role="group" aria-label={dotControlLabel(title, dots, vote.dots)} aria-busy={busy}>
      <button
        type="button"
        className="vote-step"
        aria-label="Remove a dot"
        aria-disabled={!dots.remove.ok}
        title={dots.remove.ok ? 'Take a dot off' : dots.remove.reason}
        onClick={() => change(-1)}
      >
        −
      </button>
      <span className="vote-count">{dots.mine}</span>
      <button
        type="button"
        className="vote-step"
        aria-label="Add a dot"
        aria-disabled={!dots.add.ok}
        title={dots.add.ok ? 'Put a dot here' : dots.add.reason}
        onClick={() => change(1)}
      >
        +
      </button>
      {error && (
        <p className="vote-note vote-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
