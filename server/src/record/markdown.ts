/**
 * The session record as Markdown, readable as plain text: the summary, the themes and harvest,
 * then each part of the agenda (see outline.ts for what is in it and in which order).
 */
import { FEEDBACK_TYPE_INFO, FEEDBACK_TYPES, HARVEST_KIND_LABELS } from '@worktable/shared';
import { artifactsMarkdown, escapeMarkdown as esc, markdownBlocks, markdownHeading as h } from './markdownBlocks.js';
import { summaryMarkdown } from './markdownSummary.js';
import type { ItemsOutline, PartOutline, PhaseOutline, RecordOutline, TableOutline, ThemeOutline } from './outlineTypes.js';

function themes(list: readonly ThemeOutline[]): string[] {
  const withCards = list.filter((t) => t.cards.length > 0);
  const empty = list.filter((t) => t.cards.length === 0 && t.name !== null);
  if (list.length === 0) return [];
  const out = [h(2, 'Themes and harvest'), ''];
  const named = list.some((t) => t.name !== null);
  for (const theme of withCards) {
    out.push(h(3, esc(theme.name ?? (named ? 'Not in a theme yet' : 'Harvest cards'))), '');
    for (const card of theme.cards) {
      const body = card.kind === 'shift' ? `We thought ${esc(card.text)}; it turns out ${esc(card.turnsOut ?? '')}` : esc(card.text);
      out.push(`- **${HARVEST_KIND_LABELS[card.kind]}** — ${body} *(${esc(card.from)} · ${esc(card.by)})*`);
    }
    out.push('');
  }
  if (empty.length > 0) out.push(`Themes with no cards yet: ${empty.map((t) => esc(t.name ?? '')).join(', ')}.`, '');
  return out;
}

/** Phases in the order they ended: runs of phases without notes as one list, a phase with notes under its own heading. */
function phases(list: readonly PhaseOutline[], level: number): string[] {
  const out: string[] = [];
  const line = (p: PhaseOutline) => `${esc(p.title)} · ended ${p.endedAt}`;
  list.forEach((p, i) => {
    if (p.notes.length === 0) {
      out.push(`- ${line(p)}`);
      if (list[i + 1]?.notes.length !== 0) out.push('');
      return;
    }
    out.push(h(level, `${esc(p.title)} · ended ${p.endedAt}`), '');
    out.push(...markdownBlocks(p.notes, level + 1), '');
  });
  return out;
}

function items(it: ItemsOutline, uploads: RecordOutline['uploads'], level: number, canvasName: string): string[] {
  const out: string[] = [];
  if (it.artifacts.length > 0) out.push(h(level, canvasName), '', ...artifactsMarkdown(it.artifacts, uploads, level + 1));
  if (it.threads.length > 0) {
    out.push(h(level, 'Feedback'), '');
    for (const type of FEEDBACK_TYPES) {
      const threads = it.threads.filter((t) => t.type === type);
      if (threads.length === 0) continue;
      out.push(h(level + 1, `${FEEDBACK_TYPE_INFO[type].label} (${threads.length})`), '');
      for (const t of threads) {
        out.push(`- On “${esc(t.on)}”${t.quote ? ` about “${esc(t.quote)}”` : ''}${t.resolved ? ' (resolved)' : ''}:`);
        for (const m of t.messages) out.push(`  - ${esc(m.author)}: ${esc(m.text)}`);
      }
      out.push('');
    }
  }
  if (it.votes.length > 0) {
    out.push(h(level, 'Votes'), '');
    for (const vote of it.votes) {
      out.push(h(level + 1, `${esc(vote.title)} (${vote.voters} voted, ${vote.dots} dots each)`), '');
      for (const r of vote.ranked) out.push(`- ${r.dots} · ${esc(r.item)}`);
      out.push('');
    }
  }
  return out;
}

/** Who held each role over which phases, one bullet per role. */
function roles(lines: readonly string[]): string[] {
  return lines.length > 0 ? ['**Roles:**', '', ...lines.map((l) => `- ${esc(l)}`), ''] : [];
}

function otherNotes(list: TableOutline['otherNotes'], level: number): string[] {
  return list.flatMap((n) => [h(level, esc(n.title)), '', ...markdownBlocks(n.blocks, level + 1), '']);
}

function table(t: TableOutline, uploads: RecordOutline['uploads']): string[] {
  const out = [h(3, esc(t.name)), ''];
  if (t.seated.length > 0) out.push(`Seated: ${t.seated.map(esc).join(', ')}${t.host ? ` (table host: ${esc(t.host)})` : ''}`, '');
  if (t.focus) out.push(`**Focusing question:** ${esc(t.focus)}`, '');
  out.push(...roles(t.roles), ...phases(t.phases, 4), ...otherNotes(t.otherNotes, 4), ...items(t.items, uploads, 4, 'On the table'));
  return out;
}

function part(p: PartOutline, uploads: RecordOutline['uploads']): string[] {
  if (p.kind === 'plenary') {
    return [
      h(2, `Plenary: ${esc(p.title)}`),
      '',
      ...roles(p.roles),
      ...phases(p.phases, 3),
      ...otherNotes(p.otherNotes, 3),
      ...items(p.items, uploads, 3, 'On the plenary canvas'),
    ];
  }
  const out = [h(2, esc(p.title)), ''];
  if (p.question) out.push(`Question: “${esc(p.question)}”`, '');
  if (p.startedAt) out.push(`Started ${p.startedAt}.`, '');
  for (const t of p.tables) out.push(...table(t, uploads));
  return out;
}

/** Renders the record as Markdown. */
export function renderMarkdown(outline: RecordOutline): string {
  const s = outline.summary;
  const out = [
    h(1, esc(outline.title)),
    '',
    `Worktable session record · ${esc(s.date)} · exported ${s.exportedAt}`,
    '',
    ...summaryMarkdown(s),
    ...themes(outline.themes),
  ];
  for (const p of outline.parts) out.push(...part(p, outline.uploads));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
