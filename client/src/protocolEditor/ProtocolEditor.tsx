/**
 * The protocol editor: a modal dialog over a plain `Protocol` (title, summary, rounds, rotation,
 * roles, and the opening / round / closing phases). Every change is validated; the first problem
 * is shown at its field (aria-invalid, aria-describedby) and Save waits until there is none.
 * Focus goes to the title on open and back where it was on close; Escape cancels.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { ROLE_NAMES, RotateAt, plannedDurationMs, validateProtocol, type Protocol } from '@worktable/shared';
import { roleTitle } from '../protocol/labels.js';
import { PHASE_LISTS, REQUIRED_ROLE, cleanProtocol, formatMinutes, setProtocolField, toggleRole } from './editProtocol.js';
import { NumberInput } from './NumberInput.js';
import { PhaseListEditor } from './PhaseListEditor.js';
import { ProblemText } from './ProblemText.js';
import { fieldId, fieldProps, hasField, problemId, problemOf } from './problem.js';
import './protocolEditor.css';

/** Props of `ProtocolEditor`. */
export interface ProtocolEditorProps {
  /** The definition to start from (a copy of a built-in, or the custom protocol in use). */
  initial: Protocol;
  onSave(protocol: Protocol): void;
  onCancel(): void;
}

/** The editor dialog (portaled to `<body>`); render it to open it, stop rendering it to close it. */
export function ProtocolEditor({ initial, onSave, onCancel }: ProtocolEditorProps) {
  const base = `pe${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [protocol, setProtocol] = useState(initial);
  const validation = useMemo(() => validateProtocol(protocol), [protocol]);
  const problem = problemOf(validation);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    titleRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);

  const update = (edit: (p: Protocol) => Protocol) => setProtocol((p) => edit(p));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    if (validation.ok) onSave(cleanProtocol(validation.protocol));
  };
  const total = formatMinutes(plannedDurationMs(protocol));

  // In a portal: the editor's own form must not nest inside the start form.
  return createPortal(
    <dialog
      ref={dialogRef}
      className="pe-dialog"
      aria-labelledby={`${base}-heading`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onClose={() => {
        // The browser may close the dialog itself (a second Escape); treat that as Cancel.
        if (dialogRef.current?.isConnected) onCancel();
      }}
    >
      <form className="pe-form" onSubmit={submit} noValidate>
        <header className="pe-header">
          <h2 id={`${base}-heading`}>Edit protocol</h2>
          <p className="pe-total" aria-live="polite">
            Total planned time: <strong>{total}</strong>
          </p>
        </header>
        <div className="pe-body">
          <div className="field">
            <label htmlFor={fieldId(base, 'title')}>Title</label>
            <input
              ref={titleRef}
              type="text"
              maxLength={120}
              value={protocol.title}
              onChange={(e) => update((p) => setProtocolField(p, 'title', e.target.value))}
              {...fieldProps(base, 'title', problem)}
            />
            <ProblemText base={base} problem={problem} path="title" />
          </div>
          <div className="field">
            <label htmlFor={fieldId(base, 'summary')}>Summary</label>
            <textarea
              rows={2}
              maxLength={1000}
              value={protocol.summary}
              onChange={(e) => update((p) => setProtocolField(p, 'summary', e.target.value))}
              {...fieldProps(base, 'summary', problem)}
            />
            <ProblemText base={base} problem={problem} path="summary" />
          </div>
          <div className="pe-row">
            <div className="field">
              <label htmlFor={fieldId(base, 'rounds')}>Rounds</label>
              <NumberInput
                min={1}
                max={12}
                step={1}
                value={protocol.rounds}
                onValue={(n) => update((p) => setProtocolField(p, 'rounds', Number.isFinite(n) ? n : 0))}
                {...fieldProps(base, 'rounds', problem)}
              />
              <ProblemText base={base} problem={problem} path="rounds" />
            </div>
            <div className="field">
              <label htmlFor={fieldId(base, 'rotateAt')}>Rotate roles</label>
              <select
                value={protocol.rotateAt}
                onChange={(e) => update((p) => setProtocolField(p, 'rotateAt', e.target.value as Protocol['rotateAt']))}
                {...fieldProps(base, 'rotateAt', problem)}
              >
                <option value={RotateAt.Run}>Once per run</option>
                <option value={RotateAt.Round}>Every round</option>
              </select>
            </div>
          </div>
          <fieldset className="pe-checks" {...fieldProps(base, 'roles', problem)}>
            <legend>Roles</legend>
            {ROLE_NAMES.map((role) => (
              <label key={role} className="pe-check">
                <input
                  type="checkbox"
                  checked={protocol.roles.includes(role)}
                  disabled={role === REQUIRED_ROLE && protocol.roles.includes(role)}
                  onChange={(e) => update((p) => toggleRole(p, role, e.target.checked, ROLE_NAMES))}
                />
                {roleTitle(role)}
                {role === REQUIRED_ROLE && <span className="optional"> (required)</span>}
              </label>
            ))}
            <ProblemText base={base} problem={problem} path="roles" />
          </fieldset>
          {PHASE_LISTS.map((list) => (
            <PhaseListEditor key={list} base={base} list={list} protocol={protocol} problem={problem} update={update} />
          ))}
        </div>
        <footer className="pe-footer">
          <p className="pe-status" role="status">
            {problem ? (
              <span className="pe-status-problem" id={hasField(problem.path) ? undefined : problemId(base)}>
                Fix before saving — {problem.path}: {problem.message}
              </span>
            ) : (
              <span>Ready to save · {total}</span>
            )}
          </p>
          <div className="actions">
            <button type="button" className="button ghost" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={!validation.ok}>
              Save
            </button>
          </div>
        </footer>
      </form>
    </dialog>,
    document.body,
  );
}
