/**
 * The pieces of one part of the record, named and timed as the rendering's options say: the
 * items on a canvas (artifacts in reading order, feedback, closed votes) and the phases that
 * ended there with the scribe notes written in each, and who held each role over them.
 */
import {
  rankResults,
  inReadingOrder,
  type ClosedVote,
  type FeedbackThread,
  type HistoryLabel,
  type RecordOptions,
  notesByPhase,
  type Block,
} from '@worktable/shared';
import type { RecordClock } from './clock.js';
import { itemTitle, notesLabel } from './format.js';
import type { ArtifactOutline, ItemsOutline, PhaseOutline } from './outlineTypes.js';
import type { RecordPeople } from './people.js';
import { roleSpanLines } from './roleSpans.js';
import type { ArtifactContent, RecordArtifact } from './tableContent.js';

/** What every part of the outline is built with. */
export interface OutlineContext {
  people: RecordPeople;
  clock: RecordClock;
  options: RecordOptions;
}

/** Whether an artifact is a scribe notes document. */
export function isNotes(artifact: RecordArtifact): boolean {
  return artifact.content.kind === 'document' && artifact.content.notesOf !== null;
}

/** The content as the options allow: without names, a checklist's owners are left out (they name people). */
export function shownContent(content: ArtifactContent, context: OutlineContext): ArtifactContent {
  if (content.kind !== 'checklist' || context.options.names) return content;
  return { ...content, items: content.items.map((item) => ({ ...item, owner: null })) };
}

function artifactOutline(artifact: RecordArtifact, context: OutlineContext): ArtifactOutline {
  return {
    id: artifact.id,
    content: shownContent(artifact.content, context),
    by: context.people.name(artifact.createdBy, artifact.createdByName),
    at: context.clock.time(artifact.createdAt),
    draft: artifact.draft,
    reactions: artifact.reactions ?? '',
  };
}

/**
 * The items of one part: `artifacts` (notes documents aside, in reading order), `threads` and
 * `votes`; `canvas` is the whole canvas they lie on, so a thread or vote can name an item made in
 * another part.
 */
export function itemsOutline(
  canvas: readonly RecordArtifact[],
  part: { artifacts: readonly RecordArtifact[]; threads: readonly FeedbackThread[]; votes: readonly ClosedVote[] },
  context: OutlineContext,
): ItemsOutline {
  const byId = new Map(canvas.map((a) => [a.id, a]));
  return {
    artifacts: inReadingOrder(part.artifacts.filter((a) => !isNotes(a))).map((a) => artifactOutline(a, context)),
    threads: part.threads.map((t) => ({
      type: t.type,
      on: itemTitle(byId.get(t.artifactId)),
      quote: t.quote,
      resolved: t.resolved,
      messages: t.messages.map((m) => ({ author: context.people.name(m.authorId, m.authorName), text: m.text })),
    })),
    votes: part.votes.map((v) => ({
      title: v.title,
      voters: v.voters,
      dots: v.dots,
      ranked: rankResults(v.results, v.items).map((r) => ({ dots: r.dots, item: itemTitle(byId.get(r.itemId)) })),
    })),
  };
}

/**
 * The phases that ended in one part, in the order they ended, each with the notes written under
 * its heading in `notes` (the part's notes documents); `headingOf` gives the heading the app wrote
 * for a phase. Notes under no ended phase are returned apart, by document; `roles` says, per
 * role, who held it over which of these phases.
 */
export function phasesOutline(
  labels: readonly HistoryLabel[],
  notes: readonly RecordArtifact[],
  headingOf: (label: HistoryLabel) => string,
  context: OutlineContext,
): { phases: PhaseOutline[]; otherNotes: { title: string; blocks: Block[] }[]; roles: string[] } {
  const ordered = [...labels].sort((a, b) => a.endedAt - b.endedAt);
  const known = new Set(ordered.map(headingOf));
  const written = new Map<string, Block[]>();
  const otherNotes: { title: string; blocks: Block[] }[] = [];
  for (const doc of notes) {
    if (doc.content.kind !== 'document') continue;
    const split = notesByPhase(doc.content.blocks, known);
    for (const [heading, blocks] of split.phases) written.set(heading, [...(written.get(heading) ?? []), ...blocks]);
    if (split.rest.length > 0) otherNotes.push({ title: notesLabel(doc.content.title), blocks: split.rest });
  }
  const taken = new Set<string>();
  const phases = ordered.map((label) => {
    const heading = headingOf(label);
    // A phase heading shows once, under the first phase that ended with it.
    const again = taken.has(heading);
    const phaseNotes = again ? [] : (written.get(heading) ?? []);
    taken.add(heading);
    return {
      // A phase run again (the facilitator went Back) says so, instead of a second, unmarked copy.
      title: again ? `${label.phaseTitle} (again)` : label.phaseTitle,
      endedAt: context.clock.time(label.endedAt),
      notes: phaseNotes,
    };
  });
  return { phases, otherNotes, roles: roleSpanLines(ordered, (id) => context.people.name(id)) };
}
