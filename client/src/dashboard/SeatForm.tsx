/**
 * Seating people at tables: by people per table or by number of tables, one round clock or a
 * timer per table, and whether the host sits at a table too. Seating again before the first round
 * starts replaces the plan; once it started, the rounds reseat by themselves and the form is gone.
 * Open until people are seated, then folded under "Seat again…".
 */
import { useId, useState, type FormEvent } from 'react';
import { ClockMode, MAX_TABLES, type DashboardPayload } from '@worktable/shared';
import { ActionAlert } from './ActionAlert.js';
import { hostStage, seatingLocked } from './agendaFormat.js';
import { countOf } from './format.js';
import { seatAction, TABLE_SIZE_RANGE, type SeatBy } from './seatInput.js';
import { useHostAction } from './useHostAction.js';

/** Props of `SeatForm`. */
export interface SeatFormProps {
  dashboard: DashboardPayload;
}

/** The Seat form. */
export function SeatForm({ dashboard }: SeatFormProps) {
  const id = useId();
  const [by, setBy] = useState<SeatBy>(dashboard.convening ? 'count' : 'size');
  const [size, setSize] = useState('4');
  const [count, setCount] = useState(String(Math.max(2, dashboard.tableCount)));
  const [clock, setClock] = useState<ClockMode>(dashboard.clock);
  const [includeHost, setIncludeHost] = useState(dashboard.includeHost);
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useHostAction();
  const stage = hostStage(dashboard.agenda);
  const [open, setOpen] = useState(stage === 'unseated');
  if (seatingLocked(dashboard.agenda)) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = seatAction({ by, value: by === 'size' ? size : count, clock, includeHost });
    if (!read.ok) {
      setInvalid(read.message);
      return;
    }
    setInvalid(null);
    const who = dashboard.people.some((p) => p.expected) ? 'everyone present and expected' : 'everyone present';
    if (await action.run(read.action, (state) => `Seated ${who} at ${countOf(state.tableCount, 'table')}.`)) setOpen(false);
  };

  const radio = (name: string, value: string, checked: boolean, onChange: () => void, label: string) => (
    <>
      <input type="radio" id={`${id}-${value}`} name={`${id}-${name}`} checked={checked} onChange={onChange} />
      <label htmlFor={`${id}-${value}`}>{label}</label>
    </>
  );

  return (
    <details className="dash-seat" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary id={`${id}-h`}>{stage === 'unseated' ? 'Seat people at tables' : 'Seat again…'}</summary>
      <form className="dash-seat-form" aria-labelledby={`${id}-h`} onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="dash-fieldset">
          <legend>Make tables by</legend>
          <div className="dash-choice">
            {radio('by', 'size', by === 'size', () => setBy('size'), 'People per table')}
            <input
              type="number"
              className="dash-number"
              aria-label="People per table"
              min={TABLE_SIZE_RANGE.min}
              max={TABLE_SIZE_RANGE.max}
              value={size}
              disabled={by !== 'size'}
              onChange={(e) => setSize(e.target.value)}
            />
          </div>
          <div className="dash-choice">
            {radio('by', 'count', by === 'count', () => setBy('count'), 'Number of tables')}
            <input
              type="number"
              className="dash-number"
              aria-label="Number of tables"
              min={1}
              max={MAX_TABLES}
              value={count}
              disabled={by !== 'count'}
              onChange={(e) => setCount(e.target.value)}
            />
          </div>
        </fieldset>
        <fieldset className="dash-fieldset">
          <legend>Timer</legend>
          <div className="dash-choice">
            {radio('clock', 'shared', clock === ClockMode.Shared, () => setClock(ClockMode.Shared), 'One round clock')}
          </div>
          <div className="dash-choice">
            {radio('clock', 'per', clock === ClockMode.PerTable, () => setClock(ClockMode.PerTable), 'Each table its own timer')}
          </div>
        </fieldset>
        <div className="dash-seat-end">
          <div className="dash-choice">
            <input id={`${id}-me`} type="checkbox" checked={includeHost} onChange={(e) => setIncludeHost(e.target.checked)} />
            <label htmlFor={`${id}-me`}>Seat me too</label>
          </div>
          <button type="submit" className="button primary" disabled={action.busy}>
            {action.busy ? 'Seating…' : stage === 'unseated' ? 'Seat people' : 'Seat again'}
          </button>
        </div>
        <ActionAlert error={invalid ?? action.error} />
      </form>
    </details>
  );
}
