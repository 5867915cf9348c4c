/**
 * Picking the protocol a session will run: the built-ins from `GET /api/protocols`, with their
 * length and group size, and the summary of the chosen one.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { plannedDurationMs, type Protocol } from '@worktable/shared';
import { listProtocols } from '../api.js';

/** The built-in protocols, loaded once per page; empty until they arrive (or if they cannot be). */
export function useProtocols(): Protocol[] {
  const [protocols, setProtocols] = useState<Protocol[]>([]);
  useEffect(() => {
    let live = true;
    listProtocols().then(
      (list) => live && setProtocols(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return protocols;
}

/** Props of `ProtocolPicker`. */
export interface ProtocolPickerProps {
  id: string;
  protocols: readonly Protocol[];
  value: string;
  onChange(id: string): void;
  /** Buttons shown next to the select (e.g. "Customize…", "Import JSON…"). */
  actions?: ReactNode;
}

/** A labelled select of protocols with the chosen one's summary. */
export function ProtocolPicker({ id, protocols, value, onChange, actions }: ProtocolPickerProps) {
  if (protocols.length === 0) return null;
  const chosen = protocols.find((p) => p.id === value);
  return (
    <div className="field">
      <label htmlFor={id}>Protocol</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={`${id}-summary`}>
        {protocols.map((protocol) => (
          <option key={protocol.id} value={protocol.id}>
            {protocol.title} — {Math.round(plannedDurationMs(protocol) / 60_000)} min, {protocol.groupSize.min}–{protocol.groupSize.max}{' '}
            people
          </option>
        ))}
      </select>
      <p className="hint" id={`${id}-summary`}>
        {chosen?.summary}
      </p>
      {actions && <div className="actions protocol-picker-actions">{actions}</div>}
    </div>
  );
}
