/** The custom protocol in use on the start form: its title and length, with Edit, Export JSON and "Use a built-in instead". */
import { useEffect, useRef } from 'react';
import { plannedDurationMs, type Protocol } from '@worktable/shared';
import { downloadProtocol } from './customProtocolStorage.js';
import { formatMinutes } from './editProtocol.js';

/** Props of `CustomProtocolCard`. */
export interface CustomProtocolCardProps {
  protocol: Protocol;
  /** Move focus to Edit when the card appears (after saving or importing). */
  focusOnMount?: boolean;
  onEdit(): void;
  onClear(): void;
}

/** A summary of the custom protocol and what a host can do with it. */
export function CustomProtocolCard({ protocol, focusOnMount = false, onEdit, onClear }: CustomProtocolCardProps) {
  const editRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusOnMount) editRef.current?.focus();
  }, [focusOnMount]);
  const phases = protocol.opening.length + protocol.round.length + protocol.closing.length;
  return (
    <section className="pe-custom" aria-label="Custom protocol">
      <p className="pe-custom-eyebrow">Protocol · custom</p>
      <p className="pe-custom-title">{protocol.title}</p>
      <p className="hint">
        {formatMinutes(plannedDurationMs(protocol))} in total · {phases} {phases === 1 ? 'phase' : 'phases'}
        {protocol.rounds > 1 ? ` · ${protocol.rounds} rounds` : ''}
      </p>
      <div className="actions">
        <button ref={editRef} type="button" className="button secondary" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="button ghost" onClick={() => downloadProtocol(protocol)}>
          Export JSON
        </button>
        <button type="button" className="button ghost" onClick={onClear}>
          Use a built-in instead
        </button>
      </div>
    </section>
  );
}
