/**
 * The participation view's words and order, from the server's rows (`ParticipationRow`): people
 * not heard yet first, what each put on the table, gave as feedback and held as roles, in a few
 * words; floor time as m:ss; the facilitator's gentle hint. Pure.
 */
import { FEEDBACK_TYPES, FEEDBACK_TYPE_INFO, type FeedbackType, type ParticipationRow, type RoleName } from '@worktable/shared';
import { roleTitle } from '../protocol/labels.js';

/** Rows with the people not heard yet (`quiet`) first, otherwise in the server's order (who joined first). */
export function orderRows(rows: readonly ParticipationRow[]): ParticipationRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => Number(b.row.quiet) - Number(a.row.quiet) || a.index - b.index)
    .map(({ row }) => row);
}

/** Time holding the floor as mm:ss ("00:00", "04:05", "75:00"). */
export function formatFloor(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${mm}:${ss}`;
}

/** "1 phase", "3 phases". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A feedback type in one word ("Warm", "Probing"). */
function shortType(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** A feedback type in a sentence: "warm feedback", "probing question", "“I notice…”". */
function typeInWords(type: FeedbackType): string {
  const label = FEEDBACK_TYPE_INFO[type].label;
  return label.startsWith('I ') ? `“${label}”` : label.toLowerCase();
}

/** Feedback threads opened, compact ("Warm 2 · Probing 1") and in full ("2 warm feedback, 1 probing question"); "—" for none. */
export function feedbackSummary(feedback: ParticipationRow['feedback']): { short: string; full: string } {
  const given = FEEDBACK_TYPES.filter((type) => feedback[type] > 0);
  if (given.length === 0) return { short: '—', full: 'No feedback' };
  return {
    short: given.map((type) => `${shortType(type)} ${feedback[type]}`).join(' · '),
    full: given.map((type) => `${feedback[type]} ${typeInWords(type)}`).join(', '),
  };
}

/** What is on the table by kind ("Sticky note ×2, Document ×1"); empty for nothing. `label` names a kind. */
export function artifactKinds(byKind: Readonly<Record<string, number>>, label: (kind: string) => string): string {
  return Object.entries(byKind)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([kind, n]) => `${label(kind)} ×${n}`)
    .join(', ');
}

/** Roles held, in phases, and rounds as table host ("Facilitator 3 phases, Scribe 1 phase; table host 2 rounds"); "—" for none. */
export function rolesSummary(row: Pick<ParticipationRow, 'rolePhases' | 'tableHostRounds'>): string {
  const phases = (Object.entries(row.rolePhases) as [RoleName, number | undefined][])
    .filter((entry): entry is [RoleName, number] => (entry[1] ?? 0) > 0)
    .map(([role, n]) => `${roleTitle(role)} ${count(n, 'phase', 'phases')}`);
  const parts = [phases.join(', ')].filter(Boolean);
  if (row.tableHostRounds > 0)
    parts.push(`${parts.length > 0 ? 'table host' : 'Table host'} ${count(row.tableHostRounds, 'round', 'rounds')}`);
  return parts.length > 0 ? parts.join('; ') : '—';
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cy". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The facilitator's hint about the people not heard yet (other than `me`), or null when everyone has been. */
export function invitationHint(rows: readonly ParticipationRow[], me: string): string | null {
  const quiet = rows.filter((row) => row.quiet && row.participantId !== me).map((row) => row.name);
  if (quiet.length === 0) return null;
  const they = quiet.length === 1 ? 'They have not' : 'None of them has';
  return `Consider inviting ${joinNames(quiet)} in: perhaps ask what they notice, or offer them a role. ${they} put anything on the table, given feedback, voted or held a role yet.`;
}
