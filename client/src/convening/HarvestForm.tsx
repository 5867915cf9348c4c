/**
 * "Post to the plenary": the reporter's (or the host's) form for a harvest card — a key insight,
 * a question, or a shift ("we thought… it turns out…") — written into the plenary document.
 */
import { useId, useRef, useState, type FormEvent, type Ref } from 'react';
import type * as Y from 'yjs';
import { HARVEST_KIND_LABELS, HarvestKind, MAX_HARVEST_CHARS, type TableEntry } from '@worktable/shared';
import {
  checkHarvestDraft,
  harvestCardFrom,
  harvestFieldLabels,
  postHarvest,
  type HarvestDraft,
  type HarvestProblems,
} from './harvestModel.js';
import { tableNameOf } from './place.js';
import './convening.css';

/** Props of `HarvestForm`. */
export interface HarvestFormProps {
  /** The plenary document (null while it opens). */
  doc: Y.Doc | null;
  round: number;
  tables: readonly TableEntry[];
  /** The table the card speaks for; null lets the poster choose (the host at the plenary). */
  tableId: string | null;
  me: { participantId: string; name: string };
}

const KINDS: readonly HarvestKind[] = [HarvestKind.Insight, HarvestKind.Question, HarvestKind.Shift];
const EMPTY: HarvestDraft = { kind: HarvestKind.Insight, text: '', turnsOut: '' };

/** One text field of the form with its counter and problem. */
function HarvestField(props: {
  id: string;
  label: string;
  value: string;
  problem: string | undefined;
  onChange(value: string): void;
  inputRef?: Ref<HTMLTextAreaElement>;
}) {
  const { id, label, value, problem, onChange, inputRef } = props;
  const over = value.length > MAX_HARVEST_CHARS;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={inputRef}
        rows={3}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-count${problem ? ` ${id}-problem` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-count`} className={`hint harvest-count${over ? ' is-over' : ''}`}>
        {value.length} / {MAX_HARVEST_CHARS}
      </p>
      {problem && (
        <p id={`${id}-problem`} className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}

/** The form; after a post it clears and says so (role=status). */
export function HarvestForm({ doc, round, tables, tableId, me }: HarvestFormProps) {
  const base = useId();
  const [draft, setDraft] = useState<HarvestDraft>(EMPTY);
  const [problems, setProblems] = useState<HarvestProblems>({});
  const [tried, setTried] = useState(false);
  const [chosen, setChosen] = useState<string>(tables[0]?.id ?? '');
  const [posted, setPosted] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const turnsOutRef = useRef<HTMLTextAreaElement>(null);
  const target = tableId ?? (tables.some((t) => t.id === chosen) ? chosen : (tables[0]?.id ?? null));
  const labels = harvestFieldLabels(draft.kind);

  const update = (change: Partial<HarvestDraft>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    setPosted(null);
    if (tried) setProblems(checkHarvestDraft(next));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkHarvestDraft(draft);
    setTried(true);
    setProblems(found);
    if (found.text) return textRef.current?.focus();
    if (found.turnsOut) return turnsOutRef.current?.focus();
    if (!doc || !target) return;
    const card = harvestCardFrom(
      draft,
      { tableId: target, tableName: tableNameOf({ tables }, target), round, by: me.participantId, byName: me.name },
      Date.now(),
    );
    postHarvest(doc, card);
    setDraft({ ...EMPTY, kind: draft.kind });
    setTried(false);
    setProblems({});
    setPosted(`Posted to the plenary: ${HARVEST_KIND_LABELS[card.kind]} from ${card.tableName}.`);
  };

  return (
    <form className="harvest-form" onSubmit={submit} noValidate aria-labelledby={`${base}-heading`}>
      <h3 id={`${base}-heading`}>Post to the plenary</h3>
      {tableId === null && (
        <div className="field">
          <label htmlFor={`${base}-table`}>For table</label>
          <select id={`${base}-table`} value={target ?? ''} onChange={(event) => setChosen(event.target.value)}>
            {tables.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="harvest-kinds">
        <legend>Kind</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="harvest-kind-option">
            <input type="radio" name={`${base}-kind`} value={kind} checked={draft.kind === kind} onChange={() => update({ kind })} />
            {HARVEST_KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <HarvestField
        id={`${base}-text`}
        label={labels.text}
        value={draft.text}
        problem={problems.text}
        onChange={(text) => update({ text })}
        inputRef={textRef}
      />
      {labels.turnsOut && (
        <HarvestField
          id={`${base}-turns-out`}
          label={labels.turnsOut}
          value={draft.turnsOut}
          problem={problems.turnsOut}
          onChange={(turnsOut) => update({ turnsOut })}
          inputRef={turnsOutRef}
        />
      )}
      <div className="actions">
        <button type="submit" className="button primary" disabled={!doc || !target}>
          Post to the plenary
        </button>
      </div>
      <p className="harvest-posted" role="status">
        {posted}
      </p>
    </form>
  );
}
