/**
 * The next steps on a table, read live from its document for the summary card: the items of
 * every checklist on the table. What counts as heard feedback and as a next step is defined once
 * in shared (tableSummary.ts), for this card and the record alike.
 */
import * as Y from 'yjs';
import { ArtifactKind, TableRoot, nextStepsOf, readArtifactMeta, type ChecklistLine, type NextStep } from '@worktable/shared';
import { readItems } from '../artifacts/checklist/checklistModel.js';

/** The checklist items on `doc`, checklist by checklist. */
function checklistLines(doc: Y.Doc): ChecklistLine[] {
  const lines: ChecklistLine[] = [];
  for (const artifact of doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).values()) {
    if (!(artifact instanceof Y.Map) || readArtifactMeta(artifact)?.kind !== ArtifactKind.Checklist) continue;
    for (const item of readItems(artifact)) lines.push({ text: item.text?.toString() ?? '', done: item.done, owner: item.owner, due: item.due });
  }
  return lines;
}

/** Every item with text on every checklist of the table, in the order they lie there. */
export function tableNextSteps(doc: Y.Doc): NextStep[] {
  return nextStepsOf(checklistLines(doc));
}
