/**
 * The document artifact: rich text co-edited live with TipTap, bound to the artifact's
 * Y.XmlFragment (`ArtifactField.Content`). The editor is loaded on demand (see `DocumentBody`).
 */
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import type { ArtifactView } from '../types.js';
import { DocumentBody } from './DocumentBody.js';

/** View of document artifacts. */
export const documentView: ArtifactView = {
  kind: ArtifactKind.Document,
  label: 'Document',
  Body: DocumentBody,
  initialize(artifact, { title }) {
    artifact.set(ArtifactField.Title, title ?? 'Untitled document');
    artifact.set(ArtifactField.Content, new Y.XmlFragment());
  },
};
