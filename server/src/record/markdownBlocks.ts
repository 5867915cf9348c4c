/**
 * Markdown for what people wrote: escaped text, rich-text blocks (documents and notes) and the
 * artifacts of a canvas, headings starting at a given level. Stickies in a row of the listing are
 * one bullet list rather than a heading each.
 */
import type { Block, Inline } from '@worktable/shared';
import type { ArtifactOutline, RecordOutline } from './outlineTypes.js';

/** Escapes Markdown syntax in text people wrote (so it shows as written). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
}

/** The longest run of backticks in `text` (0 when none). */
function longestBacktickRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
}

/** A code fence that no backtick run in `text` can close: three backticks, or one more than its longest run. */
function markdownFence(text: string): string {
  return '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
}

/** Inline code showing `text` as written: delimited by more backticks than any run inside, padded when it starts or ends with one. */
function codeSpan(text: string): string {
  const flat = text.replace(/\n/g, ' ');
  const ticks = '`'.repeat(longestBacktickRun(flat) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/**
 * An address as a Markdown link destination or autolink: every character outside the plain URL
 * set (`<`, `>`, spaces, quotes, backslashes, backticks, non-ASCII) percent-encoded, so it cannot
 * close the `<…>` around it or break out of the link. Existing `%xx` escapes stay as they are.
 */
function markdownUrl(url: string): string {
  // A lone surrogate (one UTF-16 unit of a code point of its own) cannot be encoded: it becomes U+FFFD.
  return url.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) =>
    encodeURIComponent(c.length === 1 && /[\uD800-\uDFFF]/.test(c) ? '\uFFFD' : c),
  );
}

/** A Markdown heading of `level` (at most 6). */
export function markdownHeading(level: number, text: string): string {
  return `${'#'.repeat(Math.min(6, level))} ${text}`;
}

function inline(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => {
      let text = i.code ? codeSpan(i.text) : escapeMarkdown(i.text);
      if (i.bold) text = `**${text}**`;
      if (i.italic) text = `*${text}*`;
      if (i.strike) text = `~~${text}~~`;
      if (i.href) text = `[${text}](<${markdownUrl(i.href)}>)`;
      return text;
    })
    .join('');
}

/** Rich-text blocks; a document's level-1 heading becomes a heading of level `base`. */
export function markdownBlocks(list: readonly Block[], base: number, indent = '', separate = true): string[] {
  const out: string[] = [];
  for (const block of list) {
    if (separate && out.length > 0) out.push('');
    switch (block.type) {
      case 'heading':
        out.push(`${indent}${markdownHeading(base + block.level - 1, inline(block.inlines))}`);
        break;
      case 'paragraph':
        out.push(`${indent}${inline(block.inlines)}`);
        break;
      case 'quote':
        out.push(`${indent}> ${inline(block.inlines)}`);
        break;
      case 'code': {
        const code = block.inlines.map((i) => i.text).join('');
        const fence = markdownFence(code);
        out.push(`${indent}${fence}`, ...code.split('\n').map((l) => `${indent}${l}`), `${indent}${fence}`);
        break;
      }
      case 'rule':
        out.push(`${indent}---`);
        break;
      case 'list':
        block.items.forEach((item, n) => {
          const [first = '', ...rest] = markdownBlocks(item, base, `${indent}   `, false).map((l) => l.slice(indent.length + 3));
          out.push(`${indent}${block.ordered ? `${n + 1}.` : '-'} ${first}`, ...rest.map((l) => `${indent}   ${l}`));
        });
        break;
      case 'checklist':
        for (const item of block.items) {
          const [first = '', ...rest] = markdownBlocks(item.blocks, base, `${indent}   `, false).map((l) => l.slice(indent.length + 3));
          out.push(`${indent}- [${item.checked ? 'x' : ' '}] ${first}`, ...rest.map((l) => `${indent}   ${l}`));
        }
        break;
    }
  }
  return out;
}

/** One artifact other than a sticky, under a heading of `level`. */
function artifactMarkdown(a: ArtifactOutline, uploads: RecordOutline['uploads'], level: number): string[] {
  const by = `*${escapeMarkdown(a.by)}, ${a.at}${a.draft ? ', draft' : ''}${a.reactions ? ` · ${a.reactions}` : ''}*`;
  const c = a.content;
  switch (c.kind) {
    case 'document':
      return [
        markdownHeading(level, `Document: ${escapeMarkdown(c.title || 'Untitled')}`),
        by,
        '',
        ...markdownBlocks(c.blocks, level + 1),
        '',
      ];
    case 'sticky':
      return [markdownHeading(level, 'Sticky note'), by, '', ...c.text.split('\n').map((l) => `> ${escapeMarkdown(l)}`), ''];
    case 'image':
    case 'pdf': {
      const upload = c.uploadId ? uploads.get(c.uploadId) : undefined;
      return [
        markdownHeading(
          level,
          `${c.kind === 'image' ? 'Image' : 'PDF'}: ${escapeMarkdown(c.title || c.fileName || upload?.name || 'untitled')}`,
        ),
        by,
        '',
      ];
    }
    case 'link':
      return [
        markdownHeading(level, `Link: ${escapeMarkdown(c.title || c.url || 'untitled')}`),
        by,
        '',
        c.url ? `<${markdownUrl(c.url)}>` : '(the link was not http or https and is left out)',
        '',
      ];
    case 'table': {
      if (c.rows.length === 0) return [markdownHeading(level, `Table: ${escapeMarkdown(c.title || 'Untitled')}`), by, '', '(empty)', ''];
      const width = Math.max(...c.rows.map((r) => r.length));
      const cell = (v: string | undefined) => escapeMarkdown((v ?? '').replace(/\n/g, ' '));
      const [head = [], ...body] = c.rows;
      return [
        markdownHeading(level, `Table: ${escapeMarkdown(c.title || 'Untitled')}`),
        by,
        '',
        `| ${Array.from({ length: width }, (_, i) => cell(head[i])).join(' | ')} |`,
        `|${' --- |'.repeat(width)}`,
        ...body.map((row) => `| ${Array.from({ length: width }, (_, i) => cell(row[i])).join(' | ')} |`),
        '',
      ];
    }
    case 'frame':
      return [markdownHeading(level, `Frame: ${escapeMarkdown(c.title || 'Untitled')}`), ''];
    case 'checklist':
      return [
        markdownHeading(level, `Checklist: ${escapeMarkdown(c.title || 'Decisions and actions')}`),
        by,
        '',
        ...(c.items.length
          ? c.items.map(
              (i) =>
                `- [${i.done ? 'x' : ' '}] ${escapeMarkdown(i.text)}${i.owner ? ` — ${escapeMarkdown(i.owner)}` : ''}${i.due ? ` (by ${escapeMarkdown(i.due)})` : ''}`,
            )
          : ['(empty)']),
        '',
      ];
  }
}

/** A sticky as one bullet: its text (lines joined) and who wrote it when. */
function stickyBullet(a: ArtifactOutline): string {
  const text = a.content.kind === 'sticky' ? a.content.text : '';
  return `- ${escapeMarkdown(text.replace(/\s*\n\s*/g, ' / ')) || '(empty)'} — *${escapeMarkdown(a.by)}, ${a.at}${a.draft ? ', draft' : ''}${a.reactions ? ` · ${a.reactions}` : ''}*`;
}

/** The artifacts of a canvas in their order, consecutive stickies as one list. */
export function artifactsMarkdown(artifacts: readonly ArtifactOutline[], uploads: RecordOutline['uploads'], level: number): string[] {
  const out: string[] = [];
  for (const [i, a] of artifacts.entries()) {
    if (a.content.kind !== 'sticky') {
      out.push(...artifactMarkdown(a, uploads, level));
      continue;
    }
    if (artifacts[i - 1]?.content.kind !== 'sticky') out.push(markdownHeading(level, 'Sticky notes'), '');
    out.push(stickyBullet(a));
    if (artifacts[i + 1]?.content.kind !== 'sticky') out.push('');
  }
  return out;
}
