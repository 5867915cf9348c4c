/**
 * The record's downloads (Markdown, HTML, PDF) with the host's options: says what is happening
 * while the server prepares the file (PDFs take a few seconds) and while it arrives, saves it, and
 * says what to do when it fails. When the server makes no PDFs (it said so, or answered 503), PDF
 * opens the browser's print dialog with the HTML record instead, and the dialog says so.
 */
import { useEffect, useId, useState } from 'react';
import type { RecordOptions } from '@worktable/shared';
import { getRecordCapabilities, userMessage } from '../api.js';
import { ProgressStatus } from '../components/ProgressStatus.js';
import { fractionOf } from '../transfer.js';
import { downloadRecord, type DownloadStage } from './downloadRecord.js';
import { EXPORT_FORMATS, type ExportFormat } from './formats.js';
import {
  PRINT_OPENED,
  PRINT_PREPARING,
  PRINT_TO_PDF_EXPLANATION,
  PRINT_TO_PDF_LABEL,
  pdfRouteFor,
  printsInsteadAfter,
} from './pdfRoute.js';
import { printRecord } from './printRecord.js';

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
  | { kind: 'printing'; format: ExportFormat }
  | { kind: 'done'; fileName: string }
  | { kind: 'printed' }
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

/** Whether the server prints PDFs itself: null until it says (or when it could not be asked); `markAbsent` after it answered 503. */
function useServerPdf(): { serverPdf: boolean | null; markAbsent(): void } {
  const [serverPdf, setServerPdf] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    getRecordCapabilities().then(
      (capabilities) => live && setServerPdf(capabilities.serverPdf),
      () => undefined, // unknown: the server is asked for the PDF, and a 503 falls back to printing
    );
    return () => {
      live = false;
    };
  }, []);
  return { serverPdf, markAbsent: () => setServerPdf(false) };
}

/** One button per format and the download's status. */
export function RecordDownloads({ sessionId, token, options }: RecordDownloadsProps) {
  const [state, setState] = useState<DownloadState>({ kind: 'idle' });
  const seconds = useSecondsSince(state.kind === 'busy' ? state.since : null);
  const { serverPdf, markAbsent } = useServerPdf();
  const hintId = useId();
  const prints = pdfRouteFor(serverPdf) === 'print';

  useEffect(() => {
    if (state.kind !== 'done' && state.kind !== 'printed') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), DONE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const print = (format: ExportFormat) => {
    setState({ kind: 'printing', format });
    printRecord(sessionId, token, options).then(
      () => setState({ kind: 'printed' }),
      (error: unknown) => setState({ kind: 'error', format, message: userMessage(error) }),
    );
  };

  const start = (format: ExportFormat) => {
    if (format.id === 'pdf' && prints) return print(format);
    const since = Date.now();
    setState({ kind: 'busy', format, stage: { stage: 'preparing' }, since });
    downloadRecord(sessionId, token, format, options, (stage) => setState({ kind: 'busy', format, stage, since })).then(
      (fileName) => setState({ kind: 'done', fileName }),
      (error: unknown) => {
        if (format.id !== 'pdf' || !printsInsteadAfter(error)) return setState({ kind: 'error', format, message: userMessage(error) });
        markAbsent();
        print(format);
      },
    );
  };
  const busy = state.kind === 'busy' || state.kind === 'printing';

  return (
    <div className="record-downloads">
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {state.kind === 'busy' && <p>{state.format.preparing}</p>}
        {state.kind === 'printing' && <p>{PRINT_PREPARING}</p>}
        {state.kind === 'done' && <p>Downloaded {state.fileName}.</p>}
        {state.kind === 'printed' && <p>{PRINT_OPENED}</p>}
      </div>
      <div className="record-formats">
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format.id}
            type="button"
            className="button secondary"
            disabled={busy}
            aria-describedby={format.id === 'pdf' && prints ? hintId : undefined}
            onClick={() => start(format)}
          >
            {format.id === 'pdf' && prints ? PRINT_TO_PDF_LABEL : format.label}
          </button>
        ))}
      </div>
      {prints && (
        <p className="hint" id={hintId}>
          {PRINT_TO_PDF_EXPLANATION}
        </p>
      )}
      {state.kind === 'busy' &&
        (state.stage.stage === 'preparing' ? (
          <ProgressStatus
            className="export-status"
            live={false}
            text={seconds >= 2 ? `${state.format.preparing} (${seconds} s)` : state.format.preparing}
          />
        ) : (
          <ProgressStatus
            className="export-status"
            live={false}
            text={`Downloading the ${state.format.label} record…`}
            fraction={fractionOf(state.stage.progress)}
          />
        ))}
      {state.kind === 'printing' && <ProgressStatus className="export-status" live={false} text={PRINT_PREPARING} />}
      {state.kind === 'done' && <p className="export-status export-done">Downloaded {state.fileName}.</p>}
      {state.kind === 'printed' && <p className="export-status export-done">{PRINT_OPENED}</p>}
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
