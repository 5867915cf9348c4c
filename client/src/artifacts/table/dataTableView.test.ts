import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ArtifactField } from '@worktable/shared';
import { dataTableView } from './index.js';

describe('data table view', () => {
  it('DT1 a new table has no title, so typing one does not land after a placeholder-like "Data"', () => {
    const doc = new Y.Doc();
    const artifact = new Y.Map<unknown>();
    doc.getMap('artifacts').set('t1', artifact);
    dataTableView.initialize(artifact, {});
    expect(artifact.get(ArtifactField.Title)).toBe('');
    const named = new Y.Map<unknown>();
    doc.getMap('artifacts').set('t2', named);
    dataTableView.initialize(named, { title: 'Rubric' });
    expect(named.get(ArtifactField.Title)).toBe('Rubric');
  });
});
