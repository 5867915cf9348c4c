/**
 * What the record's summary leads with. For a session with one table (a Tuning, a
 * Consultancy…): what that table came to — the presenter's focusing question, what the group
 * heard by feedback type, and the presenter's reflection (the notes written under the reflection
 * phase's heading; when there are none, the feedback written while it ran). For every session:
 * the next steps on the checklists (what, who, by when). What counts as heard and as a next step
 * is defined once in shared (tableSummary.ts), as the "What we did" card shows it in the browser.
 */
import {
  heardByType,
  nextStepsOf,
  notesByPhase,
  reflectionSteps,
  type Block,
  type FeedbackThread,
  type HistoryLabel,
} from '@worktable/shared';
import { isNotes, shownContent, type OutlineContext } from './itemsOutline.js';
import type { NextStepOutline, ReflectionOutline, TableSummaryOutline } from './outlineTypes.js';
import type { RecordTable, SessionRecordData } from './recordData.js';
import type { RecordArtifact } from './tableContent.js';

/** What the notes documents among `artifacts` hold under each of `headings`. */
function notesUnder(artifacts: readonly RecordArtifact[], headings: ReadonlySet<string>): Map<string, Block[]> {
  const written = new Map<string, Block[]>();
  for (const doc of artifacts.filter(isNotes)) {
    if (doc.content.kind !== 'document') continue;
    for (const [heading, blocks] of notesByPhase(doc.content.blocks, headings).phases)
      written.set(heading, [...(written.get(heading) ?? []), ...blocks]);
  }
  return written;
}

/** The feedback messages written while the phase at `index` last ran (between the end of the phase before it and its own end), one paragraph each. */
function feedbackDuring(
  index: number,
  labels: readonly HistoryLabel[],
  threads: readonly FeedbackThread[],
  context: OutlineContext,
): Block[] {
  const ordered = [...labels].sort((a, b) => a.endedAt - b.endedAt);
  const at = ordered.findLastIndex((l) => l.phaseIndex === index);
  const last = ordered[at];
  if (!last) return [];
  const from = ordered[at - 1]?.endedAt ?? Number.NEGATIVE_INFINITY;
  const to = last.endedAt;
  return threads
    .flatMap((t) => t.messages)
    .filter((m) => m.at > from && m.at <= to && m.text.trim().length > 0)
    .sort((a, b) => a.at - b.at)
    .map((m) => ({
      type: 'paragraph',
      inlines: [{ text: `${context.people.name(m.authorId, m.authorName)}: `, bold: true }, { text: m.text.trim() }],
    }));
}

/** The presenter's reflection at `table`, per reflection phase that has something; null when the protocol has no reflection phase. */
function reflectionOf(table: RecordTable, data: SessionRecordData, context: OutlineContext): ReflectionOutline[] | null {
  const steps = reflectionSteps(data.protocol);
  if (steps.length === 0) return null;
  const written = notesUnder(table.content.artifacts, new Set(steps.map((s) => s.heading)));
  return steps.flatMap((step) => {
    const notes = written.get(step.heading) ?? [];
    const blocks = notes.length > 0 ? notes : feedbackDuring(step.index, table.phases, table.content.threads, context);
    return blocks.length > 0 ? [{ title: step.title, blocks }] : [];
  });
}

/** What the one table of a session came to; null for a convening or a session with several tables. */
export function tableSummaryOutline(data: SessionRecordData, context: OutlineContext): TableSummaryOutline | null {
  const [table, ...others] = data.tables;
  if (data.agenda.length > 0 || !table || others.length > 0) return null;
  return {
    focus: data.control?.runs[table.id]?.focus?.text ?? null,
    heard: heardByType(table.content.threads),
    reflection: reflectionOf(table, data, context),
  };
}

/** The next steps on the checklists of `artifacts` (owners left out when names are), each marked as from `from`. */
function stepsOn(artifacts: readonly RecordArtifact[], from: string | null, context: OutlineContext): NextStepOutline[] {
  const lines = artifacts.flatMap((a) => {
    const content = shownContent(a.content, context);
    return content.kind === 'checklist' ? content.items : [];
  });
  return nextStepsOf(lines).map((step) => ({ ...step, from }));
}

/**
 * The next steps on every table's checklists, in table order, then the plenary's. With one table
 * (`single`), its steps name no table.
 */
export function nextStepsOutline(data: SessionRecordData, context: OutlineContext, single: boolean): NextStepOutline[] {
  return [
    ...data.tables.flatMap((t) => stepsOn(t.content.artifacts, single ? null : t.name, context)),
    ...stepsOn(data.plenary.artifacts, 'Plenary', context),
  ];
}
