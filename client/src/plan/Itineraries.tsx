/**
 * Itineraries: each person's table in every round ("Round 1: Table 3 · Round 2: Table 5"), one
 * card each, to copy one by one or all at once, or to print and hand out (one card per person,
 * never split across pages).
 */
import { useId, useMemo } from 'react';
import type { DashboardPerson, PlannedRound } from '@worktable/shared';
import { CopyButton } from '../components/CopyButton.js';
import { useDashboardContext } from '../dashboard/DashboardContext.js';
import { countOf } from '../dashboard/format.js';
import { itinerariesOf, itinerariesText, itineraryLine, stopsText } from './itinerary.js';
import { printPart } from './print.js';

/** Props of `Itineraries`. */
export interface ItinerariesProps {
  plan: readonly PlannedRound[];
  people: readonly DashboardPerson[];
  title: string;
}

/** The itineraries. */
export function Itineraries({ plan, people, title }: ItinerariesProps) {
  const id = useId();
  const { announce } = useDashboardContext();
  const list = useMemo(() => itinerariesOf(plan, people), [plan, people]);
  return (
    <section className="itineraries" aria-labelledby={`${id}-h`}>
      <div className="plan-bar">
        <h3 id={`${id}-h`}>
          Itineraries <span className="count">{list.length}</span>
        </h3>
        <div className="actions no-print">
          <CopyButton
            text={() => itinerariesText(list)}
            onCopied={() => announce(`Copied ${countOf(list.length, 'itinerary', 'itineraries')}.`)}
          >
            Copy all itineraries
          </CopyButton>
          <button type="button" className="button ghost" onClick={() => printPart('itineraries')}>
            Print itineraries
          </button>
        </div>
      </div>
      <p className="print-only itineraries-title">{title}: where you sit in each round</p>
      <p className="hint no-print">
        Where each person sits in every round, if the same people come. Changes to the plan change them: print them last.
      </p>
      <ul className="itinerary-list">
        {list.map((itinerary) => (
          <li key={itinerary.participantId} className="itinerary" data-participant-id={itinerary.participantId}>
            <p className="itinerary-who">
              <strong>{itinerary.name}</strong>
              {itinerary.organization && <span className="itinerary-org">{itinerary.organization}</span>}
            </p>
            <p className="itinerary-stops">{stopsText(itinerary.stops)}</p>
            <span className="no-print">
              <CopyButton
                text={itineraryLine(itinerary)}
                className="button ghost roster-copy"
                forWhat={`itinerary of ${itinerary.name}`}
                onCopied={() => announce(`Copied the itinerary of ${itinerary.name}.`)}
              >
                Copy
              </CopyButton>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
