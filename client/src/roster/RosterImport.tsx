/**
 * Importing a roster: paste CSV or choose a file, see the preview (who, how the columns were
 * read, every problem by line) as you type, then import. The preview uses the server's own
 * reader, so what it shows is what the server imports; a refusal still shows the server's words.
 */
import { useDeferredValue, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { parseRoster, type RosterImportResult } from '@worktable/shared';
import { importRoster, userMessage } from '../api.js';
import { ActionAlert } from '../dashboard/ActionAlert.js';
import { countOf } from '../dashboard/format.js';
import { RosterPreview } from './RosterPreview.js';

/** Props of `RosterImport`. */
export interface RosterImportProps {
  sessionId: string;
  token: string;
  /** Whether people are on the roster already (then people of the same name and organization are updated). */
  hasRoster: boolean;
  onImported(result: RosterImportResult): void;
}

/** The import form with its live preview. */
export function RosterImport({ sessionId, token, hasRoster, onImported }: RosterImportProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const deferred = useDeferredValue(text);
  const roster = useMemo(() => (deferred.trim() === '' ? null : parseRoster(deferred)), [deferred]);

  const readFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    setText(await chosen.text());
    setFileNote(`Read ${chosen.name}.`);
    setError(null);
    if (file.current) file.current.value = '';
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = parseRoster(text);
    if (text.trim() === '') {
      setError('Paste the roster or choose a CSV file first.');
      return;
    }
    if (checked.problems.length > 0) {
      setError(`Fix the ${countOf(checked.problems.length, 'problem')} in the preview first.`);
      problemsRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await importRoster(sessionId, text, token);
      setText('');
      setFileNote(null);
      onImported(result);
    } catch (failure) {
      setError(userMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const ready = roster !== null && roster.problems.length === 0;
  return (
    <form className="roster-import" aria-labelledby={`${id}-h`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-h`}>{hasRoster ? 'Import again' : 'Import a roster'}</h3>
      <p className="hint" id={`${id}-how`}>
        One person per line, with a header row naming the columns in any order: <code>name</code>, <code>organization</code>,{' '}
        <code>system role</code>, <code>table host</code> (yes or no) and <code>pinned table</code> (a number). Only the name is required;
        other columns are left out. Copy the cells from a spreadsheet, or save it as CSV.
        {hasRoster && ' People already in the session with the same name and organization are updated, not added twice.'}
      </p>
      <div className="field">
        <label htmlFor={`${id}-csv`}>Roster (CSV)</label>
        <textarea
          id={`${id}-csv`}
          className="roster-text"
          rows={8}
          spellCheck={false}
          value={text}
          aria-describedby={`${id}-how`}
          placeholder={
            'name,organization,system role,table host,pinned table\nAna Alvarez,Lincoln High,teacher,yes,1\nBen Brook,Roosevelt Middle,principal,,'
          }
          onChange={(e) => {
            setText(e.target.value);
            setFileNote(null);
          }}
        />
      </div>
      <div className="actions">
        <input
          ref={file}
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Roster CSV file"
          onChange={(e) => void readFile(e.target.files?.[0])}
        />
        <button type="button" className="button ghost" onClick={() => file.current?.click()}>
          Choose a CSV file…
        </button>
        {fileNote && (
          <span className="hint" role="status">
            {fileNote}
          </span>
        )}
      </div>
      {roster && <RosterPreview roster={roster} problemsRef={problemsRef} />}
      <ActionAlert error={error} />
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Importing…' : ready ? `Import ${countOf(roster.people.length, 'person', 'people')}` : 'Import'}
        </button>
      </div>
    </form>
  );
}
