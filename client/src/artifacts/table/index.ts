/**
 * The data-table artifact: a small grid of co-edited cells with named columns. Storage layout and
 * every write are in `tableGridModel.ts`; the view is `DataTableBody`.
 */
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import type { ArtifactView } from '../types.js';
import { DataTableBody } from './DataTableBody.js';
import { initializeGrid } from './tableGridModel.js';

/** View of data-table artifacts. */
export const dataTableView: ArtifactView = {
  kind: ArtifactKind.DataTable,
  label: 'Data table',
  Body: DataTableBody,
  initialize(artifact, { title }) {
    // No title until someone types one: "Data" is the field's placeholder, not text to type after.
    artifact.set(ArtifactField.Title, title ?? '');
    // Y.Array<string> row and column ids and a Y.Map<Y.Text> of cells: 3 rows, columns A, B, C.
    initializeGrid(artifact);
  },
};
