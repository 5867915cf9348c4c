/**
 * The plan's seed: the same seed and the same people give the same plan, so the host can note it
 * and seat the same way again, or reshuffle (a new random seed) until the plan suits them. Both
 * send `seat` with the current layout; only before the first round starts.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { DashboardPayload } from '@worktable/shared';
import { ActionAlert } from '../dashboard/ActionAlert.js';
import { useHostAction } from '../dashboard/useHostAction.js';

/** Props of `SeedForm`. */
export interface SeedFormProps {
  dashboard: Pick<DashboardPayload, 'seed' | 'tableCount' | 'clock' | 'includeHost'>;
}

/** The largest seed `seat` accepts. */
const MAX_SEED = 0xffffffff;

/** A new random seed. */
function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/** The seed form. */
export function SeedForm({ dashboard }: SeedFormProps) {
  const id = useId();
  const [seed, setSeed] = useState(String(dashboard.seed));
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useHostAction();
  useEffect(() => setSeed(String(dashboard.seed)), [dashboard.seed]);

  const seatWith = (value: number) =>
    action.run(
      { action: 'seat', tableCount: dashboard.tableCount, clock: dashboard.clock, includeHost: dashboard.includeHost, seed: value },
      `Planned again with seed ${value}.`,
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(seed.trim());
    if (seed.trim() === '' || !Number.isInteger(value) || value < 0 || value > MAX_SEED) {
      setInvalid(`Write a whole number from 0 to ${MAX_SEED} as the seed.`);
      return;
    }
    setInvalid(null);
    void seatWith(value);
  };

  return (
    <form className="plan-seed no-print" onSubmit={submit} noValidate>
      <div className="plan-seed-row">
        <label htmlFor={`${id}-seed`}>Seating seed</label>
        <input
          id={`${id}-seed`}
          type="text"
          inputMode="numeric"
          className="plan-seed-input"
          value={seed}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setSeed(e.target.value)}
        />
        <button type="submit" className="button secondary" disabled={action.busy}>
          Plan with this seed
        </button>
        <button type="button" className="button ghost" disabled={action.busy} onClick={() => void seatWith(randomSeed())}>
          Reshuffle
        </button>
      </div>
      <p id={`${id}-hint`} className="hint">
        The same seed and the same people give the same plan: note the seed to seat this way again. Reshuffle tries another.
      </p>
      <ActionAlert error={invalid ?? action.error} />
    </form>
  );
}
