/** Links: a title and an http(s) URL, opened in a new tab. Editors can change both when it is open large. */
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import { editLocally } from '../../canvas/tableModel.js';
import { useStringField } from '../shared/useArtifactField.js';
import type { ArtifactBodyProps, ArtifactView } from '../types.js';
import { displayHost, safeHttpUrl } from './url.js';

function LinkBody({ artifact, doc, readOnly, expanded }: ArtifactBodyProps) {
  const url = safeHttpUrl(useStringField(artifact, ArtifactField.Url));
  const title = useStringField(artifact, ArtifactField.Title) || (url ? displayHost(url) : 'Link');
  return (
    <div className="link-card">
      <span className="link-icon" aria-hidden="true">
        ↗
      </span>
      <div className="link-text">
        <p className="link-title">{title}</p>
        {url ? (
          <a className="link-url" href={url} target="_blank" rel="noopener noreferrer">
            {displayHost(url)}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        ) : (
          <p className="artifact-missing">This link has no valid address.</p>
        )}
      </div>
      {expanded && !readOnly && (
        <form className="link-edit" onSubmit={(e) => e.preventDefault()}>
          <label>
            Title
            <input
              type="text"
              defaultValue={title}
              maxLength={200}
              onChange={(e) => editLocally(doc, () => artifact.set(ArtifactField.Title, e.currentTarget.value.slice(0, 200)))}
            />
          </label>
        </form>
      )}
    </div>
  );
}

/** View of links. */
export const linkView: ArtifactView = {
  kind: ArtifactKind.Link,
  label: 'Link',
  Body: LinkBody,
  initialize(artifact, { title }) {
    artifact.set(ArtifactField.Title, title ?? '');
    artifact.set(ArtifactField.Url, '');
  },
};
