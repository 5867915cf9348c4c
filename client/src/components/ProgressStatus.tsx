/**
 * Long work in progress: a sentence saying what is happening and a progress bar (determinate when
 * the share done is known, else indeterminate), in a polite status region.
 */

/** Props of `ProgressStatus`. */
export interface ProgressStatusProps {
  /** What is happening, e.g. "Preparing PDF…". */
  text: string;
  /** Share done, 0–1; null or absent while unknown. */
  fraction?: number | null;
  className?: string;
  /** False when the caller announces the work itself (a live region that outlives this line). */
  live?: boolean;
}

/** A status line with a progress bar. */
export function ProgressStatus({ text, fraction = null, className, live = true }: ProgressStatusProps) {
  return (
    <div className={className ? `progress-status ${className}` : 'progress-status'} role={live ? 'status' : undefined}>
      <span>{text}</span>
      {fraction === null ? (
        <progress aria-label={text} />
      ) : (
        <progress aria-label={text} max={100} value={Math.round(fraction * 100)}>
          {Math.round(fraction * 100)}%
        </progress>
      )}
    </div>
  );
}
