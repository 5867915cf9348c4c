/** Calling everyone to the plenary (running tables pause) and sending them back (they resume). */
import { useId } from 'react';
import { Gathering } from '@worktable/shared';
import { ActionAlert } from './ActionAlert.js';
import { gatheringLabel } from './format.js';
import { useHostAction } from './useHostAction.js';

/** Props of `GatheringControl`. */
export interface GatheringControlProps {
  gathering: Gathering;
}

/** The plenary group of the control bar. */
export function GatheringControl({ gathering }: GatheringControlProps) {
  const id = useId();
  const summon = useHostAction();
  const inPlenary = gathering === Gathering.Plenary;
  return (
    <div className="dash-group" role="group" aria-labelledby={`${id}-h`} aria-describedby={`${id}-where`}>
      <h2 id={`${id}-h`} className="dash-group-title">
        Plenary
      </h2>
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          disabled={summon.busy}
          onClick={() =>
            void summon.run(
              { action: 'summon', to: inPlenary ? Gathering.Tables : Gathering.Plenary },
              inPlenary ? 'Everyone is sent back to their tables.' : 'Everyone is called to the plenary; running tables are paused.',
            )
          }
        >
          {summon.busy ? 'Sending…' : inPlenary ? 'Send everyone back to their tables' : 'Call everyone to the plenary'}
        </button>
      </div>
      <p id={`${id}-where`} className="hint">
        {gatheringLabel(gathering)}.
      </p>
      <ActionAlert error={summon.error} />
    </div>
  );
}
