/**
 * The summary a record's HTML opens with. For a session with one table it leads with what the
 * table came to — the focusing question, what we heard by feedback type, the presenter's
 * reflection, the next steps (what, who, by when) — then the agenda and who came; a convening's
 * summary is the agenda, its next steps (when any were written) and who came. Every text escaped.
 */
import type { NextStepOutline, SummaryOutline, TableSummaryOutline } from './outlineTypes.js';
import { escapeHtml as e, headingHtml as h, htmlBlocks } from './htmlBlocks.js';
import { personDetails, type HeadCount } from './people.js';

const counts = (list: readonly HeadCount[]) => list.map((c) => `${e(c.label)} (${c.count})`).join(', ');

/** The summary section: for a session with one table, what it came to first; then the next steps, the agenda and who came. */
export function summaryHtml(s: SummaryOutline): string {
  const a = s.attendance;
  const agenda = s.agenda
    .map(
      (line) =>
        `<li><strong>${e(line.title)}</strong> (${e(line.planned)})${line.question ? ` — <span class="question">Question: “${e(line.question)}”</span>` : ''}${
          line.phases.length > 0 ? `<ul>${line.phases.map((p) => `<li>${e(p.title)} (${e(p.planned)})</li>`).join('')}</ul>` : ''
        }</li>`,
    )
    .join('');
  const names = a.names
    ? `<ul class="people">${a.names
        .map((p) => {
          const details = personDetails(p);
          return `<li>${e(p.name)}${details.length > 0 ? ` <span class="meta">(${details.map(e).join(', ')})</span>` : ''}</li>`;
        })
        .join('')}</ul>`
    : '';
  const lead = s.table ? whatWeDid(s.table) + nextSteps(s.nextSteps, true) : '';
  const later = s.table ? '' : nextSteps(s.nextSteps, false);
  return `<section class="summary"><h2>Summary</h2><p><strong>${e(s.protocolTitle)}</strong> — ${e(s.protocolSummary)}</p>${lead}
<h3>Agenda</h3><ol class="agenda">${agenda}</ol>${later}
<h3>Who came</h3><p>${a.total} ${a.total === 1 ? 'person' : 'people'}: ${a.bySessionRole.map((c) => `${c.count} ${e(c.label)}`).join(', ')}.</p>${
    a.byOrganization && a.byOrganization.length > 0 ? `<p>By organization: ${counts(a.byOrganization)}.</p>` : ''
  }${a.bySystemRole && a.bySystemRole.length > 0 ? `<p>By role in their system: ${counts(a.bySystemRole)}.</p>` : ''}${names}${s.talkTime ? `<p class="talk-time">${e(s.talkTime)}</p>` : ''}
<div class="reading">${s.notes.map((n) => `<p>${e(n)}</p>`).join('')}</div></section>`;
}

/** The focusing question, what we heard and the presenter's reflection. */
function whatWeDid(t: TableSummaryOutline): string {
  const focus = t.focus ? `<p class="focus"><strong>Focusing question:</strong> ${e(t.focus)}</p>` : '';
  const heard =
    t.heard.length === 0
      ? '<p class="meta">No feedback was written on the table.</p>'
      : `<ul class="heard">${t.heard
          .map(
            (type) =>
              `<li><strong>${e(type.label)} (${type.count})</strong><ul>${type.samples.map((text) => `<li>${e(text)}</li>`).join('')}${
                type.count > type.samples.length
                  ? `<li class="meta">and ${type.count - type.samples.length} more under Feedback below</li>`
                  : ''
              }</ul></li>`,
          )
          .join('')}</ul>`;
  let reflection = '';
  if (t.reflection) {
    const several = t.reflection.length > 1;
    const body = t.reflection.map((r) => `${several ? h(4, e(r.title)) : ''}${htmlBlocks(r.blocks, several ? 5 : 4)}`).join('');
    reflection = `${h(3, 'The presenter’s reflection')}<div class="reflection">${body || '<p class="meta">Nothing was noted during the reflection.</p>'}</div>`;
  }
  return `${focus}${h(3, 'What we heard')}${heard}${reflection}`;
}

/** The next steps as a checklist; with one table, said to be missing when there are none, else left out. */
function nextSteps(list: readonly NextStepOutline[], sayWhenNone: boolean): string {
  if (list.length === 0) return sayWhenNone ? `${h(3, 'Next steps')}<p class="meta">No next steps were written on a checklist.</p>` : '';
  const items = list
    .map(
      (step) =>
        `<li><span class="box" aria-label="${step.done ? 'done' : 'open'}">${step.done ? '☑' : '☐'}</span> ${e(step.text)}${step.owner ? ` — <strong>${e(step.owner)}</strong>` : ''}${
          step.due ? ` (by ${e(step.due)})` : ''
        }${step.from ? ` <span class="meta">· ${e(step.from)}</span>` : ''}</li>`,
    )
    .join('');
  return `${h(3, 'Next steps')}<ul class="checklist next-steps">${items}</ul>`;
}
