/**
 * The record's downloads (Markdown, HTML, PDF) with the host's options: says what is happening
 * while the server prepares the file (PDFs take a few seconds) and while it arrives, saves it, and
 * says what to do when it fails.
 */
import { useEffect, useState } from 'react';
import type { RecordOptions } from '@worktable/shared';
import { userMessage } from '../api.js';
import { ProgressStatus } from '../components/ProgressStatus.js';
import { fractionOf } from '../transfer.js';
import { downloadRecord, type DownloadStage } from './downloadRecord.js';
import { EXPORT_FORMATS, type ExportFormat } from './formats.js';

/** Props of `RecordDownloads`. */
export interface RecordDownloadsProps {
  sessionId: string;
  /** The host's token (others get 403 from the server). */
  token: string;
  options: RecordOptions;
}

type DownloadState =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ExportFormat; stage: DownloadStage; since: number }
  | { kind: 'done'; fileName: string }
  | { kind: 'error'; format: ExportFormat; message: string };

/** How long "Downloaded …" stays. */
const DONE_VISIBLE_MS = 8000;

function useSecondsSince(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

/** One button per format and the download's status. */
export function RecordDownloads({ sessionId, token, options }: RecordDownloadsProps) {
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
  const seconds = useSecondsSince(state.kind === 'busy' ? state.since : null);

  useEffect(() => {
    if (state.kind !== 'done') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), DONE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const start = (format: ExportFormat) => {
    const since = Date.now();
    setState({ kind: 'busy', format, stage: { stage: 'preparing' }, since });
    downloadRecord(sessionId, token, format, options, (stage) => setState({ kind: 'busy', format, stage, since })).then(
      (fileName) => setState({ kind: 'done', fileName }),
      (error: unknown) => setState({ kind: 'error', format, message: userMessage(error) }),
    );
  };

  return (
    <div className="record-downloads">
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {state.kind === 'busy' && <p>{state.format.preparing}</p>}
        {state.kind === 'done' && <p>Downloaded {state.fileName}.</p>}
      </div>
      <div className="record-formats">
        {EXPORT_FORMATS.map((format) => (
          <button key={format.id} type="button" className="button secondary" disabled={state.kind === 'busy'} onClick={() => start(format)}>
            {format.label}
          </button>
        ))}
      </div>
      {state.kind === 'busy' &&
        (state.stage.stage === 'preparing' ? (
          <ProgressStatus className="export-status" live={false} text={seconds >= 2 ? `${state.format.preparing} (${seconds} s)` : state.format.preparing} />
        ) : (
          <ProgressStatus className="export-status" live={false} text={`Downloading the ${state.format.label} record…`} fraction={fractionOf(state.stage.progress)} />
        ))}
      {state.kind === 'done' && <p className="export-status export-done">Downloaded {state.fileName}.</p>}
      {state.kind === 'error' && (
        <div className="export-status alert" role="alert">
          <p>
            Could not export the {state.format.label} record. {state.message}
          </p>
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => start(state.format)}>
              Try again
            </button>
            <button type="button" className="button ghost" onClick={() => setState({ kind: 'idle' })}>
              Dismiss
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
