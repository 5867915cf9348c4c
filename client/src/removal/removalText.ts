/**
 * The words and checks of the host's two destructive actions, as pure functions: removing someone
 * from the session, and deleting the session (which needs its title typed to confirm).
 */
import { ApiRequestError, userMessage } from '../api.js';

/** The question of the Remove dialog: "Remove Ana from the session?" */
export function removeQuestion(name: string): string {
  return `Remove ${name} from the session?`;
}

/** What removing someone does, under the question. */
export const REMOVE_CONSEQUENCES = 'Their connection closes and their link stops working. What they put on the table stays.';

/** What a Remove attempt came to: the person is gone from the session, or it failed (with what to do). */
export type RemovalOutcome = { kind: 'removed'; message: string } | { kind: 'failed'; message: string };

/**
 * The outcome of removing `name`: `error` is what the call threw, or null when it succeeded. A 404
 * means they are not in the session any more (removed in another tab): as good as removed.
 */
export function removalOutcome(name: string, error: unknown): RemovalOutcome {
  if (error === null) return { kind: 'removed', message: `${name} was removed from the session.` };
  if (error instanceof ApiRequestError && error.status === 404 && error.code === 'not_found') {
    return { kind: 'removed', message: `${name} was no longer in the session.` };
  }
  return { kind: 'failed', message: `Could not remove ${name}. ${userMessage(error)}` };
}

/** What deleting the session does, in the Delete dialog. */
export const DELETE_CONSEQUENCES =
  'Its documents, uploads, history and every link (the invite link and everyone’s own) are deleted for everyone, and everyone still at the table is disconnected. This cannot be undone.';

/** The hint before deleting: keep a record first. */
export const DELETE_EXPORT_HINT = 'To keep a record, export it first (Export record).';

function normalized(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Whether `typed` is the session's title (spaces at the ends and doubled spaces do not count; letter case does). */
export function titleConfirmed(typed: string, title: string): boolean {
  return normalized(title) !== '' && normalized(typed) === normalized(title);
}

/** The field error when the typed title does not match. */
export function titleMismatch(typed: string, title: string): string {
  return typed.trim() === ''
    ? `Type the session title, “${title}”, to confirm.`
    : `That is not the session title. Type “${title}” exactly as shown, or cancel.`;
}

/** The message when deleting failed, with what to do. */
export function deleteFailure(error: unknown): string {
  return `Could not delete the session. ${userMessage(error)}`;
}

/** The notice on the home page after the deletion. */
export function deletedNotice(title: string): { title: string; detail: string } {
  return { title: 'Session deleted', detail: `“${title}” and everything in it are gone for everyone.` };
}
