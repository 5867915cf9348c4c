/**
 * Composing the agenda by hand before it starts: parts in order, each a protocol and where it runs
 * (everyone together, at the tables as one seating round, or as the protocol maps itself), moved
 * up and down with buttons, then "Use this agenda". "A convening day" fills in check-in → norms →
 * 1-2-4-All → café rounds → harvest → closing circle. Folded by default under the seating form.
 */
import { useId, useState } from 'react';
import { BUILT_IN_PROTOCOLS, MAX_AGENDA_PARTS, PartPlace, type AgendaPart } from '@worktable/shared';
import { ActionAlert } from './ActionAlert.js';
import { useHostAction } from './useHostAction.js';

/** The day the hosts plan most often. */
export const CONVENING_DAY: readonly AgendaPart[] = [
  { protocolId: 'check-in', place: PartPlace.Plenary },
  { protocolId: 'norms', place: PartPlace.Plenary },
  { protocolId: '1-2-4-all', place: PartPlace.Tables },
  { protocolId: 'world-cafe', place: PartPlace.Own },
  { protocolId: 'closing-circle', place: PartPlace.Plenary },
];

const PLACE_LABEL: Record<PartPlace, string> = {
  plenary: 'Everyone together',
  tables: 'At the tables (one round)',
  own: 'As the protocol runs (its rounds at the tables)',
};

/** Props of `AgendaComposer`. */
export interface AgendaComposerProps {
  /** The session's protocol: the agenda it makes is the starting point. */
  protocolId: string | null;
}

/** The composer. */
export function AgendaComposer({ protocolId }: AgendaComposerProps) {
  const id = useId();
  const [parts, setParts] = useState<AgendaPart[]>(() => [{ protocolId: protocolId ?? 'world-cafe', place: PartPlace.Own }]);
  const action = useHostAction();
  const update = (index: number, change: Partial<AgendaPart>) =>
    setParts((all) => all.map((part, i) => (i === index ? { ...part, ...change } : part)));
  const move = (index: number, by: -1 | 1) =>
    setParts((all) => {
      const next = [...all];
      const [part] = next.splice(index, 1);
      if (part) next.splice(index + by, 0, part);
      return next;
    });
  const titleOf = (protocol: string) => BUILT_IN_PROTOCOLS.find((p) => p.id === protocol)?.title ?? protocol;
  return (
    <details className="dash-seat dash-compose">
      <summary id={`${id}-h`}>Compose the agenda by hand…</summary>
      <div className="dash-compose-body" role="group" aria-labelledby={`${id}-h`}>
        <p className="hint">
          Each part is a protocol, run with everyone together or at the tables. The tables’ parts are the seating rounds; a café’s later
          rounds move the travelers.
        </p>
        <button type="button" className="button ghost small" onClick={() => setParts([...CONVENING_DAY])}>
          A convening day: check-in, norms, 1-2-4-All, café rounds, harvest, closing circle
        </button>
        <ol className="dash-compose-list">
          {parts.map((part, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no id; the protocol in the key remounts a row whose protocol changed
            <li key={`${index}-${part.protocolId}`}>
              <label>
                <span className="visually-hidden">Part {index + 1}: protocol</span>
                <select value={part.protocolId} onChange={(e) => update(index, { protocolId: e.target.value })}>
                  {BUILT_IN_PROTOCOLS.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title}
                    </option>
                  ))}
                  {protocolId && !BUILT_IN_PROTOCOLS.some((p) => p.id === protocolId) && (
                    <option value={protocolId}>This session’s protocol</option>
                  )}
                </select>
              </label>
              <label>
                <span className="visually-hidden">Part {index + 1}: where</span>
                <select value={part.place} onChange={(e) => update(index, { place: e.target.value as PartPlace })}>
                  {Object.values(PartPlace).map((place) => (
                    <option key={place} value={place}>
                      {PLACE_LABEL[place]}
                    </option>
                  ))}
                </select>
              </label>
              <span className="dash-compose-buttons">
                <button
                  type="button"
                  className="button ghost small"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={`Move ${titleOf(part.protocolId)} earlier`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button ghost small"
                  disabled={index === parts.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={`Move ${titleOf(part.protocolId)} later`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button ghost small"
                  disabled={parts.length === 1}
                  onClick={() => setParts((all) => all.filter((_, i) => i !== index))}
                  aria-label={`Remove ${titleOf(part.protocolId)}`}
                >
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ol>
        <div className="actions">
          <button
            type="button"
            className="button ghost"
            disabled={parts.length >= MAX_AGENDA_PARTS}
            onClick={() => setParts((all) => [...all, { protocolId: 'check-in', place: PartPlace.Plenary }])}
          >
            Add a part
          </button>
          <button
            type="button"
            className="button primary"
            disabled={action.busy}
            onClick={() => void action.run({ action: 'composeAgenda', parts }, `The agenda has ${parts.length} parts.`)}
          >
            {action.busy ? 'Saving…' : 'Use this agenda'}
          </button>
        </div>
        <ActionAlert error={action.error} />
      </div>
    </details>
  );
}
