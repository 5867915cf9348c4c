/**
 * A table card's countdown: reads the clock on the shared ticker and re-renders only when the
 * shown second changes, so the grid itself never re-renders for time. Amber in the last minute.
 */
import { memo, useCallback, useState } from 'react';
import { RunStatus } from '@worktable/shared';
import { formatClock } from '../protocol/clock.js';
import { cardTone, isTableCounting, tableRemainingAt, type TableClock } from './timing.js';
import { useTick } from './useTick.js';

/** Props of `CardTimer`: the table's clock fields and the server clock offset. */
export interface CardTimerProps extends TableClock {
  offsetMs: number;
}

/** The time left at one table. */
export const CardTimer = memo(function CardTimer({ status, endsAt, remainingMs, over, offsetMs }: CardTimerProps) {
  const clock: TableClock = { status, endsAt, remainingMs, over };
  // The shown second as state: setting the same second again does not re-render.
  const secondsNow = useCallback(
    () => Math.ceil(tableRemainingAt({ status, endsAt, remainingMs, over }, Date.now(), offsetMs) / 1000),
    [status, endsAt, remainingMs, over, offsetMs],
  );
  const [, setSeconds] = useState(secondsNow);
  const onTick = useCallback(() => setSeconds(secondsNow()), [secondsNow]);
  useTick(isTableCounting(clock), onTick);

  // Read the clock at render, so a new payload or offset shows the right time at once.
  const remaining = tableRemainingAt(clock, Date.now(), offsetMs);
  const tone = cardTone(clock, remaining);
  let text: string;
  if (status === RunStatus.Lobby) text = '–:––';
  else if (status === RunStatus.Done) text = 'Done';
  else if (tone === 'up') text = 'Time is up';
  else text = formatClock(remaining);
  const counting = status === RunStatus.Running || status === RunStatus.Paused;
  return (
    <p className={`card-timer tone-${tone}${status === RunStatus.Paused ? ' is-paused' : ''}`}>
      {counting && tone !== 'up' && <span className="visually-hidden">Time left: </span>}
      {status === RunStatus.Lobby ? <span aria-hidden="true">{text}</span> : text}
      {status === RunStatus.Paused && <span className="card-timer-note"> paused</span>}
    </p>
  );
});
