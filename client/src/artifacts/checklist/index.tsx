/** Checklists: decisions and action items, each with done, owner and due date, co-edited live. */
import * as Y from 'yjs';
import { ArtifactField, ArtifactKind } from '@worktable/shared';
import type { ArtifactView } from '../types.js';
import { ChecklistBody } from './ChecklistBody.js';

/** View of checklists. */
export const checklistView: ArtifactView = {
  kind: ArtifactKind.Checklist,
  label: 'Checklist',
  Body: ChecklistBody,
  initialize(artifact, { title }) {
    artifact.set(ArtifactField.Items, new Y.Array<Y.Map<unknown>>());
    if (title) artifact.set(ArtifactField.Title, title);
  },
};
