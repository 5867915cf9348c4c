/**
 * Private writing: during a private phase each person's new stickies go to a document only they
 * can open (`private-<tableId>-<participantId>`; the server refuses everyone else, the host
 * included), so nothing reaches anyone else before the reveal. At the reveal the server copies
 * them onto the table (without names when anonymous) and empties the private documents.
 */
import { canControl, type Actor } from '../protocols/control.js';
import type { SessionControl } from './sessionTypes.js';

/** Private writing at one table. */
export interface PrivateWriting {
  since: number;
  /** Reveal without names. */
  anonymous: boolean;
}

/** Private writing actions, each optionally aimed at a table by the host. */
export type PrivateAction = { action: 'startPrivate'; anonymous?: boolean; tableId?: string } | { action: 'reveal'; tableId?: string };

/** Whether an action is a private-writing action. */
export function isPrivateAction(action: { action: string }): action is PrivateAction {
  return action.action === 'startPrivate' || action.action === 'reveal';
}

const PREFIX = 'private-';

/** The private document of a person at a table. */
export function privateDocName(tableId: string, participantId: string): string {
  return `${PREFIX}${tableId}-${participantId}`;
}

/** The table and owner of a private document name, or null when it is not one. */
export function parsePrivateDocName(docName: string): { tableId: string; participantId: string } | null {
  const match = /^private-(table-\d{1,3})-(.+)$/.exec(docName);
  return match?.[1] && match[2] ? { tableId: match[1], participantId: match[2] } : null;
}

/** The outcome of a private-writing action (no version bump; the caller does it). */
export type PrivateActionResult =
  | { ok: true; control: SessionControl }
  | { ok: false; error: { code: 'forbidden' | 'conflict'; message: string } };

/** Starts or ends (reveals) private writing at `tableId`: the table's facilitator or the host. */
export function applyPrivateAction(
  control: SessionControl,
  action: PrivateAction,
  actor: Actor,
  tableId: string,
  now: number,
): PrivateActionResult {
  const run = control.runs[tableId];
  if (!run || !canControl(run, actor))
    return { ok: false, error: { code: 'forbidden', message: 'Only the facilitator or the host starts and reveals private writing.' } };
  const current = control.privateWriting[tableId];
  if (action.action === 'startPrivate') {
    if (current) return { ok: false, error: { code: 'conflict', message: 'Private writing is already on here.' } };
    return {
      ok: true,
      control: {
        ...control,
        privateWriting: { ...control.privateWriting, [tableId]: { since: now, anonymous: action.anonymous === true } },
      },
    };
  }
  if (!current) return { ok: false, error: { code: 'conflict', message: 'Private writing is not on here.' } };
  const privateWriting = { ...control.privateWriting };
  delete privateWriting[tableId];
  return { ok: true, control: { ...control, privateWriting } };
}

/** Tables whose private writing ended between two states (to reveal), with how. */
export function endedPrivateWriting(before: SessionControl, after: SessionControl): { tableId: string; anonymous: boolean }[] {
  return Object.entries(before.privateWriting)
    .filter(([tableId]) => !after.privateWriting[tableId])
    .map(([tableId, writing]) => ({ tableId, anonymous: writing.anonymous }));
}
