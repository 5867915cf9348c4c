/**
 * What a group's table adds up to when its protocol is complete: the feedback heard, by type
 * (a few messages of each), and the next steps from every checklist on the table (what, who, by
 * when). Read from the table document; pure apart from reading Yjs.
 */
import * as Y from 'yjs';
import { ArtifactKind, FEEDBACK_TYPES, FEEDBACK_TYPE_INFO, TableRoot, readArtifactMeta, type FeedbackThread, type FeedbackType } from '@worktable/shared';
import { readItems } from '../artifacts/checklist/checklistModel.js';

/** Feedback of one type: how many threads, and the first words of a few. */
export interface HeardOfType {
  type: FeedbackType;
  label: string;
  count: number;
  samples: string[];
}

/** One next step. */
export interface NextStep {
  text: string;
  owner: string;
  due: string;
  done: boolean;
}

/** How many messages of each type the summary quotes. */
export const SAMPLES_PER_TYPE = 3;

/** The feedback heard, by type in the protocol's usual order (types nobody used left out). */
export function heardByType(threads: readonly FeedbackThread[]): HeardOfType[] {
  return FEEDBACK_TYPES.flatMap((type) => {
    const ofType = threads.filter((t) => t.type === type);
    if (ofType.length === 0) return [];
    const samples = ofType.slice(0, SAMPLES_PER_TYPE).map((t) => t.messages[0]?.text.trim() ?? t.quote ?? '').filter((text) => text.length > 0);
    return [{ type, label: FEEDBACK_TYPE_INFO[type].label, count: ofType.length, samples }];
  });
}

/** Every item with text on every checklist of the table, in the order they lie there. */
export function nextStepsOf(doc: Y.Doc): NextStep[] {
  const steps: NextStep[] = [];
  for (const artifact of doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).values()) {
    if (!(artifact instanceof Y.Map) || readArtifactMeta(artifact)?.kind !== ArtifactKind.Checklist) continue;
    for (const item of readItems(artifact)) {
      const text = item.text?.toString().trim() ?? '';
      if (text) steps.push({ text, owner: item.owner, due: item.due, done: item.done });
    }
  }
  return steps;
}
