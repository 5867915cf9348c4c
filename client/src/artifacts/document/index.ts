/**
 * The document artifact (placeholder until the TipTap editor lands): shows the title.
 */
import { createElement } from 'react';
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import type { ArtifactView } from '../types.js';

/** View of document artifacts. */
export const documentView: ArtifactView = {
  kind: ArtifactKind.Document,
  label: 'Document',
  Body: ({ artifact }) => createElement('p', null, String(artifact.get(ArtifactField.Title) ?? 'Untitled document')),
  initialize(artifact, { title }) {
    artifact.set(ArtifactField.Title, title ?? 'Untitled document');
    artifact.set(ArtifactField.Content, new Y.XmlFragment());
  },
};
