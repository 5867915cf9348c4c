/** Images: an uploaded picture, fetched with the session token into a blob URL. */
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import { useStringField } from '../shared/useArtifactField.js';
import { useUploadUrl } from '../shared/useUploadUrl.js';
import type { ArtifactBodyProps, ArtifactView } from '../types.js';

function ImageBody({ artifact, sessionId, token }: ArtifactBodyProps) {
  const uploadId = useStringField(artifact, ArtifactField.UploadId);
  const givenTitle = useStringField(artifact, ArtifactField.Title);
  const fileName = useStringField(artifact, ArtifactField.FileName);
  const title = givenTitle || fileName || 'Image';
  const state = useUploadUrl(sessionId, token, uploadId);
  return (
    <div className="media-body">
      {state.kind === 'ready' && <img className="media-image" src={state.url} alt={title} draggable={false} />}
      {state.kind === 'loading' && <p className="media-status">Loading image…</p>}
      {state.kind === 'missing' && <p className="media-status">Uploading…</p>}
      {state.kind === 'error' && (
        <p className="media-status media-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}

/** View of images. */
export const imageView: ArtifactView = {
  kind: ArtifactKind.Image,
  label: 'Image',
  Body: ImageBody,
  initialize(artifact, { title }) {
    artifact.set(ArtifactField.Title, title ?? '');
    artifact.set(ArtifactField.UploadId, '');
    artifact.set(ArtifactField.Mime, '');
    artifact.set(ArtifactField.FileName, '');
  },
};
