/**
 * PDFs: the page the group is looking at, drawn with pdf.js (lazy chunk, see `PdfViewer`), on the
 * canvas and opened large. The page number is shared in the artifact (`ArtifactField.Page`), so turning
 * the page turns it for everyone; read-only viewers follow it. While the file or pdf.js loads a
 * grey page shows; if the PDF cannot be shown, a message and an "Open PDF" link instead.
 */
import { Component, Suspense, lazy, type ReactNode } from 'react';
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import { editLocally } from '../../canvas/tableModel.js';
import { useArtifactField, useStringField } from '../shared/useArtifactField.js';
import { useUploadUrl } from '../shared/useUploadUrl.js';
import type { ArtifactBodyProps, ArtifactView } from '../types.js';
import { clampPage } from './pages.js';
import { PdfSkeleton } from './PdfSkeleton.js';
import './pdf.css';

const PdfViewer = lazy(() => import('./PdfViewer.js'));

/** Catches a failure to load or run the pdf.js chunk: shows `fallback` instead. */
class PdfBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function PdfBody({ artifact, doc, sessionId, token, expanded, readOnly }: ArtifactBodyProps) {
  const uploadId = useStringField(artifact, ArtifactField.UploadId);
  const fileName = useStringField(artifact, ArtifactField.FileName);
  const title = useStringField(artifact, ArtifactField.Title) || fileName || 'PDF';
  const page = clampPage(useArtifactField(artifact, ArtifactField.Page));
  const state = useUploadUrl(sessionId, token, uploadId);
  const open =
    state.kind === 'ready' ? (
      <a className="button secondary pdf-open" href={state.url} target="_blank" rel="noopener noreferrer">
        Open PDF<span className="visually-hidden"> {title} in a new tab</span>
      </a>
    ) : null;
  const setPage = readOnly
    ? null
    : (next: number) => {
        if (next !== clampPage(artifact.get(ArtifactField.Page))) editLocally(doc, () => artifact.set(ArtifactField.Page, next));
      };

  if (state.kind === 'ready') {
    const failed = (
      <div className="pdf-view pdf-failed" role="alert">
        <p className="media-status media-error">The PDF viewer could not be loaded.</p>
        {open}
      </div>
    );
    return (
      <div className="media-body pdf-body">
        <PdfBoundary key={state.url} fallback={failed}>
          <Suspense fallback={<PdfSkeleton />}>
            <PdfViewer url={state.url} title={title} page={page} onPage={setPage} expanded={expanded} fallback={open} />
          </Suspense>
        </PdfBoundary>
      </div>
    );
  }
  return (
    <div className="media-body pdf-body">
      <div className="pdf-card">
        <span className="pdf-icon" aria-hidden="true">
          PDF
        </span>
        <p className="pdf-title">{title}</p>
        {fileName && fileName !== title && <p className="muted pdf-file">{fileName}</p>}
        {state.kind === 'loading' && <PdfSkeleton />}
        {state.kind === 'missing' && <p className="media-status">Uploading…</p>}
        {state.kind === 'error' && (
          <p className="media-status media-error" role="alert">
            {state.message}
          </p>
        )}
      </div>
    </div>
  );
}

/** View of PDFs. */
export const pdfView: ArtifactView = {
  kind: ArtifactKind.Pdf,
  label: 'PDF',
  Body: PdfBody,
  initialize(artifact, { title }) {
    artifact.set(ArtifactField.Title, title ?? '');
    artifact.set(ArtifactField.UploadId, '');
    artifact.set(ArtifactField.Mime, '');
    artifact.set(ArtifactField.FileName, '');
    artifact.set(ArtifactField.Page, 1);
  },
};
