/**
 * Which table is where, on the room display (from the host's dashboard): a plaque per table (its name, its host, everyone
 * else by first name, and its own countdown when every table keeps its own time), or "Everyone
 * together" while the room meets in the plenary.
 */
import { useMemo } from 'react';
import { ClockMode, type DashboardTable, type SessionState } from '@worktable/shared';
import { CardTimer } from '../dashboard/CardTimer.js';
import { joinNames } from '../convening/place.js';
import { tablePlaques } from './tableMap.js';

/** Props of `RoomTableMap`. */
export interface RoomTableMapProps {
  state: SessionState;
  /** A participant's full name, or null before the page has it. */
  nameOf(participantId: string): string | null;
  /** The host's dashboard tables (who sits where, each table's own clock), when they arrived. */
  tables: readonly DashboardTable[] | null;
  offsetMs: number;
}

/** More tables than this are drawn smaller, so a big convening still fits the screen. */
const DENSE_AFTER = 6;

/** The map, as a region headed "Tables". */
export function RoomTableMap({ state, nameOf, tables, offsetMs }: RoomTableMapProps) {
  const plaques = useMemo(() => tablePlaques(tables ?? [], nameOf), [tables, nameOf]);
  const ownClocks = state.clock === ClockMode.PerTable;
  return (
    <section className="room-tables" aria-labelledby="room-tables-heading">
      <h2 id="room-tables-heading" className="room-section-title">
        Tables
      </h2>
      {plaques.length === 0 ? (
        <p className="room-empty">Tables are set once everyone has arrived.</p>
      ) : (
        <ul className={plaques.length > DENSE_AFTER ? 'room-plaques is-dense' : 'room-plaques'}>
          {plaques.map((plaque) => {
            const clock = ownClocks ? tables?.find((t) => t.id === plaque.id) : undefined;
            return (
              <li key={plaque.id} className="room-plaque">
                <p className="room-plaque-name">{plaque.name}</p>
                {plaque.host && (
                  <p className="room-plaque-host">
                    <span className="room-plaque-label">Host</span> {plaque.host}
                  </p>
                )}
                {plaque.others.length > 0 && <p className="room-plaque-others">{joinNames(plaque.others)}</p>}
                {clock && (
                  <CardTimer
                    status={clock.status}
                    endsAt={clock.endsAt}
                    remainingMs={clock.remainingMs}
                    over={clock.over}
                    offsetMs={offsetMs}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
