/** One harvest card, read-only: its kind, what it says, and who posted it. */
import { HARVEST_KIND_LABELS, HarvestKind, type HarvestCard } from '@worktable/shared';
import './convening.css';

/** Props of `HarvestCardView`. */
export interface HarvestCardViewProps {
  card: HarvestCard;
  /** Show the card's round (where cards of several rounds are listed together). */
  showRound?: boolean;
}

/** A card as an article (kind as its label, then the text; shifts as "we thought / it turns out"). */
export function HarvestCardView({ card, showRound = false }: HarvestCardViewProps) {
  const label = HARVEST_KIND_LABELS[card.kind];
  return (
    <article className={`harvest-card harvest-${card.kind}`} aria-label={`${label} from ${card.tableName}, round ${card.round}`}>
      <p className="harvest-kind">
        {label}
        {showRound && <span className="harvest-round"> · Round {card.round}</span>}
      </p>
      {card.kind === HarvestKind.Shift ? (
        <dl className="harvest-shift">
          <dt>We thought</dt>
          <dd>{card.text}</dd>
          <dt>It turns out</dt>
          <dd>{card.turnsOut}</dd>
        </dl>
      ) : (
        <p className="harvest-text">{card.text}</p>
      )}
      <p className="harvest-by">Posted by {card.byName}</p>
    </article>
  );
}
