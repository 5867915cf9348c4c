/**
 * The summary a record's Markdown opens with. For a session with one table it leads with what
 * the table came to — the focusing question, what we heard by feedback type, the presenter's
 * reflection, the next steps (what, who, by when) — then the agenda and who came; a convening's
 * summary is the agenda, its next steps (when any were written) and who came. Text people wrote
 * is escaped.
 */
import { escapeMarkdown as esc, markdownBlocks, markdownHeading as h } from './markdownBlocks.js';
import type { NextStepOutline, SummaryOutline, TableSummaryOutline } from './outlineTypes.js';
import { personDetails, type HeadCount } from './people.js';

const counts = (list: readonly HeadCount[]) => list.map((c) => `${esc(c.label)} (${c.count})`).join(', ');

/** The summary section: for a session with one table, what it came to first; then the next steps, the agenda and who came. */
export function summaryMarkdown(s: SummaryOutline): string[] {
  const a = s.attendance;
  const out = [h(2, 'Summary'), '', `**${esc(s.protocolTitle)}** — ${esc(s.protocolSummary)}`, ''];
  if (s.table) out.push(...whatWeDid(s.table), ...nextSteps(s.nextSteps, true));
  out.push(h(3, 'Agenda'), '');
  s.agenda.forEach((line, i) => {
    out.push(`${i + 1}. **${esc(line.title)}** (${line.planned})${line.question ? ` — Question: “${esc(line.question)}”` : ''}`);
    for (const p of line.phases) out.push(`   - ${esc(p.title)} (${p.planned})`);
  });
  if (!s.table) out.push('', ...nextSteps(s.nextSteps, false));
  out.push(
    '',
    h(3, 'Who came'),
    '',
    `${a.total} ${a.total === 1 ? 'person' : 'people'}: ${a.bySessionRole.map((c) => `${c.count} ${c.label}`).join(', ')}.`,
    '',
  );
  if (a.byOrganization && a.byOrganization.length > 0) out.push(`By organization: ${counts(a.byOrganization)}.`, '');
  if (a.bySystemRole && a.bySystemRole.length > 0) out.push(`By role in their system: ${counts(a.bySystemRole)}.`, '');
  if (a.names) {
    for (const p of a.names) {
      const details = personDetails(p);
      out.push(`- ${esc(p.name)}${details.length > 0 ? ` (${details.map(esc).join(', ')})` : ''}`);
    }
    out.push('');
  }
  if (s.talkTime) out.push(esc(s.talkTime), '');
  for (const note of s.notes) out.push(`*${esc(note)}*`, '');
  return out;
}

/** The focusing question, what we heard and the presenter's reflection. */
function whatWeDid(t: TableSummaryOutline): string[] {
  const out: string[] = [];
  if (t.focus) out.push(`**Focusing question:** ${esc(t.focus)}`, '');
  out.push(h(3, 'What we heard'), '');
  if (t.heard.length === 0) out.push('*No feedback was written on the table.*', '');
  for (const type of t.heard) {
    out.push(`- **${esc(type.label)} (${type.count})**`);
    for (const text of type.samples) out.push(`  - ${esc(text.replace(/\s*\n\s*/g, ' '))}`);
    if (type.count > type.samples.length) out.push(`  - *and ${type.count - type.samples.length} more under Feedback below*`);
  }
  if (t.heard.length > 0) out.push('');
  if (t.reflection) {
    out.push(h(3, 'The presenter’s reflection'), '');
    if (t.reflection.length === 0) out.push('*Nothing was noted during the reflection.*', '');
    const several = t.reflection.length > 1;
    for (const r of t.reflection) {
      if (several) out.push(h(4, esc(r.title)), '');
      out.push(...markdownBlocks(r.blocks, several ? 5 : 4), '');
    }
  }
  return out;
}

/** The next steps as a task list; with one table, said to be missing when there are none, else left out. */
function nextSteps(list: readonly NextStepOutline[], sayWhenNone: boolean): string[] {
  if (list.length === 0) return sayWhenNone ? [h(3, 'Next steps'), '', '*No next steps were written on a checklist.*', ''] : [];
  return [
    h(3, 'Next steps'),
    '',
    ...list.map(
      (step) =>
        `- [${step.done ? 'x' : ' '}] ${esc(step.text)}${step.owner ? ` — ${esc(step.owner)}` : ''}${step.due ? ` (by ${esc(step.due)})` : ''}${step.from ? ` *· ${esc(step.from)}*` : ''}`,
    ),
    '',
  ];
}
