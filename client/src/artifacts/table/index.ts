/**
 * The data-table artifact (placeholder until the grid editor lands): shows the title.
 */
import { createElement } from 'react';
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import type { ArtifactView } from '../types.js';

/** View of data-table artifacts. */
export const dataTableView: ArtifactView = {
  kind: ArtifactKind.DataTable,
  label: 'Data table',
  Body: ({ artifact }) => createElement('p', null, String(artifact.get(ArtifactField.Title) ?? 'Data')),
  initialize(artifact, { title }) {
    artifact.set(ArtifactField.Title, title ?? 'Data');
    artifact.set(ArtifactField.RowIds, new Y.Array<string>());
    artifact.set(ArtifactField.ColumnIds, new Y.Array<string>());
    artifact.set(ArtifactField.Cells, new Y.Map<Y.Text>());
  },
};
