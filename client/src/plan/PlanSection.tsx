/**
 * The dashboard's Plan view: every round of the agenda as it will be seated if the same people
 * come (the expected ones on the roster included), what each round costs in repeated pairs and
 * same-organization tables — named, per table — a seed to reshuffle reproducibly, and everyone's
 * itinerary. Printable: the plan, or the itineraries alone.
 */
import { useId, useMemo } from 'react';
import { withRound, type DashboardPayload, type PairRounds } from '@worktable/shared';
import { indexPeople } from '../dashboard/filter.js';
import { countOf } from '../dashboard/format.js';
import { joinNames } from '../convening/place.js';
import { Itineraries } from './Itineraries.js';
import { PlanRound } from './PlanRound.js';
import { canReshuffle, leftOutOfPlan } from './planText.js';
import { printPart } from './print.js';
import { SeedForm } from './SeedForm.js';
import './plan.css';

/** Props of `PlanSection`. */
export interface PlanSectionProps {
  dashboard: DashboardPayload;
  title: string;
}

/** The Plan view. */
export function PlanSection({ dashboard, title }: PlanSectionProps) {
  const id = useId();
  const people = useMemo(() => indexPeople(dashboard.people), [dashboard.people]);
  const rounds = useMemo(() => {
    let met: PairRounds = new Map();
    return dashboard.plan.map((round) => {
      const before = met;
      met = withRound(met, round.round, round.tables);
      return { round, met: before };
    });
  }, [dashboard.plan]);
  const leftOut = leftOutOfPlan(dashboard);

  return (
    <section className="plan card" aria-labelledby={`${id}-h`}>
      <div className="plan-bar">
        <h2 id={`${id}-h`}>Plan</h2>
        {dashboard.plan.length > 0 && (
          <button type="button" className="button ghost no-print" onClick={() => printPart('plan')}>
            Print the plan
          </button>
        )}
      </div>
      <p className="print-only plan-print-title">{title}: the seating plan</p>
      {dashboard.plan.length === 0 ? (
        <p className="hint">
          Seat people first (“Seat people at tables” above). The plan then shows every round of the agenda, with the people on the roster
          who are not here yet seated as if they were.
        </p>
      ) : (
        <>
          <p className="hint no-print">
            Every round as it will be seated if the same people come: rounds that started as they did, the others planned. People who arrive
            without a roster entry are seated as they come.
          </p>
          {leftOut.length > 0 && (
            <p className="plan-notice no-print" role="status">
              Not in the plan yet: {joinNames(leftOut.map((p) => p.name))} ({countOf(leftOut.length, 'person', 'people')} who came or were
              added after the seating). Seat again to plan them in.
            </p>
          )}
          {canReshuffle(dashboard.plan) ? (
            <SeedForm dashboard={dashboard} />
          ) : (
            <p className="hint no-print">
              The first round has started: the later rounds are planned from who is here, with seed {dashboard.seed}.
            </p>
          )}
          <div className="plan-rounds">
            {rounds.map(({ round, met }) => (
              <PlanRound key={round.blockId} round={round} met={met} people={people} />
            ))}
          </div>
          <Itineraries plan={dashboard.plan} people={dashboard.people} title={title} />
        </>
      )}
    </section>
  );
}
