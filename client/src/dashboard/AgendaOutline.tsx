/**
 * The agenda as a list the host reads at a glance: each part with where it runs (everyone
 * together or at the tables), its planned minutes and, for rounds, the question that opens it —
 * editable until the round starts. The part going on is marked.
 */
import { useId, useState, type FormEvent } from 'react';
import type { DashboardPayload, WireAgendaBlock } from '@worktable/shared';
import { formatDuration } from '../protocol/clock.js';
import { ActionAlert } from './ActionAlert.js';
import { blockName } from '../convening/agendaView.js';
import { useHostAction } from './useHostAction.js';

/** Props of `AgendaOutline`. */
export interface AgendaOutlineProps {
  dashboard: DashboardPayload;
}

/** The agenda list (nothing before the first seating). */
export function AgendaOutline({ dashboard }: AgendaOutlineProps) {
  const id = useId();
  const { agenda } = dashboard;
  if (!agenda) return null;
  return (
    <section className="card dash-agenda" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Agenda</h2>
      <ol className="dash-agenda-list">
        {agenda.blocks.map((block, index) => (
          <AgendaItem
            key={block.id}
            block={block}
            name={blockName(block, agenda.rounds)}
            state={index < agenda.index ? 'done' : index === agenda.index ? 'now' : 'later'}
          />
        ))}
      </ol>
    </section>
  );
}

interface AgendaItemProps {
  block: WireAgendaBlock;
  name: string;
  state: 'done' | 'now' | 'later';
}

function AgendaItem({ block, name, state }: AgendaItemProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(block.question ?? '');
  const save = useHostAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save.run({ action: 'question', blockId: block.id, text }, `The question of ${name} is saved.`)) setEditing(false);
  };
  return (
    <li className={`dash-agenda-item is-${state}`} aria-current={state === 'now' ? 'step' : undefined}>
      <p className="dash-agenda-head">
        <strong>{name}</strong>
        <span className="muted">
          {' '}
          · {block.kind === 'plenary' ? 'everyone together' : block.reseat ? 'travelers move, hosts stay' : 'at the tables'} ·{' '}
          {formatDuration(block.durationMs)}
        </span>
        {state === 'now' && <span className="dash-agenda-badge">now</span>}
        {state === 'done' && <span className="dash-agenda-done">done</span>}
      </p>
      {block.kind === 'tables' && !editing && (
        <p className="dash-agenda-question">
          {block.question ? <q>{block.question}</q> : <span className="muted">No question yet.</span>}{' '}
          {state === 'later' && (
            <button
              type="button"
              className="button ghost small"
              onClick={() => setEditing(true)}
              aria-label={`Edit the question of ${name}`}
            >
              Edit
            </button>
          )}
        </p>
      )}
      {editing && (
        <form className="dash-agenda-form" onSubmit={(e) => void submit(e)}>
          <label htmlFor={`${id}-q`}>Question for {name}</label>
          <textarea id={`${id}-q`} value={text} maxLength={500} rows={2} onChange={(e) => setText(e.target.value)} autoFocus />
          <div className="actions">
            <button type="submit" className="button primary small" disabled={save.busy}>
              {save.busy ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="button ghost small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
          <ActionAlert error={save.error} />
        </form>
      )}
    </li>
  );
}
