/**
 * HTML for what people wrote: escaped text, rich-text blocks (documents and notes) and the
 * artifacts of a canvas (images embedded as data URLs, only http(s) and mailto links), headings
 * starting at a given level. Stickies in a row of the listing are one list of notes.
 */
import type { Block, Inline } from '@worktable/shared';
import type { ArtifactOutline, RecordOutline } from './outlineTypes.js';
import { EMBEDDABLE_IMAGES } from './recordData.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' } as Record<string, string>)[c]};`,
  );
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
        default:
          return '';
      }
    })
    .join('');
}

const byLine = (a: ArtifactOutline) =>
  `<p class="by">${e(a.by)} · ${e(a.at)}${a.draft ? ' · draft' : ''}${a.reactions ? ` · <span class="reactions">${e(a.reactions)}</span>` : ''}</p>`;

/** One artifact other than a sticky, under a heading of `level`. */
function artifactHtml(a: ArtifactOutline, images: ImageShelf, level: number): string {
  const by = byLine(a);
  const c = a.content;
  const h = (text: string) => headingHtml(level, e(text));
  switch (c.kind) {
    case 'document':
      return `<article class="artifact document">${h(`Document: ${c.title || 'Untitled'}`)}${by}<div class="body">${htmlBlocks(c.blocks, level + 1)}</div></article>`;
    case 'sticky':
      return `<article class="artifact sticky">${h('Sticky note')}${by}<p class="note">${e(c.text).replace(/\n/g, '<br>')}</p></article>`;
    case 'image': {
      const title = c.title || c.fileName || images.nameOf(c.uploadId) || 'Image';
      return `<article class="artifact image">${h(`Image: ${title}`)}${by}${images.imageHtml(c.uploadId, title)}</article>`;
    }
    case 'pdf': {
      const upload = c.uploadId ? images.uploads.get(c.uploadId) : undefined;
      return `<article class="artifact pdf">${h(`PDF: ${c.title || c.fileName || upload?.name || 'untitled'}`)}${by}<p>${upload ? `${Math.ceil(upload.size / 1024)} KB, kept with the session` : '(file not available)'}</p></article>`;
    }
    case 'link':
      return `<article class="artifact link">${h(`Link: ${c.title || c.url || 'untitled'}`)}${by}<p>${c.url ? `<a class="url" href="${e(c.url)}" rel="noopener noreferrer">${e(c.url)}</a>` : '(the link was not http or https and is left out)'}</p></article>`;
    case 'table': {
      const [head = [], ...body] = c.rows;
      const width = Math.max(0, ...c.rows.map((r) => r.length));
      const cells = (row: string[], tag: 'th' | 'td') =>
        Array.from({ length: width }, (_, i) => `<${tag}>${e(row[i] ?? '')}</${tag}>`).join('');
      const table = c.rows.length
        ? `<table><thead><tr>${cells(head, 'th')}</tr></thead><tbody>${body.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table>`
        : '<p>(empty)</p>';
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
export function artifactsHtml(artifacts: readonly ArtifactOutline[], images: ImageShelf, level: number): string {
  const out: string[] = [];
  for (const [i, a] of artifacts.entries()) {
    if (a.content.kind !== 'sticky') {
      out.push(artifactHtml(a, images, level));
      continue;
    }
    if (artifacts[i - 1]?.content.kind !== 'sticky') out.push(`${headingHtml(level, 'Sticky notes')}<ul class="stickies">`);
    out.push(`<li class="sticky"><p class="note">${e(a.content.text).replace(/\n/g, '<br>') || '(empty)'}</p>${byLine(a)}</li>`);
    if (artifacts[i + 1]?.content.kind !== 'sticky') out.push('</ul>');
  }
  return out.join('');
}

/**
 * The uploads of one HTML record and the images it embedded so far: each image is embedded once,
 * where it first appears; later cards showing it point there, so one large image on many cards
 * costs its bytes once.
 */
export class ImageShelf {
  private readonly shown = new Set<string>();

  constructor(readonly uploads: RecordOutline['uploads']) {}

  /** The upload's file name, if the record has it. */
  nameOf(uploadId: string | null | undefined): string | undefined {
    return uploadId ? this.uploads.get(uploadId)?.name : undefined;
  }

  /** The markup showing image `uploadId` (titled `title`): embedded the first time, a pointer after. */
  imageHtml(uploadId: string | null | undefined, title: string): string {
    const upload = uploadId ? this.uploads.get(uploadId) : undefined;
    if (!uploadId || !upload || !EMBEDDABLE_IMAGES.has(upload.mime)) return '<p>(image not available)</p>';
    const anchor = `image-${e(uploadId)}`;
    if (this.shown.has(uploadId)) return `<p class="same-image">The same image as <a href="#${anchor}">shown above</a>.</p>`;
    if (!upload.bytes)
      return `<p>(${Math.ceil(upload.size / 1024)} KB image left out to keep this record small; it is kept with the session)</p>`;
    this.shown.add(uploadId);
    return `<img id="${anchor}" src="data:${upload.mime};base64,${Buffer.from(upload.bytes).toString('base64')}" alt="${e(title)}">`;
  }
}
