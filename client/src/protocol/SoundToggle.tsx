/** "Sound on/off" for the end-of-phase chime (persisted in localStorage). */

/** Props of `SoundToggle`. */
export interface SoundToggleProps {
  on: boolean;
  onChange(on: boolean): void;
}

/** A labelled switch for the chime. */
export function SoundToggle({ on, onChange }: SoundToggleProps) {
  return (
    <button
      type="button"
      className="button ghost protocol-sound"
      aria-pressed={on}
      onClick={() => onChange(!on)}
      title="A soft chime when a phase ends"
    >
      {on ? 'Sound on' : 'Sound off'}
    </button>
  );
}
