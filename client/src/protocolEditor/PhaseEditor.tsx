/** One phase in the protocol editor: title, minutes, prompt, who speaks, advance, feedback types, and its place in the list. */
import { Advance, FEEDBACK_TYPES, FEEDBACK_TYPE_INFO, Speakers, type FeedbackType, type Phase } from '@worktable/shared';
import { SPEAKERS_LABEL } from '../protocol/labels.js';
import type { PhaseField, PhaseList } from './editProtocol.js';
import { NumberInput } from './NumberInput.js';
import { ProblemText } from './ProblemText.js';
import { fieldId, fieldProps, type Problem } from './problem.js';

/** What a phase's editor can ask the list to do. */
export interface PhaseActions {
  setField<K extends PhaseField>(index: number, field: K, value: Phase[K]): void;
  setMinutes(index: number, count: number): void;
  toggleFeedback(index: number, type: FeedbackType, on: boolean): void;
  move(index: number, delta: -1 | 1): void;
  remove(index: number): void;
}

/** Props of `PhaseEditor`. */
export interface PhaseEditorProps {
  base: string;
  list: PhaseList;
  /** "Round phase", "Opening phase"… */
  label: string;
  index: number;
  count: number;
  phase: Phase;
  problem: Problem;
  actions: PhaseActions;
}

const SPEAKER_ORDER = [Speakers.Everyone, Speakers.PresenterOnly, Speakers.AllButPresenter, Speakers.Silent] as const;

/** A fieldset editing one phase. */
export function PhaseEditor({ base, list, label, index, count, phase, problem, actions }: PhaseEditorProps) {
  const at = (field: string) => `${list}.${index}.${field}`;
  const name = `${label} ${index + 1}`;
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  return (
    <fieldset className="pe-phase">
      <legend>{name}</legend>
      <div className="pe-row pe-row-title">
        <div className="field">
          <label htmlFor={fieldId(base, at('title'))}>Title</label>
          <input
            type="text"
            maxLength={120}
            value={phase.title}
            onChange={(e) => actions.setField(index, 'title', e.target.value)}
            {...fieldProps(base, at('title'), problem)}
          />
          <ProblemText base={base} problem={problem} path={at('title')} />
        </div>
        <div className="field pe-minutes">
          <label htmlFor={fieldId(base, at('durationMs'))}>Minutes</label>
          <NumberInput
            min={0.25}
            max={240}
            step="any"
            value={phase.durationMs / 60_000}
            onValue={(n) => actions.setMinutes(index, n)}
            {...fieldProps(base, at('durationMs'), problem)}
          />
          <ProblemText base={base} problem={problem} path={at('durationMs')} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={fieldId(base, at('prompt'))}>Prompt</label>
        <textarea
          rows={2}
          maxLength={2000}
          value={phase.prompt}
          onChange={(e) => actions.setField(index, 'prompt', e.target.value)}
          {...fieldProps(base, at('prompt'), problem)}
        />
        <ProblemText base={base} problem={problem} path={at('prompt')} />
      </div>
      <div className="pe-row">
        <div className="field">
          <label htmlFor={fieldId(base, at('speakers'))}>Who speaks</label>
          <select
            value={phase.speakers}
            onChange={(e) => actions.setField(index, 'speakers', e.target.value as Phase['speakers'])}
            {...fieldProps(base, at('speakers'), problem)}
          >
            {SPEAKER_ORDER.map((s) => (
              <option key={s} value={s}>
                {SPEAKERS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={fieldId(base, at('advance'))}>At the deadline</label>
          <select
            value={phase.advance}
            onChange={(e) => actions.setField(index, 'advance', e.target.value as Phase['advance'])}
            {...fieldProps(base, at('advance'), problem)}
          >
            <option value={Advance.Auto}>Move on by itself</option>
            <option value={Advance.Facilitator}>Wait for the facilitator</option>
          </select>
        </div>
      </div>
      <fieldset className="pe-checks" {...fieldProps(base, at('feedback'), problem)}>
        <legend>Feedback open</legend>
        {FEEDBACK_TYPES.map((type) => (
          <label key={type} className="pe-check" title={FEEDBACK_TYPE_INFO[type].hint}>
            <input
              type="checkbox"
              checked={phase.feedback.includes(type)}
              onChange={(e) => actions.toggleFeedback(index, type, e.target.checked)}
            />
            {FEEDBACK_TYPE_INFO[type].label}
          </label>
        ))}
        <ProblemText base={base} problem={problem} path={at('feedback')} />
      </fieldset>
      <div className="pe-phase-actions">
        <button
          type="button"
          className="button ghost small"
          id={fieldId(base, at('up'))}
          disabled={index === 0}
          onClick={() => actions.move(index, -1)}
          aria-label={`Move ${lower} up`}
        >
          ↑ Up
        </button>
        <button
          type="button"
          className="button ghost small"
          id={fieldId(base, at('down'))}
          disabled={index === count - 1}
          onClick={() => actions.move(index, 1)}
          aria-label={`Move ${lower} down`}
        >
          ↓ Down
        </button>
        <button type="button" className="button ghost small pe-remove" onClick={() => actions.remove(index)} aria-label={`Remove ${lower}`}>
          Remove
        </button>
      </div>
    </fieldset>
  );
}
