/**
 * One round of the plan: its tables with who sits there (hosts and people not here yet marked),
 * and what it costs — who shares an organization at a table, who sat together before — named.
 */
import { memo } from 'react';
import { repeatedPairs, sharedOrganizations, type PairRounds, type PlannedRound } from '@worktable/shared';
import type { PeopleIndex } from '../dashboard/filter.js';
import { countOf } from '../dashboard/format.js';
import { joinNames } from '../convening/place.js';
import { roundSummary } from './planText.js';

/** Props of `PlanRound`. */
export interface PlanRoundProps {
  round: PlannedRound;
  /** Who sat with whom in the rounds before this one. */
  met: PairRounds;
  people: PeopleIndex;
}

/** "rounds 1 and 2". */
function roundsText(rounds: readonly number[]): string {
  return `${rounds.length === 1 ? 'round' : 'rounds'} ${joinNames(rounds.map(String))}`;
}

/** A planned round. */
export const PlanRound = memo(function PlanRound({ round, met, people }: PlanRoundProps) {
  const headingId = `plan-round-${round.round}`;
  const nameOf = (id: string) => people.get(id)?.name ?? 'Someone who left';
  const organizationOf = (id: string) => people.get(id)?.organization;
  return (
    <section className="plan-round" aria-labelledby={headingId}>
      <header className="plan-round-head">
        <h3 id={headingId}>Round {round.round}</h3>
        <span className={`plan-tag${round.started ? ' is-started' : ''}`}>{round.started ? 'Seated as it started' : 'Planned'}</span>
        <p className="plan-cost">{roundSummary(round)}</p>
      </header>
      <ul className="plan-tables" aria-label={`Tables of round ${round.round}`}>
        {round.tables.map((table) => {
          const shared = sharedOrganizations(table.members, organizationOf);
          const sharing = new Set(shared.flatMap((group) => group.members));
          const repeats = repeatedPairs(table.members, met);
          const repeating = new Set(repeats.flatMap((pair) => [pair.a, pair.b]));
          return (
            <li key={table.id} className={`plan-table${shared.length + repeats.length > 0 ? ' has-warning' : ''}`}>
              <h4>
                {table.name} <span className="count">{countOf(table.members.length, 'person', 'people')}</span>
              </h4>
              <ul className="plan-members">
                {table.members.map((id) => {
                  const person = people.get(id);
                  return (
                    <li key={id} className={sharing.has(id) || repeating.has(id) ? 'is-flagged' : undefined}>
                      <span className="plan-member-name">{nameOf(id)}</span>
                      {table.host === id && <span className="chip-mark mark-host">Host</span>}
                      {person?.expected && <span className="chip-mark mark-expected">Expected</span>}
                      {person?.organization && <span className="plan-member-org">{person.organization}</span>}
                    </li>
                  );
                })}
              </ul>
              {shared.map((group) => (
                <p key={group.organization} className="plan-warning">
                  Same organization ({group.organization}): {joinNames(group.members.map(nameOf))}
                </p>
              ))}
              {repeats.map((pair) => (
                <p key={`${pair.a}-${pair.b}`} className="plan-warning">
                  Sat together before: {nameOf(pair.a)} and {nameOf(pair.b)} ({roundsText(pair.rounds)})
                </p>
              ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
});
