/**
 * One person on the dashboard: name, organization, marks (table host, new here, pinned, away or
 * expected from the roster, roles). Drag it onto another table card to move them; "Move…" does the same from the keyboard.
 */
import { memo, type DragEvent } from 'react';
import { roleTitle } from '../protocol/labels.js';
import { PARTICIPANT_DRAG_TYPE } from './dnd.js';
import type { ChipFacts } from './filter.js';

/** Props of `MemberChip`. */
export interface MemberChipProps {
  chip: ChipFacts;
  /** The name of the table they are pinned to, if any. */
  pinnedName: string | null;
  /** The filter matched this person. */
  highlighted: boolean;
  /** Opens the Move dialog for this person. */
  onMove(participantId: string): void;
}

/** A draggable member chip with its Move… button. */
export const MemberChip = memo(function MemberChip({ chip, pinnedName, highlighted, onMove }: MemberChipProps) {
  const movable = !chip.observer;
  const onDragStart = (event: DragEvent<HTMLLIElement>) => {
    event.dataTransfer.setData(PARTICIPANT_DRAG_TYPE, chip.participantId);
    event.dataTransfer.setData('text/plain', chip.name);
    event.dataTransfer.effectAllowed = 'move';
  };
  const classes = ['chip', highlighted && 'is-match', !chip.present && 'is-away', movable && 'is-movable'].filter(Boolean).join(' ');
  const details = [chip.organization, ...chip.roles.map(roleTitle)].filter((text): text is string => Boolean(text)).join(' · ');
  return (
    <li className={classes} draggable={movable} onDragStart={movable ? onDragStart : undefined} data-participant-id={chip.participantId}>
      <span className="chip-text">
        <span className="chip-line">
          <span className="chip-name">{chip.name}</span>
          {chip.tableHost && <span className="chip-mark mark-host">Table host</span>}
          {chip.newcomer && <span className="chip-mark mark-new">New here</span>}
          {pinnedName && <span className="chip-mark mark-pin">Pinned to {pinnedName}</span>}
          {!chip.present &&
            (chip.expected ? <span className="chip-mark mark-expected">Expected</span> : <span className="chip-mark mark-away">Away</span>)}
        </span>
        {details && (
          <span className="chip-details" title={details}>
            {details}
          </span>
        )}
      </span>
      {movable && (
        <button
          type="button"
          className="chip-move"
          aria-label={`Move ${chip.name}…`}
          title={`Move ${chip.name} to another table`}
          onClick={() => onMove(chip.participantId)}
        >
          Move
        </button>
      )}
    </li>
  );
});
