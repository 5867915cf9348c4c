/** Small formatting helpers shared by the Markdown and HTML renderers. */
import type { RoleHolders } from '@worktable/shared';
import type { SessionRecordData } from './collect.js';

/** A date and time in UTC, e.g. "21 Nov 2026, 09:30 UTC" (the record is read anywhere). */
export function formatDate(ms: number): string {
  return `${new Date(ms).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;
}

/** "5 min", "1 h 30 min", "45 s". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.round(ms / 1000)} s`;
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}` : `${minutes} min`;
}

/** A participant's name in the record. */
export function nameOf(id: string, data: SessionRecordData): string {
  return data.people.find((p) => p.id === id)?.name ?? 'someone who left';
}

const ROLE_LABELS: Record<string, string> = {
  facilitator: 'facilitator',
  scribe: 'scribe',
  presenter: 'presenter',
  timekeeper: 'timekeeper',
  tableHost: 'table host',
  reporter: 'reporter',
};

/** "facilitator Ana, scribe Ben". */
export function describeRoles(roles: RoleHolders, data: SessionRecordData): string {
  return Object.entries(roles)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([role, id]) => `${ROLE_LABELS[role] ?? role} ${nameOf(id, data)}`)
    .join(', ');
}

/** The heading of a notes document ("Notes · Round 2" stays as is; others are prefixed). */
export function notesLabel(title: string): string {
  return /^notes/i.test(title) ? title : `Notes: ${title || 'untitled'}`;
}
