/** The session record as Markdown: readable as plain text, every piece of content included. */
import { FEEDBACK_TYPE_INFO, FEEDBACK_TYPES, HARVEST_KIND_LABELS, groupHarvest, rankResults, type HistoryLabel } from '@worktable/shared';
import type { SessionRecordData } from './collect.js';
import { describeRoles, formatDate, formatDuration, nameOf, notesLabel } from './format.js';
import type { Block, Inline } from './richText.js';
import type { RecordArtifact } from './tableContent.js';

/** Escapes Markdown syntax in text people wrote (so it shows as written). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
}

function inline(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => {
      let text = i.code ? `\`${i.text.replace(/`/g, 'ˋ')}\`` : escapeMarkdown(i.text);
      if (i.bold) text = `**${text}**`;
      if (i.italic) text = `*${text}*`;
      if (i.strike) text = `~~${text}~~`;
      if (i.href) text = `[${text}](<${i.href}>)`;
      return text;
    })
    .join('');
}

function blocks(list: readonly Block[], indent = '', separate = true): string[] {
  const out: string[] = [];
  for (const block of list) {
    if (separate && out.length > 0) out.push('');
    switch (block.type) {
      case 'heading':
        out.push(`${indent}${'#'.repeat(Math.min(6, block.level + 3))} ${inline(block.inlines)}`);
        break;
      case 'paragraph':
        out.push(`${indent}${inline(block.inlines)}`);
        break;
      case 'quote':
        out.push(`${indent}> ${inline(block.inlines)}`);
        break;
      case 'code':
        out.push(`${indent}\`\`\``, ...block.inlines.map((i) => i.text).join('').split('\n').map((l) => `${indent}${l}`), `${indent}\`\`\``);
        break;
      case 'rule':
        out.push(`${indent}---`);
        break;
      case 'list':
        block.items.forEach((item, n) => {
          const [first = '', ...rest] = blocks(item, `${indent}   `, false).map((l) => l.slice(indent.length + 3));
          out.push(`${indent}${block.ordered ? `${n + 1}.` : '-'} ${first}`, ...rest.map((l) => `${indent}   ${l}`));
        });
        break;
      case 'checklist':
        for (const item of block.items) {
          const [first = '', ...rest] = blocks(item.blocks, `${indent}   `, false).map((l) => l.slice(indent.length + 3));
          out.push(`${indent}- [${item.checked ? 'x' : ' '}] ${first}`, ...rest.map((l) => `${indent}   ${l}`));
        }
        break;
    }
  }
  return out;
}

function artifact(a: RecordArtifact, data: SessionRecordData): string[] {
  const by = `*${escapeMarkdown(a.createdByName || 'Someone')}, ${formatDate(a.createdAt)}${a.draft ? ', draft' : ''}*`;
  const c = a.content;
  switch (c.kind) {
    case 'document':
      return [`#### ${c.notesOf ? notesLabel(c.title) : `Document: ${escapeMarkdown(c.title || 'Untitled')}`}`, by, '', ...blocks(c.blocks), ''];
    case 'sticky':
      return [`#### Sticky note`, by, '', ...c.text.split('\n').map((l) => `> ${escapeMarkdown(l)}`), ''];
    case 'image':
    case 'pdf': {
      const upload = c.uploadId ? data.uploads.get(c.uploadId) : undefined;
      return [`#### ${c.kind === 'image' ? 'Image' : 'PDF'}: ${escapeMarkdown(c.title || c.fileName || upload?.name || 'untitled')}`, by, ''];
    }
    case 'link':
      return [`#### Link: ${escapeMarkdown(c.title || c.url || 'untitled')}`, by, '', c.url ? `<${c.url}>` : '(the link was not http or https and is left out)', ''];
    case 'table': {
      if (c.rows.length === 0) return [`#### Table: ${escapeMarkdown(c.title || 'Untitled')}`, by, '', '(empty)', ''];
      const width = Math.max(...c.rows.map((r) => r.length));
      const cell = (v: string | undefined) => escapeMarkdown((v ?? '').replace(/\n/g, ' '));
      const [head = [], ...body] = c.rows;
      return [
        `#### Table: ${escapeMarkdown(c.title || 'Untitled')}`,
        by,
        '',
        `| ${Array.from({ length: width }, (_, i) => cell(head[i])).join(' | ')} |`,
        `|${' --- |'.repeat(width)}`,
        ...body.map((row) => `| ${Array.from({ length: width }, (_, i) => cell(row[i])).join(' | ')} |`),
        '',
      ];
    }
    case 'frame':
      return [`#### Frame: ${escapeMarkdown(c.title || 'Untitled')}`, ''];
    case 'checklist':
      return [
        `#### Checklist: ${escapeMarkdown(c.title || 'Decisions and actions')}`,
        by,
        '',
        ...(c.items.length ? c.items.map((i) => `- [${i.done ? 'x' : ' '}] ${escapeMarkdown(i.text)}${i.owner ? ` — ${escapeMarkdown(i.owner)}` : ''}${i.due ? ` (by ${escapeMarkdown(i.due)})` : ''}`) : ['(empty)']),
        '',
      ];
  }
}

function phaseLine(label: HistoryLabel, data: SessionRecordData): string {
  const round = label.round > 0 ? `Round ${label.round} · ` : '';
  return `- ${round}${escapeMarkdown(label.phaseTitle)} (ended ${formatDate(label.endedAt)}): ${escapeMarkdown(describeRoles(label.roles, data)) || 'no roles'}`;
}

/** Renders the record as Markdown. */
export function renderMarkdown(data: SessionRecordData): string {
  const out: string[] = [
    `# ${escapeMarkdown(data.title)}`,
    '',
    `Worktable session record · ${formatDate(data.createdAt)} · exported ${formatDate(data.exportedAt)}`,
    '',
    '## Participants',
    '',
    ...data.people.map((p) => `- ${escapeMarkdown(p.name)} (${p.role}${p.organization ? `, ${escapeMarkdown(p.organization)}` : ''}${p.systemRole ? `, ${escapeMarkdown(p.systemRole)}` : ''})`),
    '',
    `## Protocol: ${escapeMarkdown(data.protocol.title)}`,
    '',
    escapeMarkdown(data.protocol.summary),
    '',
    ...data.protocol.phases.map((p, i) => `${i + 1}. **${escapeMarkdown(p.title)}** (${formatDuration(p.durationMs)}${data.protocol.rounds > 1 && p.round > 0 ? `, round ${p.round}` : ''})${p.prompt ? ` — ${escapeMarkdown(p.prompt)}` : ''}`),
    '',
  ];
  for (const table of data.tables) {
    out.push(`## ${escapeMarkdown(table.name)}`, '');
    for (const seat of table.seating) {
      const who = seat.members.map((id) => escapeMarkdown(nameOf(id, data))).join(', ') || 'nobody';
      const host = seat.host ? ` (table host: ${escapeMarkdown(nameOf(seat.host, data))})` : '';
      out.push(`${seat.round > 0 ? `Round ${seat.round}` : 'At the table'}: ${who}${host}`, '');
    }
    if (table.phases.length > 0) out.push('### Phases and roles', '', ...table.phases.map((l) => phaseLine(l, data)), '');
    const notes = table.content.artifacts.filter((a) => a.content.kind === 'document' && a.content.notesOf);
    const work = table.content.artifacts.filter((a) => !(a.content.kind === 'document' && a.content.notesOf));
    if (notes.length > 0) out.push('### Scribe notes', '', ...notes.flatMap((a) => artifact(a, data)));
    out.push('### On the table', '', ...(work.length > 0 ? work.flatMap((a) => artifact(a, data)) : ['(nothing)', '']));
    if (table.content.threads.length > 0) {
      out.push('### Feedback', '');
      const titleOf = new Map(table.content.artifacts.map((a) => [a.id, 'title' in a.content && a.content.title ? a.content.title : a.content.kind]));
      for (const type of FEEDBACK_TYPES) {
        const threads = table.content.threads.filter((t) => t.type === type);
        if (threads.length === 0) continue;
        out.push(`#### ${FEEDBACK_TYPE_INFO[type].label} (${threads.length})`, '');
        for (const t of threads) {
          out.push(`- On “${escapeMarkdown(titleOf.get(t.artifactId) ?? 'an artifact')}”${t.quote ? ` about “${escapeMarkdown(t.quote)}”` : ''}${t.resolved ? ' (resolved)' : ''}:`);
          for (const m of t.messages) out.push(`  - ${escapeMarkdown(m.authorName)}: ${escapeMarkdown(m.text)}`);
        }
        out.push('');
      }
    }
    if (table.votes.length > 0) {
      out.push('### Votes', '');
      const titleOf = new Map(table.content.artifacts.map((a) => [a.id, a.content.kind === 'sticky' ? a.content.text : 'title' in a.content && a.content.title ? a.content.title : a.content.kind]));
      for (const vote of table.votes) {
        out.push(`#### ${escapeMarkdown(vote.title)} (${vote.voters} voted, ${vote.dots} dots each)`, '');
        for (const r of rankResults(vote.results, vote.items)) out.push(`- ${r.dots} · ${escapeMarkdown(titleOf.get(r.itemId) ?? r.itemId)}`);
        out.push('');
      }
    }
  }
  if (data.harvest.length > 0) {
    out.push('## Harvest', '');
    for (const group of groupHarvest(data.harvest)) {
      out.push(`### ${escapeMarkdown(group.tableName)} · Round ${group.round}`, '');
      for (const card of group.cards) {
        const body = card.kind === 'shift' ? `We thought ${escapeMarkdown(card.text)}; it turns out ${escapeMarkdown(card.turnsOut ?? '')}` : escapeMarkdown(card.text);
        out.push(`- **${HARVEST_KIND_LABELS[card.kind]}** — ${body} (${escapeMarkdown(card.byName)})`);
      }
      out.push('');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
