/**
 * Which canvas document the session page opens, following the server (see `docNameFor`). Until
 * the first `session:state` arrives (or while the control channel is offline) the last document
 * this tab had open is used, so a reload does not flash another table.
 */
import { useEffect } from 'react';
import { DEFAULT_TABLE_DOC } from '@worktable/shared';
import { docNameFor, type PlaceState } from './place.js';

const storageKey = (sessionId: string) => `worktable:open-doc:${sessionId}`;

function remembered(sessionId: string): string | null {
  try {
    return sessionStorage.getItem(storageKey(sessionId));
  } catch {
    return null;
  }
}

/** The document to open for `state` (`visit`: the table someone at no table chose to look at). */
export function useTableDocName(sessionId: string, state: PlaceState | null, visit: string | null): string {
  const docName = state ? docNameFor(state, visit) : (remembered(sessionId) ?? DEFAULT_TABLE_DOC);
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(sessionId), docName);
    } catch {
      // Storage blocked: a reload opens the first table until the state arrives.
    }
  }, [sessionId, docName]);
  return docName;
}
