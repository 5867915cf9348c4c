/**
 * The session record as one self-contained HTML file: styles inline, images embedded as data
 * URLs, no scripts (a Content-Security-Policy in the file forbids them), every text escaped, and
 * only http(s)/mailto links. Chromium prints the same HTML to PDF.
 */
import { FEEDBACK_TYPE_INFO, FEEDBACK_TYPES, HARVEST_KIND_LABELS, groupHarvest, rankResults } from '@worktable/shared';
import type { RecordTable, SessionRecordData } from './collect.js';
import { describeRoles, formatDate, formatDuration, nameOf, notesLabel } from './format.js';
import type { Block, Inline } from './richText.js';
import type { RecordArtifact } from './tableContent.js';

const EMBEDDABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' } as Record<string, string>)[c]};`);
}

const e = escapeHtml;

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

function blocks(list: readonly Block[]): string {
  return list
    .map((block) => {
      switch (block.type) {
        case 'heading': {
          const level = Math.min(6, block.level + 3);
          return `<h${level}>${inline(block.inlines)}</h${level}>`;
        }
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
          return `<${tag}>${block.items.map((item) => `<li>${blocks(item)}</li>`).join('')}</${tag}>`;
        }
        case 'checklist':
          return `<ul class="checklist">${block.items.map((item) => `<li><span class="box" aria-label="${item.checked ? 'done' : 'open'}">${item.checked ? '☑' : '☐'}</span> ${blocks(item.blocks)}</li>`).join('')}</ul>`;
      }
    })
    .join('');
}

function artifact(a: RecordArtifact, data: SessionRecordData): string {
  const by = `<p class="by">${e(a.createdByName || 'Someone')} · ${e(formatDate(a.createdAt))}${a.draft ? ' · draft' : ''}</p>`;
  const c = a.content;
  switch (c.kind) {
    case 'document':
      return `<article class="artifact document"><h4>${e(c.notesOf ? notesLabel(c.title) : `Document: ${c.title || 'Untitled'}`)}</h4>${by}<div class="body">${blocks(c.blocks)}</div></article>`;
    case 'sticky':
      return `<article class="artifact sticky"><h4>Sticky note</h4>${by}<p class="note">${e(c.text).replace(/\n/g, '<br>')}</p></article>`;
    case 'image': {
      const upload = c.uploadId ? data.uploads.get(c.uploadId) : undefined;
      const title = c.title || c.fileName || upload?.name || 'Image';
      const img = upload && EMBEDDABLE.has(upload.mime) ? `<img src="data:${upload.mime};base64,${Buffer.from(upload.bytes).toString('base64')}" alt="${e(title)}">` : '<p>(image not available)</p>';
      return `<article class="artifact image"><h4>Image: ${e(title)}</h4>${by}${img}</article>`;
    }
    case 'pdf': {
      const upload = c.uploadId ? data.uploads.get(c.uploadId) : undefined;
      return `<article class="artifact pdf"><h4>PDF: ${e(c.title || c.fileName || upload?.name || 'untitled')}</h4>${by}<p>${upload ? `${Math.ceil(upload.bytes.byteLength / 1024)} KB, kept with the session` : '(file not available)'}</p></article>`;
    }
    case 'link':
      return `<article class="artifact link"><h4>Link: ${e(c.title || c.url || 'untitled')}</h4>${by}<p>${c.url ? `<a href="${e(c.url)}" rel="noopener noreferrer">${e(c.url)}</a>` : '(the link was not http or https and is left out)'}</p></article>`;
    case 'table': {
      const [head = [], ...body] = c.rows;
      const width = Math.max(0, ...c.rows.map((r) => r.length));
      const cells = (row: string[], tag: 'th' | 'td') => Array.from({ length: width }, (_, i) => `<${tag}>${e(row[i] ?? '')}</${tag}>`).join('');
      const table = c.rows.length ? `<table><thead><tr>${cells(head, 'th')}</tr></thead><tbody>${body.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table>` : '<p>(empty)</p>';
      return `<article class="artifact table"><h4>Table: ${e(c.title || 'Untitled')}</h4>${by}${table}</article>`;
    }
    case 'frame':
      return `<article class="artifact frame"><h4>Frame: ${e(c.title || 'Untitled')}</h4></article>`;
    case 'checklist':
      return `<article class="artifact checklist-artifact"><h4>Checklist: ${e(c.title || 'Decisions and actions')}</h4>${by}${
        c.items.length
          ? `<ul class="checklist">${c.items.map((i) => `<li><span class="box" aria-label="${i.done ? 'done' : 'open'}">${i.done ? '☑' : '☐'}</span> ${e(i.text)}${i.owner ? ` — <strong>${e(i.owner)}</strong>` : ''}${i.due ? ` (by ${e(i.due)})` : ''}</li>`).join('')}</ul>`
          : '<p>(empty)</p>'
      }</article>`;
  }
}

function itemTitle(table: RecordTable, id: string): string {
  const a = table.content.artifacts.find((x) => x.id === id);
  if (!a) return 'an item no longer on the table';
  return a.content.kind === 'sticky' ? a.content.text : 'title' in a.content && a.content.title ? a.content.title : a.content.kind;
}

function tableSection(table: RecordTable, data: SessionRecordData): string {
  const parts = [`<section class="table-record"><h2>${e(table.name)}</h2>`];
  parts.push(
    `<ul class="seating">${table.seating
      .map((s) => `<li><strong>${s.round > 0 ? `Round ${s.round}` : 'At the table'}:</strong> ${e(s.members.map((id) => nameOf(id, data)).join(', ') || 'nobody')}${s.host ? ` (table host: ${e(nameOf(s.host, data))})` : ''}</li>`)
      .join('')}</ul>`,
  );
  if (table.phases.length > 0) {
    parts.push(
      `<h3>Phases and roles</h3><table class="phases"><thead><tr><th>Phase</th><th>Ended</th><th>Roles</th></tr></thead><tbody>${table.phases
        .map((l) => `<tr><td>${l.round > 0 ? `Round ${l.round} · ` : ''}${e(l.phaseTitle)}</td><td>${e(formatDate(l.endedAt))}</td><td>${e(describeRoles(l.roles, data))}</td></tr>`)
        .join('')}</tbody></table>`,
    );
  }
  const notes = table.content.artifacts.filter((a) => a.content.kind === 'document' && a.content.notesOf);
  const work = table.content.artifacts.filter((a) => !(a.content.kind === 'document' && a.content.notesOf));
  if (notes.length > 0) parts.push(`<h3>Scribe notes</h3>${notes.map((a) => artifact(a, data)).join('')}`);
  parts.push(`<h3>On the table</h3>${work.length ? work.map((a) => artifact(a, data)).join('') : '<p>(nothing)</p>'}`);
  if (table.content.threads.length > 0) {
    parts.push('<h3>Feedback</h3>');
    for (const type of FEEDBACK_TYPES) {
      const threads = table.content.threads.filter((t) => t.type === type);
      if (threads.length === 0) continue;
      parts.push(
        `<h4>${e(FEEDBACK_TYPE_INFO[type].label)} (${threads.length})</h4><ul class="feedback">${threads
          .map(
            (t) =>
              `<li><p>On “${e(itemTitle(table, t.artifactId))}”${t.quote ? ` about “${e(t.quote)}”` : ''}${t.resolved ? ' (resolved)' : ''}</p><ul>${t.messages.map((m) => `<li><strong>${e(m.authorName)}:</strong> ${e(m.text)}</li>`).join('')}</ul></li>`,
          )
          .join('')}</ul>`,
      );
    }
  }
  if (table.votes.length > 0) {
    parts.push('<h3>Votes</h3>');
    for (const vote of table.votes) {
      parts.push(
        `<h4>${e(vote.title)} (${vote.voters} voted, ${vote.dots} dots each)</h4><ol class="votes">${rankResults(vote.results, vote.items)
          .map((r) => `<li><span class="dots">${r.dots}</span> ${e(itemTitle(table, r.itemId))}</li>`)
          .join('')}</ol>`,
      );
    }
  }
  parts.push('</section>');
  return parts.join('');
}

const STYLE = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;max-width:860px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.8rem;margin:0 0 .25rem}h2{border-bottom:2px solid #d9dee7;padding-bottom:.25rem;margin-top:2.5rem}h3{margin-top:1.5rem}
.meta,.by{color:#5a6577;font-size:.85rem;margin:.1rem 0 .5rem}.artifact{border:1px solid #d9dee7;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0;break-inside:avoid}
.sticky{background:#fff7c2}.artifact h4{margin:0}.artifact img{max-width:100%;height:auto;border-radius:4px}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #c9d0db;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#eef1f6}
.dots{display:inline-block;min-width:1.6rem;font-weight:700}.checklist{list-style:none;padding-left:0}.harvest-card{border-left:4px solid #3b6fd8;padding:.25rem .75rem;margin:.5rem 0}
blockquote{border-left:3px solid #c9d0db;margin:0;padding-left:.75rem;color:#3a4456}@media print{body{margin:0}a{color:inherit}}`;

/** Renders the record as a self-contained HTML document. */
export function renderHtml(data: SessionRecordData): string {
  const people = data.people
    .map((p) => `<li>${e(p.name)} <span class="meta">(${e(p.role)}${p.organization ? `, ${e(p.organization)}` : ''}${p.systemRole ? `, ${e(p.systemRole)}` : ''})</span></li>`)
    .join('');
  const phases = data.protocol.phases
    .map((p) => `<li><strong>${e(p.title)}</strong> (${e(formatDuration(p.durationMs))}${data.protocol.rounds > 1 && p.round > 0 ? `, round ${p.round}` : ''})${p.prompt ? ` — ${e(p.prompt)}` : ''}</li>`)
    .join('');
  const harvest = groupHarvest(data.harvest)
    .map(
      (g) =>
        `<h3>${e(g.tableName)} · Round ${g.round}</h3>${g.cards
          .map((c) => `<div class="harvest-card"><p><strong>${e(HARVEST_KIND_LABELS[c.kind])}</strong></p><p>${c.kind === 'shift' ? `We thought ${e(c.text)}; it turns out ${e(c.turnsOut ?? '')}` : e(c.text)}</p><p class="by">${e(c.byName)}</p></div>`)
          .join('')}`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(data.title)} · Worktable record</title><style>${STYLE}</style></head>
<body><header><h1>${e(data.title)}</h1><p class="meta">Worktable session record · ${e(formatDate(data.createdAt))} · exported ${e(formatDate(data.exportedAt))}</p></header>
<section><h2>Participants</h2><ul>${people}</ul></section>
<section><h2>Protocol: ${e(data.protocol.title)}</h2><p>${e(data.protocol.summary)}</p><ol>${phases}</ol></section>
${data.tables.map((t) => tableSection(t, data)).join('\n')}
${data.harvest.length ? `<section><h2>Harvest</h2>${harvest}</section>` : ''}
</body></html>
`;
}
