/**
 * The session as the page holds it: the newest `session:state` (the viewer's own table in full)
 * together with the table directory (`session:tables`, every table's id and name), which the
 * server sends apart because it changes only when tables are set or renamed.
 */
import type { SessionState, TableEntry } from '@worktable/shared';

/** A `session:state` with the session's table directory. */
export type SessionView = SessionState & {
  /** Every table's id and name, in table order (empty before the directory arrives). */
  tables: readonly TableEntry[];
};

/** `state` with `tables` as its directory. */
export function withDirectory(state: SessionState, tables: readonly TableEntry[]): SessionView {
  return { ...state, tables };
}
