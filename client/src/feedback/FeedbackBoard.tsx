/**
 * The feedback board: every thread of the table in one modal dialog, grouped by type, with
 * filters by type and by the phase it was written in (each label with its count), kept live as
 * people write. Each thread takes you to its item; the board closes on the way.
 */
import { useId, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { FEEDBACK_TYPE_INFO, type FeedbackThread } from '@worktable/shared';
import { useModalDialog } from '../components/useModalDialog.js';
import { BoardThread } from './BoardThread.js';
import { ALL_FEEDBACK, boardView, type BoardFilter, type PhaseChoice } from './feedbackBoard.js';
import { useThreads } from './useThreads.js';
import './feedback.css';

/** Props of `FeedbackBoard`. */
export interface FeedbackBoardProps {
  doc: Y.Doc;
  open: boolean;
  /** Observers read the board but cannot add feedback (the empty board says so). */
  readOnly: boolean;
  onClose(): void;
  /** Takes the person to a thread's item, after the board has closed. */
  onShow(thread: FeedbackThread): void;
}

/** The feedback board dialog. */
export function FeedbackBoard({ doc, open, readOnly, onClose, onShow }: FeedbackBoardProps) {
  const ref = useModalDialog(open);
  const id = useId();
  return (
    <dialog ref={ref} className="dialog feedback-board" aria-labelledby={`${id}-title`} onClose={onClose}>
      <header className="feedback-board-header">
        <h2 id={`${id}-title`}>Feedback board</h2>
        <button type="button" className="button ghost" onClick={onClose}>
          Close
        </button>
      </header>
      {open && <BoardContent doc={doc} readOnly={readOnly} onShow={onShow} />}
    </dialog>
  );
}

/** The `<select>` value of a phase choice (null, threads outside a phase, has no id of its own). */
const OUTSIDE = '';
const ALL = '*';
const phaseValue = (choice: PhaseChoice): string => (choice === 'all' ? ALL : (choice ?? OUTSIDE));
const phaseChoice = (value: string): PhaseChoice => (value === ALL ? 'all' : value === OUTSIDE ? null : value);

function BoardContent({ doc, readOnly, onShow }: Pick<FeedbackBoardProps, 'doc' | 'readOnly' | 'onShow'>) {
  const threads = useThreads(doc);
  const [filter, setFilter] = useState<BoardFilter>(ALL_FEEDBACK);
  const view = useMemo(() => boardView(threads, filter), [threads, filter]);
  const ids = useId();
  if (view.total === 0) {
    return (
      <div className="feedback-board-empty">
        <p>
          <strong>No feedback on the table yet.</strong>
        </p>
        <p>
          {readOnly
            ? 'Feedback the group writes on any item shows here as it is written.'
            : 'To add some, select an item on the canvas (click it, or Tab to it), then write in the Feedback panel beside the canvas — press F to go straight to it. Everyone’s feedback shows here as it is written.'}
        </p>
      </div>
    );
  }
  const shown = view.groups.reduce((sum, group) => sum + group.threads.length, 0);
  return (
    <>
      <div className="feedback-board-filters">
        <div className="feedback-filters" role="group" aria-label="Show feedback of type">
          <button type="button" className="chip" aria-pressed={filter.type === 'all'} onClick={() => setFilter({ ...filter, type: 'all' })}>
            All types <span className="chip-count">{view.phaseTotal}</span>
          </button>
          {view.types.map((type) => (
            <button
              key={type}
              type="button"
              className={`chip chip-${type}`}
              aria-pressed={filter.type === type}
              onClick={() => setFilter({ ...filter, type })}
            >
              {FEEDBACK_TYPE_INFO[type].label} <span className="chip-count">{view.typeCounts[type]}</span>
            </button>
          ))}
        </div>
        <div className="feedback-board-phase">
          <label htmlFor={`${ids}-phase`}>Phase</label>
          <select
            id={`${ids}-phase`}
            value={phaseValue(filter.phase)}
            onChange={(e) => setFilter({ ...filter, phase: phaseChoice(e.target.value) })}
          >
            <option value={ALL}>All phases ({view.typeTotal})</option>
            {view.phases.map((phase) => (
              <option key={phaseValue(phase.id)} value={phaseValue(phase.id)}>
                {phase.title} ({phase.count})
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted feedback-board-status" role="status">
        {shown === view.total
          ? `${view.total} ${view.total === 1 ? 'thread' : 'threads'} on the table`
          : `${shown} of ${view.total} threads shown`}
      </p>
      {view.groups.length === 0 ? (
        <p className="muted">Nothing to show with these filters.</p>
      ) : (
        view.groups.map((group) => (
          <section key={group.type} className="feedback-board-group" aria-labelledby={`${ids}-${group.type}`}>
            <h3 id={`${ids}-${group.type}`}>
              {FEEDBACK_TYPE_INFO[group.type].label} <span className="chip-count">{group.threads.length}</span>
            </h3>
            <ol className="feedback-threads">
              {group.threads.map((thread) => (
                <BoardThread key={thread.id} doc={doc} thread={thread} onShow={onShow} />
              ))}
            </ol>
          </section>
        ))
      )}
    </>
  );
}
