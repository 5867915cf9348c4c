/**
 * PDFs: on the canvas a card with the file name and an "Open PDF" link; opened large, the browser's
 * own viewer in an `<object type="application/pdf">` (no pdf.js: first-page thumbnails need it).
 */
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import { useStringField } from '../shared/useArtifactField.js';
import { useUploadUrl } from '../shared/useUploadUrl.js';
import type { ArtifactBodyProps, ArtifactView } from '../types.js';

function PdfBody({ artifact, sessionId, token, expanded }: ArtifactBodyProps) {
  const uploadId = useStringField(artifact, ArtifactField.UploadId);
  const fileName = useStringField(artifact, ArtifactField.FileName);
  const title = useStringField(artifact, ArtifactField.Title) || fileName || 'PDF';
  const state = useUploadUrl(sessionId, token, uploadId);
  const open =
    state.kind === 'ready' ? (
      <a className="button secondary pdf-open" href={state.url} target="_blank" rel="noopener noreferrer">
        Open PDF<span className="visually-hidden"> {title} in a new tab</span>
      </a>
    ) : null;
  return (
    <div className="media-body pdf-body">
      {expanded && state.kind === 'ready' ? (
        <object className="pdf-object" type="application/pdf" data={state.url} aria-label={title}>
          <p className="media-status">This browser cannot show PDFs inline. {open}</p>
        </object>
      ) : (
        <div className="pdf-card">
          <span className="pdf-icon" aria-hidden="true">
            PDF
          </span>
          <p className="pdf-title">{title}</p>
          {fileName && fileName !== title && <p className="muted pdf-file">{fileName}</p>}
          {state.kind === 'loading' && <p className="media-status">Loading…</p>}
          {state.kind === 'missing' && <p className="media-status">Uploading…</p>}
          {state.kind === 'error' && (
            <p className="media-status media-error" role="alert">
              {state.message}
            </p>
          )}
          {open}
        </div>
      )}
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
  },
};
