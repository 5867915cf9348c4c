/**
 * React state of a data table's structure: its row and column ids and a version that changes
 * whenever a cell is created or removed. Cell text changes do not re-render the grid (each cell
 * input observes its own Y.Text).
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { ArtifactField } from '@worktable/shared';
import { readGridIds, type GridIds } from './tableGridModel.js';

/** The grid's structure, as the view renders it. */
export interface GridState extends GridIds {
  /** Bumped when cells are added or removed (so cells re-read their Y.Text). */
  cellsVersion: number;
}

function sameIds(a: GridIds, b: GridIds): boolean {
  return a.rows.join() === b.rows.join() && a.columns.join() === b.columns.join();
}

/** Subscribes to the structure of `artifact`'s grid. */
export function useGrid(artifact: Y.Map<unknown>): GridState {
  const [state, setState] = useState<GridState>(() => ({ ...readGridIds(artifact), cellsVersion: 0 }));

  useEffect(() => {
    let observed: Y.AbstractType<unknown>[] = [];
    const onStructure = () => {
      const ids = readGridIds(artifact);
      setState((prev) => (sameIds(prev, ids) ? prev : { ...ids, cellsVersion: prev.cellsVersion }));
    };
    const onCells = () => setState((prev) => ({ ...prev, cellsVersion: prev.cellsVersion + 1 }));
    const attach = () => {
      for (const type of observed) type.unobserve(type instanceof Y.Map ? onCells : onStructure);
      observed = [];
      for (const field of [ArtifactField.RowIds, ArtifactField.ColumnIds, ArtifactField.Cells]) {
        const type = artifact.get(field);
        if (type instanceof Y.Map) type.observe(onCells);
        else if (type instanceof Y.Array) type.observe(onStructure);
        else continue;
        observed.push(type as Y.AbstractType<unknown>);
      }
    };
    // A field replaced wholesale (e.g. by a late initial sync) needs observing afresh.
    const onArtifact = (event: Y.YMapEvent<unknown>) => {
      const fields: string[] = [ArtifactField.RowIds, ArtifactField.ColumnIds, ArtifactField.Cells];
      if (![...event.keysChanged].some((key) => fields.includes(key))) return;
      attach();
      onStructure();
      onCells();
    };
    attach();
    onStructure();
    artifact.observe(onArtifact);
    return () => {
      artifact.unobserve(onArtifact);
      for (const type of observed) type.unobserve(type instanceof Y.Map ? onCells : onStructure);
    };
  }, [artifact]);

  return state;
}
