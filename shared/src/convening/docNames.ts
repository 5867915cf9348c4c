/**
 * The documents a session has, by name: its tables' (`table-1` … `table-<MAX_TABLES>`, as
 * `tableIdentity` names them), the plenary's, and each person's private writing at a table. The
 * relay opens nothing else, so one member's token cannot create documents without end.
 */
import { parsePrivateDocName } from './privateWriting.js';
import { MAX_TABLES, PLENARY_DOC } from './sessionTypes.js';

/** Whether `tableId` names a table a session can have: `table-N`, N from 1 to `MAX_TABLES`, no leading zero. */
export function isTableId(tableId: string): boolean {
  const match = /^table-([1-9]\d{0,2})$/.exec(tableId);
  return match !== null && Number(match[1]) <= MAX_TABLES;
}

/** Whether member `participantId` may open document `docName`: `open`, `not_found` (the session has no such document) or `forbidden` (someone else's private writing). */
export function documentAccess(docName: string, participantId: string): 'open' | 'not_found' | 'forbidden' {
  if (docName === PLENARY_DOC || isTableId(docName)) return 'open';
  const owned = parsePrivateDocName(docName);
  if (!owned || !isTableId(owned.tableId)) return 'not_found';
  return owned.participantId === participantId ? 'open' : 'forbidden';
}
