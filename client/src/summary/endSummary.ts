/**
 * The next steps on a table, read live from its document for the summary card: the items of
 * every checklist on the table; and the presenter's reflection from the scribe's notes. What counts as heard feedback and as a next step is defined once
 * in shared (tableSummary.ts), for this card and the record alike.
 */
import * as Y from 'yjs';
import {
  ArtifactField,
  ArtifactKind,
  TableRoot,
  nextStepsOf,
  notesByPhase,
  plainText,
  readArtifactMeta,
  readRichText,
  reflectionSteps,
  timelineOf,
  type Block,
  type ChecklistLine,
  type NextStep,
  type Protocol,
} from '@worktable/shared';
import { readItems } from '../artifacts/checklist/checklistModel.js';

/** The checklist items on `doc`, checklist by checklist. */
function checklistLines(doc: Y.Doc): ChecklistLine[] {
  const lines: ChecklistLine[] = [];
  for (const artifact of doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).values()) {
    if (!(artifact instanceof Y.Map) || readArtifactMeta(artifact)?.kind !== ArtifactKind.Checklist) continue;
    for (const item of readItems(artifact))
      lines.push({ text: item.text?.toString() ?? '', done: item.done, owner: item.owner, due: item.due });
  }
  return lines;
}

/** Every item with text on every checklist of the table, in the order they lie there. */
export function tableNextSteps(doc: Y.Doc): NextStep[] {
  return nextStepsOf(checklistLines(doc));
}

/** What the presenter said in one reflection phase, as the scribe noted it. */
export interface ReflectionNotes {
  title: string;
  /** The notes' paragraphs and list items, as plain text. */
  lines: string[];
}

/**
 * The presenter's reflection, read from the scribe's notes on `doc` under each reflection phase's
 * heading (the record reads the same). `protocol` is the run's protocol when the page knows it.
 */
export function tableReflection(doc: Y.Doc, protocol: Protocol | undefined): ReflectionNotes[] {
  if (!protocol) return [];
  const steps = reflectionSteps({
    rounds: protocol.rounds,
    phases: timelineOf(protocol).map(({ phase, round }) => ({ id: phase.id, title: phase.title, round })),
  });
  if (steps.length === 0) return [];
  const headings = new Set(steps.map((s) => s.heading));
  const written = new Map<string, Block[]>();
  for (const artifact of doc.getMap<Y.Map<unknown>>(TableRoot.Artifacts).values()) {
    if (!(artifact instanceof Y.Map) || typeof artifact.get(ArtifactField.NotesOf) !== 'string') continue;
    const content = artifact.get(ArtifactField.Content);
    if (!(content instanceof Y.XmlFragment)) continue;
    for (const [heading, blocks] of notesByPhase(readRichText(content), headings).phases)
      written.set(heading, [...(written.get(heading) ?? []), ...blocks]);
  }
  return steps.flatMap((step) => {
    const lines = (written.get(step.heading) ?? []).map((block) => plainText([block]).trim()).filter((line) => line.length > 0);
    return lines.length > 0 ? [{ title: step.title, lines }] : [];
  });
}
