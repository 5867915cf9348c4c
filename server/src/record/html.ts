/**
 * The session record as one self-contained HTML file: styles inline, images embedded as data
 * URLs, no scripts (a Content-Security-Policy in the file forbids them), every text escaped, and
 * only http(s)/mailto links. The summary, the themes and harvest, then each part of the agenda
 * (see outline.ts). Chromium prints the same HTML to PDF; a shared link serves it with links to
 * the other formats.
 */
import { FEEDBACK_TYPE_INFO, FEEDBACK_TYPES, HARVEST_KIND_LABELS } from '@worktable/shared';
import { ImageShelf, artifactsHtml, escapeHtml as e, headingHtml as h, htmlBlocks } from './htmlBlocks.js';
import { summaryHtml } from './htmlSummary.js';
import type { ItemsOutline, PartOutline, PhaseOutline, RecordOutline, TableOutline, ThemeOutline } from './outlineTypes.js';

function themes(list: readonly ThemeOutline[]): string {
  if (list.length === 0) return '';
  const named = list.some((t) => t.name !== null);
  const groups = list
    .filter((t) => t.cards.length > 0)
    .map(
      (theme) =>
        `${h(3, e(theme.name ?? (named ? 'Not in a theme yet' : 'Harvest cards')))}${theme.cards
          .map(
            (c) =>
              `<div class="harvest-card"><p><strong>${e(HARVEST_KIND_LABELS[c.kind])}</strong></p><p>${c.kind === 'shift' ? `We thought ${e(c.text)}; it turns out ${e(c.turnsOut ?? '')}` : e(c.text)}</p><p class="by">${e(c.from)} · ${e(c.by)}</p></div>`,
          )
          .join('')}`,
    )
    .join('');
  const empty = list.filter((t) => t.cards.length === 0 && t.name !== null);
  return `<section class="themes"><h2>Themes and harvest</h2>${groups}${empty.length > 0 ? `<p class="meta">Themes with no cards yet: ${empty.map((t) => e(t.name ?? '')).join(', ')}.</p>` : ''}</section>`;
}

/** Phases in the order they ended: runs of phases without notes as one list, a phase with notes under its own heading. */
function phases(list: readonly PhaseOutline[], level: number): string {
  const out: string[] = [];
  list.forEach((p, i) => {
    if (p.notes.length === 0) {
      if (i === 0 || list[i - 1]?.notes.length !== 0) out.push('<ul class="phases">');
      out.push(`<li><strong>${e(p.title)}</strong> · ended ${e(p.endedAt)}</li>`);
      if (list[i + 1]?.notes.length !== 0) out.push('</ul>');
      return;
    }
    out.push(
      `<section class="phase">${h(level, `${e(p.title)} <span class="meta">· ended ${e(p.endedAt)}</span>`)}<div class="notes">${htmlBlocks(p.notes, level + 1)}</div></section>`,
    );
  });
  return out.join('');
}

function items(it: ItemsOutline, images: ImageShelf, level: number, canvasName: string): string {
  const out: string[] = [];
  if (it.artifacts.length > 0) out.push(h(level, e(canvasName)), artifactsHtml(it.artifacts, images, level + 1));
  if (it.threads.length > 0) {
    out.push(h(level, 'Feedback'));
    for (const type of FEEDBACK_TYPES) {
      const threads = it.threads.filter((t) => t.type === type);
      if (threads.length === 0) continue;
      out.push(
        `${h(level + 1, `${e(FEEDBACK_TYPE_INFO[type].label)} (${threads.length})`)}<ul class="feedback">${threads
          .map(
            (t) =>
              `<li><p>On “${e(t.on)}”${t.quote ? ` about “${e(t.quote)}”` : ''}${t.resolved ? ' (resolved)' : ''}</p><ul>${t.messages.map((m) => `<li><strong>${e(m.author)}:</strong> ${e(m.text)}</li>`).join('')}</ul></li>`,
          )
          .join('')}</ul>`,
      );
    }
  }
  if (it.votes.length > 0) {
    out.push(h(level, 'Votes'));
    for (const vote of it.votes) {
      out.push(
        `${h(level + 1, `${e(vote.title)} (${vote.voters} voted, ${vote.dots} dots each)`)}<ol class="votes">${vote.ranked.map((r) => `<li><span class="dots">${r.dots}</span> ${e(r.item)}</li>`).join('')}</ol>`,
      );
    }
  }
  return out.join('');
}

/** Who held each role over which phases, one line per role. */
function roles(lines: readonly string[]): string {
  return lines.length > 0
    ? `<div class="roles"><p><strong>Roles</strong></p><ul>${lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul></div>`
    : '';
}

function otherNotes(list: TableOutline['otherNotes'], level: number): string {
  return list.map((n) => `<section class="notes">${h(level, e(n.title))}${htmlBlocks(n.blocks, level + 1)}</section>`).join('');
}

function table(t: TableOutline, images: ImageShelf): string {
  const seated =
    t.seated.length > 0
      ? `<p class="seating"><strong>Seated:</strong> ${e(t.seated.join(', '))}${t.host ? ` (table host: ${e(t.host)})` : ''}</p>`
      : '';
  const focus = t.focus ? `<p class="focus"><strong>Focusing question:</strong> ${e(t.focus)}</p>` : '';
  return `<section class="table-record"><h3>${e(t.name)}</h3>${seated}${focus}${roles(t.roles)}${phases(t.phases, 4)}${otherNotes(t.otherNotes, 4)}${items(t.items, images, 4, 'On the table')}</section>`;
}

function part(p: PartOutline, images: ImageShelf): string {
  if (p.kind === 'plenary') {
    return `<section class="part plenary"><h2>Plenary: ${e(p.title)}</h2>${roles(p.roles)}${phases(p.phases, 3)}${otherNotes(p.otherNotes, 3)}${items(p.items, images, 3, 'On the plenary canvas')}</section>`;
  }
  const question = p.question ? `<p class="question">Question: “${e(p.question)}”</p>` : '';
  const started = p.startedAt ? `<p class="meta">Started ${e(p.startedAt)}.</p>` : '';
  return `<section class="part round"><h2>${e(p.title)}</h2>${question}${started}${p.tables.map((t) => table(t, images)).join('')}</section>`;
}

/**
 * How the record prints (a browser's "Save as PDF", or the server's Chromium): no download links,
 * the full page width, each major section (themes, each part of the agenda) on a new page, no page
 * break inside an item or right after a heading, and every link's address written after it.
 */
const PRINT_STYLE = `@media print{@page{margin:16mm 14mm}
body{margin:0;max-width:none;font-size:11pt}.downloads{display:none}a{color:inherit;text-decoration:underline}
a[href^="http"]:not(.url)::after,a[href^="mailto:"]:not(.url)::after{content:" (" attr(href) ")";font-size:.85em;color:#5a6577;word-break:break-all}
.themes,.part{break-before:page}h1,h2,h3,h4,h5,h6{break-after:avoid;break-inside:avoid}
.artifact,.harvest-card,.stickies li,.feedback>li,.votes li,.heard>li,.next-steps li,.roles,.focus,tr,img,blockquote,pre{break-inside:avoid}}`;

const STYLE = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;max-width:860px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.8rem;margin:0 0 .25rem}h2{border-bottom:2px solid #d9dee7;padding-bottom:.25rem;margin-top:2.5rem}h3{margin-top:1.5rem}
.meta,.by{color:#5a6577;font-size:.85rem;margin:.1rem 0 .5rem}.artifact{border:1px solid #d9dee7;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0;break-inside:avoid}
.artifact h4,.artifact h5,.artifact h6{margin:0}.artifact img{max-width:100%;height:auto;border-radius:4px}
.stickies{list-style:none;padding:0;display:grid;gap:.5rem}.stickies li{background:#fff7c2;border:1px solid #eadf9a;border-radius:6px;padding:.5rem .75rem;break-inside:avoid}.stickies .note{margin:0}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #c9d0db;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#eef1f6}
.dots{display:inline-block;min-width:1.6rem;font-weight:700}.checklist{list-style:none;padding-left:0}.harvest-card{border-left:4px solid #3b6fd8;padding:.25rem .75rem;margin:.5rem 0;break-inside:avoid}
.harvest-card p{margin:.2rem 0}.question{font-style:italic}.reading{color:#3a4456;font-size:.9rem;border-left:3px solid #d9dee7;padding-left:.75rem}
.downloads{font-size:.9rem}.downloads a{margin-right:1rem}
blockquote{border-left:3px solid #c9d0db;margin:0;padding-left:.75rem;color:#3a4456}.roles p{margin:.5rem 0 0}.roles ul{margin-top:.25rem}
${PRINT_STYLE}`;

/** Links a shared record offers to its other formats. */
export interface HtmlDownloads {
  markdown: string;
  /** Null when the server cannot print PDFs: the page then says how to print it to PDF. */
  pdf: string | null;
}

/** What a shared record says instead of a PDF link when the server prints none. */
export const PRINT_TO_PDF_HINT = 'To keep a PDF, print this page (Ctrl+P or ⌘P) and choose “Save as PDF”.';

/** Renders the record as a self-contained HTML document (with `downloads`, links to the other formats under the title). */
export function renderHtml(outline: RecordOutline, downloads?: HtmlDownloads): string {
  const s = outline.summary;
  const images = new ImageShelf(outline.uploads);
  const pdf = downloads?.pdf ? `<a href="${e(downloads.pdf)}">PDF</a>` : `<span>${e(PRINT_TO_PDF_HINT)}</span>`;
  const links = downloads ? `<p class="downloads">Download: <a href="${e(downloads.markdown)}">Markdown</a>${pdf}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(outline.title)} · Worktable record</title><style>${STYLE}</style></head>
<body><header><h1>${e(outline.title)}</h1><p class="meta">Worktable session record · ${e(s.date)} · exported ${e(s.exportedAt)}</p>${links}</header>
${summaryHtml(s)}
${themes(outline.themes)}
${outline.parts.map((p) => part(p, images)).join('\n')}
</body></html>
`;
}
