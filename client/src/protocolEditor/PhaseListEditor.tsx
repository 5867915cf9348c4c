/** One of the three phase lists (opening, each round, closing) in the protocol editor, with add / remove / move. */
import { FEEDBACK_TYPES, type Protocol } from '@worktable/shared';
import { addPhase, movePhase, removePhase, setPhaseField, setPhaseMinutes, togglePhaseFeedback, type PhaseList } from './editProtocol.js';
import { PhaseEditor, type PhaseActions } from './PhaseEditor.js';
import { ProblemText } from './ProblemText.js';
import { fieldId, type Problem } from './problem.js';

const TEXT: Readonly<Record<PhaseList, { heading: string; hint: string; label: string; add: string }>> = {
  opening: { heading: 'Opening', hint: 'Once, before the first round.', label: 'Opening phase', add: 'Add an opening phase' },
  round: { heading: 'Each round', hint: 'Run once per round.', label: 'Round phase', add: 'Add a round phase' },
  closing: { heading: 'Closing', hint: 'Once, after the last round.', label: 'Closing phase', add: 'Add a closing phase' },
};

/** Props of `PhaseListEditor`. */
export interface PhaseListEditorProps {
  base: string;
  list: PhaseList;
  protocol: Protocol;
  problem: Problem;
  update(edit: (protocol: Protocol) => Protocol): void;
}

/** Focuses an element by id once React has rendered. */
function focusSoon(id: string, fallbackId?: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element instanceof HTMLButtonElement && element.disabled && fallbackId) document.getElementById(fallbackId)?.focus();
    else element?.focus();
  });
}

/** A section listing a protocol's phases of one kind. */
export function PhaseListEditor({ base, list, protocol, problem, update }: PhaseListEditorProps) {
  const text = TEXT[list];
  const phases = protocol[list];
  const headingId = fieldId(base, `${list}-heading`);
  const actions: PhaseActions = {
    setField: (index, field, value) => update((p) => setPhaseField(p, list, index, field, value)),
    setMinutes: (index, count) => update((p) => setPhaseMinutes(p, list, index, count)),
    toggleFeedback: (index, type, on) => update((p) => togglePhaseFeedback(p, list, index, type, on, FEEDBACK_TYPES)),
    move: (index, delta) => {
      update((p) => movePhase(p, list, index, delta));
      const target = index + delta;
      focusSoon(fieldId(base, `${list}.${target}.${delta < 0 ? 'up' : 'down'}`), fieldId(base, `${list}.${target}.title`));
    },
    remove: (index) => {
      update((p) => removePhase(p, list, index));
      focusSoon(fieldId(base, `${list}-add`));
    },
  };
  return (
    <section className="pe-list" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {text.heading} <span className="pe-count">({phases.length})</span>
      </h3>
      <p className="hint">{text.hint}</p>
      <ProblemText base={base} problem={problem} path={list} />
      {phases.map((phase, index) => (
        <PhaseEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: phases have no id; each editor is fully controlled by its phase, so nothing is kept by the wrong row
          key={index}
          base={base}
          list={list}
          label={text.label}
          index={index}
          count={phases.length}
          phase={phase}
          problem={problem}
          actions={actions}
        />
      ))}
      <button
        type="button"
        className="button secondary small"
        id={fieldId(base, `${list}-add`)}
        {...(problem && problem.path === list ? { 'aria-describedby': `${base}-problem`, 'aria-invalid': true } : {})}
        onClick={() => {
          update((p) => addPhase(p, list));
          focusSoon(fieldId(base, `${list}.${phases.length}.title`));
        }}
      >
        + {text.add}
      </button>
    </section>
  );
}
