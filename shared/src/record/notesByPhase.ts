/**
 * Scribe notes sorted under the phases they were written in. The app heads each phase in a notes
 * document (`phaseNotesHeading`); what follows a phase's heading belongs to that phase. Headings
 * with nothing under them and empty paragraphs are dropped, so the record never shows an empty
 * phase heading; whatever does not sit under an ended phase's heading (written before the first
 * heading, or under a phase still going) is kept apart, never lost.
 */
import type { Block } from './richText.js';
import { plainText } from './richText.js';

/** Notes split by phase heading. */
export interface NotesByPhase {
  /** Heading text → the blocks written under it (only headings that have some). */
  phases: Map<string, Block[]>;
  /** Everything else that has content, in document order. */
  rest: Block[];
}

const headingText = (block: Block): string | null =>
  block.type === 'heading'
    ? block.inlines
        .map((i) => i.text)
        .join('')
        .trim()
    : null;

/** Whether a block says anything (a rule or an empty paragraph does not). */
function hasContent(block: Block): boolean {
  if (block.type === 'rule') return false;
  return plainText([block]).trim().length > 0;
}

/** Drops empty paragraphs, and headings with no content before the next heading of their level or above. */
export function withoutEmptyHeadings(blocks: readonly Block[]): Block[] {
  const kept = blocks.filter((b) => b.type === 'heading' || b.type === 'rule' || hasContent(b));
  return kept.filter((block, i) => {
    if (block.type !== 'heading') return true;
    for (const next of kept.slice(i + 1)) {
      if (next.type === 'heading' && next.level <= block.level) return false;
      if (next.type !== 'heading' && hasContent(next)) return true;
    }
    return false;
  });
}

/** Splits notes blocks by the headings of ended phases (`known`); other blocks go to `rest`. */
export function notesByPhase(blocks: readonly Block[], known: ReadonlySet<string>): NotesByPhase {
  const sections = new Map<string, Block[]>();
  const rest: Block[] = [];
  let current: Block[] = rest;
  for (const block of blocks) {
    const heading = headingText(block);
    if (heading !== null && known.has(heading)) {
      current = sections.get(heading) ?? [];
      sections.set(heading, current);
      continue;
    }
    // Another heading at the level the app writes (or above) ends the phase's section.
    if (block.type === 'heading' && block.level <= 2 && current !== rest) current = rest;
    current.push(block);
  }
  const phases = new Map<string, Block[]>();
  for (const [heading, section] of sections) {
    const cleaned = withoutEmptyHeadings(section);
    if (cleaned.length > 0) phases.set(heading, cleaned);
  }
  return { phases, rest: withoutEmptyHeadings(rest) };
}
