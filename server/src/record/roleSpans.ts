/**
 * Who held each role when: the history keeps the holders of every phase as it ended, and the
 * record says, per role, who held it over which phases ("Facilitator: Ana (phases 1–3), Ben
 * (phases 4–6)"), consecutive phases with the same holder as one span. Phases are numbered as in
 * their run's timeline (the numbers of the notes headings); a phase run again after Back starts
 * a new span.
 */
import { ROLE_NAMES, type HistoryLabel, type RoleName } from '@worktable/shared';

const ROLE_LABELS: Record<RoleName, string> = {
  facilitator: 'Facilitator',
  scribe: 'Scribe',
  presenter: 'Presenter',
  timekeeper: 'Timekeeper',
  tableHost: 'Table host',
  reporter: 'Reporter',
};

/** One person's unbroken hold of a role: the phase numbers (1-based) it began and ended at. */
interface Span {
  holder: string;
  first: number;
  last: number;
}

/** "phase 2" or "phases 1–3". */
function phasesText(span: Span): string {
  return span.first === span.last ? `phase ${span.first}` : `phases ${span.first}–${span.last}`;
}

/** The spans of `role` over `labels` (in the order the phases ended); a phase without a holder breaks a span. */
function spansOf(role: RoleName, labels: readonly HistoryLabel[]): Span[] {
  const spans: Span[] = [];
  let open: Span | null = null;
  for (const label of labels) {
    const holder = label.roles[role];
    const number = label.phaseIndex + 1;
    if (!holder) {
      open = null;
      continue;
    }
    if (open && open.holder === holder && number > open.last) {
      open.last = number;
      continue;
    }
    open = { holder, first: number, last: number };
    spans.push(open);
  }
  return spans;
}

/**
 * One line per role anyone held in `labels` (phases that ended, oldest first), in the order
 * protocols fill roles: "Facilitator: Ana (phases 1–3), Ben (phases 4–6)"; `nameOf` names a
 * holder as the record's options allow.
 */
export function roleSpanLines(labels: readonly HistoryLabel[], nameOf: (id: string) => string): string[] {
  const ordered = [...labels].sort((a, b) => a.endedAt - b.endedAt);
  return ROLE_NAMES.flatMap((role) => {
    const spans = spansOf(role, ordered);
    if (spans.length === 0) return [];
    return [`${ROLE_LABELS[role]}: ${spans.map((s) => `${nameOf(s.holder)} (${phasesText(s)})`).join(', ')}`];
  });
}
