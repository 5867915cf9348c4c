/**
 * The end of a group's protocol, for everyone at the table: the focusing question, what the group
 * heard by feedback type, the presenter's reflection (from the scribe's notes), and the next steps (what, who, by when) from the table's checklists,
 * with a way to add them when there are none yet, and the record for those who may export it.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { ArtifactKind, DEFAULT_ARTIFACT_SIZE, heardByType, placementAmong, type NextStep, type Protocol } from '@worktable/shared';
import { addItem } from '../artifacts/checklist/checklistModel.js';
import { checklistView } from '../artifacts/checklist/index.js';
import { createArtifact, getArtifact, readArtifacts } from '../canvas/tableModel.js';
import { useCanvasUi } from '../canvas/uiStore.js';
import { useThreads } from '../feedback/useThreads.js';
import { tableNextSteps, tableReflection, type ReflectionNotes } from './endSummary.js';
import './summary.css';

/** Props of `EndSummary`. */
export interface EndSummaryProps {
  doc: Y.Doc;
  focus: string | null;
  /** The export button, for the host and the facilitator. */
  exportButton?: ReactNode;
  /** Who adds next steps (their checklist's author). */
  me: { participantId: string; name: string };
  readOnly: boolean;
  /** The run's protocol, when the page knows it (for the presenter's reflection in the notes). */
  protocol?: Protocol;
}

/** The presenter's reflection in the notes of `doc`, updated live. */
function useReflection(doc: Y.Doc, protocol: Protocol | undefined): ReflectionNotes[] {
  const [notes, setNotes] = useState(() => tableReflection(doc, protocol));
  useEffect(() => {
    const update = () => setNotes(tableReflection(doc, protocol));
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc, protocol]);
  return notes;
}

/** The next steps of `doc`, updated live. */
function useNextSteps(doc: Y.Doc): NextStep[] {
  const [steps, setSteps] = useState(() => tableNextSteps(doc));
  useEffect(() => {
    const update = () => setSteps(tableNextSteps(doc));
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc]);
  return steps;
}

/** Puts a "Next steps" checklist on the table with one empty item, selected, its item ready to type in. */
function addNextSteps(doc: Y.Doc, creator: { participantId: string; name: string }): void {
  const size = DEFAULT_ARTIFACT_SIZE[ArtifactKind.Checklist];
  const id = createArtifact(doc, {
    kind: ArtifactKind.Checklist,
    at: placementAmong(size, readArtifacts(doc)),
    size,
    title: 'Next steps',
    creator,
    initialize: checklistView.initialize,
  });
  const artifact = getArtifact(doc, id);
  if (artifact) addItem(doc, artifact, '');
  useCanvasUi.getState().select([id]);
  window.setTimeout(() => document.querySelector<HTMLElement>(`[data-artifact-id="${id}"] [aria-label^="Item: "]`)?.focus(), 100);
}

/** The summary card. */
export function EndSummary({ doc, focus, exportButton, me, readOnly, protocol }: EndSummaryProps) {
  const id = useId();
  const heard = heardByType(useThreads(doc));
  const reflection = useReflection(doc, protocol);
  const steps = useNextSteps(doc);
  return (
    <section className="card end-summary" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>What we did</h2>
      {focus && (
        <p>
          <strong>Focusing question:</strong> {focus}
        </p>
      )}
      <h3>What we heard</h3>
      {heard.length === 0 ? (
        <p className="muted">No feedback was written on the table.</p>
      ) : (
        <ul className="end-heard">
          {heard.map((h) => (
            <li key={h.type}>
              <strong>
                {h.label} ({h.count})
              </strong>
              <ul>
                {h.samples.map((text, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static list of sample texts, replaced whole
                  <li key={i}>{text}</li>
                ))}
                {h.count > h.samples.length && <li className="muted">and {h.count - h.samples.length} more on the table</li>}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {reflection.length > 0 && (
        <>
          <h3>The presenter’s reflection</h3>
          {reflection.map((r) => (
            <div key={r.title} className="end-reflection">
              {reflection.length > 1 && <p className="muted">{r.title}</p>}
              {r.lines.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static lines of text, replaced whole
                <p key={i}>{line}</p>
              ))}
            </div>
          ))}
        </>
      )}
      <h3>Next steps</h3>
      {steps.length === 0 ? (
        <>
          <p className="muted">No next steps yet: a checklist on the table keeps what, who and by when.</p>
          {!readOnly && (
            <button type="button" className="button secondary" onClick={() => addNextSteps(doc, me)}>
              Add next steps
            </button>
          )}
        </>
      ) : (
        <ul className="end-steps">
          {steps.map((step, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a static list of steps, replaced whole
            <li key={i}>
              <span aria-hidden="true">{step.done ? '☑' : '☐'}</span> {step.text}
              {step.owner && <strong> — {step.owner}</strong>}
              {step.due && <span className="muted"> (by {step.due})</span>}
              {step.done && <span className="visually-hidden"> (done)</span>}
            </li>
          ))}
        </ul>
      )}
      {exportButton && <div className="protocol-row">{exportButton}</div>}
    </section>
  );
}
