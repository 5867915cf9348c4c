/**
 * Moving along the timeline: a slider over the phase stops (arrow keys, Home, End) and the same
 * stops as a list of buttons, each titled with the phase that ended and its time.
 */
import { useEffect, useId, useRef } from 'react';
import { stopLabel, type TimelineStop } from './stops.js';

/** Props of `Scrubber`. */
export interface ScrubberProps {
  stops: readonly TimelineStop[];
  /** Index of the selected stop. */
  index: number;
  onSelect(index: number): void;
}

/** The timeline's slider and stop list. */
export function Scrubber({ stops, index, onSelect }: ScrubberProps) {
  const id = useId();
  const list = useRef<HTMLOListElement>(null);
  const selected = stops[index];

  // Keep the selected stop in view in the list as the slider moves.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the selected index is the trigger to scroll it into view
  useEffect(() => {
    list.current?.querySelector('[aria-current="step"]')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [index]);

  return (
    <div className="timeline-scrubber">
      <div className="timeline-slider">
        <label htmlFor={`${id}-range`}>End of phase</label>
        <input
          id={`${id}-range`}
          type="range"
          min={0}
          max={Math.max(0, stops.length - 1)}
          step={1}
          value={index}
          disabled={stops.length < 2}
          aria-valuetext={selected ? stopLabel(selected) : undefined}
          onChange={(event) => onSelect(Number(event.currentTarget.value))}
        />
        <output htmlFor={`${id}-range`} className="timeline-position">
          {index + 1} of {stops.length}
        </output>
      </div>
      <ol className="timeline-stops" ref={list} aria-label="Phase stops">
        {stops.map((stop, i) => (
          <li key={stop.snapshotId}>
            <button
              type="button"
              className={i === index ? 'timeline-stop is-current' : 'timeline-stop'}
              aria-current={i === index ? 'step' : undefined}
              onClick={() => onSelect(i)}
            >
              <span className="timeline-stop-title">{stop.title}</span>
              <span className="visually-hidden">, ended </span>
              <time dateTime={new Date(stop.endedAt).toISOString()}>{stop.time}</time>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
