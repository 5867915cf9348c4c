/** People who are present but at no table (late arrivals, the host when not seated), as movable chips. */
import { chipsOf, type PeopleIndex } from './filter.js';
import { countOf } from './format.js';
import { MemberChip } from './MemberChip.js';

/** Props of `UnseatedList`. */
export interface UnseatedListProps {
  /** Participant ids to list (already filtered). */
  ids: readonly string[];
  /** How many are unseated in all (before the filter). */
  total: number;
  people: PeopleIndex;
  tableNames: ReadonlyMap<string, string>;
  matched: ReadonlySet<string>;
  onMove(participantId: string): void;
}

/** The "Not at a table" column. */
export function UnseatedList({ ids, total, people, tableNames, matched, onMove }: UnseatedListProps) {
  const chips = chipsOf(ids, null, people);
  return (
    <section className="unseated card" aria-labelledby="unseated-heading">
      <h2 id="unseated-heading">
        Not at a table <span className="count">{total}</span>
      </h2>
      {chips.length > 0 ? (
        <>
          <p className="hint">Present, but at no table: drag someone onto a table, or use their Move button.</p>
          <ul className="chips" aria-label="People not at a table">
            {chips.map((chip) => (
              <MemberChip
                key={chip.participantId}
                chip={chip}
                pinnedName={chip.pinnedTo ? (tableNames.get(chip.pinnedTo) ?? chip.pinnedTo) : null}
                highlighted={matched.has(chip.participantId)}
                onMove={onMove}
              />
            ))}
          </ul>
        </>
      ) : (
        <p className="hint">
          {total > 0 ? `${countOf(total, 'person', 'people')} not shown by the filter.` : 'Everyone present sits at a table.'}
        </p>
      )}
    </section>
  );
}
