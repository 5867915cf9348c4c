/**
 * The plenary's dot vote above the harvest wall: the host starts one on the themes (or, before
 * there are themes, on the cards); while it is open everyone places dots with − and + on the wall;
 * the host reveals and closes it. Results rank the themes or cards by name.
 */
import { useId, useState } from 'react';
import { MAX_VOTE_DOTS, MAX_VOTE_ITEMS, type HarvestCard, type HarvestTheme } from '@worktable/shared';
import { sendControl, useControlStore } from '../protocol/controlConnection.js';
import { useAction } from '../protocol/useAction.js';
import { useVoteAnnouncement } from '../voting/useVoteAnnouncement.js';
import { useTableVote } from '../voting/useTableVote.js';
import { VoteBar } from '../voting/VoteBar.js';
import { VoteRanking } from '../voting/VoteRanking.js';
import '../voting/voting.css';

/** Props of `PlenaryVote`. */
export interface PlenaryVoteProps {
  themes: readonly HarvestTheme[];
  cards: readonly HarvestCard[];
  isHost: boolean;
}

const cardTitle = (card: HarvestCard) => (card.text.length > 60 ? `${card.text.slice(0, 57)}…` : card.text);

/** The vote bar, or the host's way to start one. */
export function PlenaryVote({ themes, cards, isHost }: PlenaryVoteProps) {
  const id = useId();
  const { vote, ballot } = useTableVote();
  // Everyone seated may vote in the plenary (and anyone who voted and has since left).
  const seated = useControlStore((s) => s.state?.seatedCount ?? 0);
  const { run, busy, error } = useAction(sendControl);
  const [dots, setDots] = useState('3');
  const said = useVoteAnnouncement(vote);
  const names = new Map<string, string>([
    ...themes.map((t) => [t.id, t.name] as const),
    ...cards.map((c) => [c.id, cardTitle(c)] as const),
  ]);
  const titleOf = (itemId: string) => names.get(itemId) ?? 'A theme or card no longer on the wall';
  const onThemes = themes.length >= 2;
  const items = onThemes ? themes.map((t) => t.id) : cards.map((c) => c.id);
  const start = () => {
    const count = Math.min(MAX_VOTE_DOTS, Math.max(1, Number.parseInt(dots, 10) || 3));
    void run({
      action: 'openVote',
      items: items.slice(0, MAX_VOTE_ITEMS),
      dots: count,
      title: onThemes ? 'Which themes matter most to us?' : 'Which insights matter most to us?',
    });
  };
  return (
    <div className="plenary-vote">
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {said && <p key={said.id}>{said.text}</p>}
      </div>
      {vote ? (
        <VoteBar
          vote={vote}
          ballot={ballot}
          eligible={vote ? Math.max(seated, vote.voters.length) : 0}
          results={<VoteRanking vote={vote} titleOf={titleOf} />}
          runs={isHost}
          run={run}
          busy={busy}
          error={error}
          howTo={`Use − and + on the ${vote.items.every((i) => names.has(i) && themes.some((t) => t.id === i)) ? 'themes' : 'cards'} below. Nobody sees anyone’s dots until the results are revealed.`}
        />
      ) : (
        isHost &&
        items.length >= 2 && (
          <div className="plenary-vote-start" role="group" aria-labelledby={`${id}-h`}>
            <h3 id={`${id}-h`}>Dot vote</h3>
            <label htmlFor={`${id}-dots`}>Dots each</label>
            <input
              id={`${id}-dots`}
              className="dash-number"
              type="number"
              min={1}
              max={MAX_VOTE_DOTS}
              value={dots}
              onChange={(e) => setDots(e.target.value)}
            />
            <button type="button" className="button secondary" disabled={busy} onClick={start}>
              {onThemes ? `Dot vote on the ${themes.length} themes` : `Dot vote on the ${Math.min(items.length, MAX_VOTE_ITEMS)} cards`}
            </button>
            {error && (
              <p className="alert" role="alert">
                {error}
              </p>
            )}
          </div>
        )
      )}
    </div>
  );
}
