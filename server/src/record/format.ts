/** Small wording helpers the record's outline shares: durations, notes titles, item titles. */
import type { RecordArtifact } from './tableContent.js';

/** "5 min", "1 h 30 min", "45 s". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.round(ms / 1000)} s`;
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}` : `${minutes} min`;
}

/** The heading of a notes document ("Notes · Round 2" stays as is; others are prefixed). */
export function notesLabel(title: string): string {
  return /^notes/i.test(title) ? title : `Notes: ${title || 'untitled'}`;
}

/** How a vote or a feedback thread names an item: a sticky's text, else its title, else its kind. */
export function itemTitle(artifact: RecordArtifact | undefined): string {
  if (!artifact) return 'an item no longer on the canvas';
  const c = artifact.content;
  if (c.kind === 'sticky') return c.text || 'an empty sticky note';
  return 'title' in c && c.title ? c.title : c.kind;
}
