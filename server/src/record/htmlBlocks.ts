/**
 * HTML for what people wrote: escaped text, rich-text blocks (documents and notes) and the
 * artifacts of a canvas (images embedded as data URLs, only http(s) and mailto links), headings
 * starting at a given level. Stickies in a row of the listing are one list of notes.
 */
import { type Block, type Inline } from '@worktable/shared';
import type { ArtifactOutline, RecordOutline } from './outlineTypes.js';

const EMBEDDABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' } as Record<string, string>)[c]};`);
}

const e = escapeHtml;

/** An `<hN>` of `level` (at most 6) holding `html`. */
export function headingHtml(level: number, html: string): string {
  const n = Math.min(6, level);
  return `<h${n}>${html}</h${n}>`;
}

function inline(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => {
      let html = e(i.text).replace(/\n/g, '<br>');
      if (i.code) html = `<code>${html}</code>`;
      if (i.bold) html = `<strong>${html}</strong>`;
      if (i.italic) html = `<em>${html}</em>`;
      if (i.strike) html = `<s>${html}</s>`;
      if (i.href) html = `<a href="${e(i.href)}" rel="noopener noreferrer">${html}</a>`;
      return html;
    })
    .join('');
}

/** Rich-text blocks; a document's level-1 heading becomes a heading of level `base`. */
export function htmlBlocks(list: readonly Block[], base: number): string {
  return list
    .map((block) => {
      switch (block.type) {
        case 'heading':
          return headingHtml(base + block.level - 1, inline(block.inlines));
        case 'paragraph':
          return `<p>${inline(block.inlines)}</p>`;
        case 'quote':
          return `<blockquote><p>${inline(block.inlines)}</p></blockquote>`;
        case 'code':
          return `<pre><code>${e(block.inlines.map((i) => i.text).join(''))}</code></pre>`;
        case 'rule':
          return '<hr>';
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          return `<${tag}>${block.items.map((item) => `<li>${htmlBlocks(item, base)}</li>`).join('')}</${tag}>`;
        }
        case 'checklist':
          return `<ul class="checklist">${block.items.map((item) => `<li><span class="box" aria-label="${item.checked ? 'done' : 'open'}">${item.checked ? '☑' : '☐'}</span> ${htmlBlocks(item.blocks, base)}</li>`).join('')}</ul>`;
      }
    })
    .join('');
}

const byLine = (a: ArtifactOutline) => `<p class="by">${e(a.by)} · ${e(a.at)}${a.draft ? ' · draft' : ''}${a.reactions ? ` · <span class="reactions">${e(a.reactions)}</span>` : ''}</p>`;

/** One artifact other than a sticky, under a heading of `level`. */
function artifactHtml(a: ArtifactOutline, uploads: RecordOutline['uploads'], level: number): string {
  const by = byLine(a);
  const c = a.content;
  const h = (text: string) => headingHtml(level, e(text));
  switch (c.kind) {
    case 'document':
      return `<article class="artifact document">${h(`Document: ${c.title || 'Untitled'}`)}${by}<div class="body">${htmlBlocks(c.blocks, level + 1)}</div></article>`;
    case 'sticky':
      return `<article class="artifact sticky">${h('Sticky note')}${by}<p class="note">${e(c.text).replace(/\n/g, '<br>')}</p></article>`;
    case 'image': {
      const upload = c.uploadId ? uploads.get(c.uploadId) : undefined;
      const title = c.title || c.fileName || upload?.name || 'Image';
      const img = upload && EMBEDDABLE.has(upload.mime) ? `<img src="data:${upload.mime};base64,${Buffer.from(upload.bytes).toString('base64')}" alt="${e(title)}">` : '<p>(image not available)</p>';
      return `<article class="artifact image">${h(`Image: ${title}`)}${by}${img}</article>`;
    }
    case 'pdf': {
      const upload = c.uploadId ? uploads.get(c.uploadId) : undefined;
      return `<article class="artifact pdf">${h(`PDF: ${c.title || c.fileName || upload?.name || 'untitled'}`)}${by}<p>${upload ? `${Math.ceil(upload.bytes.byteLength / 1024)} KB, kept with the session` : '(file not available)'}</p></article>`;
    }
    case 'link':
      return `<article class="artifact link">${h(`Link: ${c.title || c.url || 'untitled'}`)}${by}<p>${c.url ? `<a class="url" href="${e(c.url)}" rel="noopener noreferrer">${e(c.url)}</a>` : '(the link was not http or https and is left out)'}</p></article>`;
    case 'table': {
      const [head = [], ...body] = c.rows;
      const width = Math.max(0, ...c.rows.map((r) => r.length));
      const cells = (row: string[], tag: 'th' | 'td') => Array.from({ length: width }, (_, i) => `<${tag}>${e(row[i] ?? '')}</${tag}>`).join('');
      const table = c.rows.length ? `<table><thead><tr>${cells(head, 'th')}</tr></thead><tbody>${body.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table>` : '<p>(empty)</p>';
      return `<article class="artifact table">${h(`Table: ${c.title || 'Untitled'}`)}${by}${table}</article>`;
    }
    case 'frame':
      return `<article class="artifact frame">${h(`Frame: ${c.title || 'Untitled'}`)}</article>`;
    case 'checklist':
      return `<article class="artifact checklist-artifact">${h(`Checklist: ${c.title || 'Decisions and actions'}`)}${by}${
        c.items.length
          ? `<ul class="checklist">${c.items.map((i) => `<li><span class="box" aria-label="${i.done ? 'done' : 'open'}">${i.done ? '☑' : '☐'}</span> ${e(i.text)}${i.owner ? ` — <strong>${e(i.owner)}</strong>` : ''}${i.due ? ` (by ${e(i.due)})` : ''}</li>`).join('')}</ul>`
          : '<p>(empty)</p>'
      }</article>`;
  }
}

/** The artifacts of a canvas in their order, consecutive stickies as one list of notes. */
export function artifactsHtml(artifacts: readonly ArtifactOutline[], uploads: RecordOutline['uploads'], level: number): string {
  const out: string[] = [];
  artifacts.forEach((a, i) => {
    if (a.content.kind !== 'sticky') return void out.push(artifactHtml(a, uploads, level));
    if (artifacts[i - 1]?.content.kind !== 'sticky') out.push(`${headingHtml(level, 'Sticky notes')}<ul class="stickies">`);
    out.push(`<li class="sticky"><p class="note">${e(a.content.text).replace(/\n/g, '<br>') || '(empty)'}</p>${byLine(a)}</li>`);
    if (artifacts[i + 1]?.content.kind !== 'sticky') out.push('</ul>');
  });
  return out.join('');
}
