/**
 * The session's read-only record links for the host: loaded when the dialog opens, made with the
 * current options, revoked one at a time. Only working links are kept in view; each call says
 * what went wrong in words the host can act on.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RecordLinkView, RecordOptions } from '@worktable/shared';
import { createRecordLink, listRecordLinks, revokeRecordLink, userMessage } from '../api.js';

/** What the share section shows and can do. */
export interface RecordLinks {
  /** Working links, newest first (null until loaded). */
  links: RecordLinkView[] | null;
  /** A call is on its way: `create`, or the id of a link being revoked. */
  busy: 'create' | string | null;
  error: string | null;
  /** What the last change did, for a polite status line. */
  notice: string | null;
  create(options: RecordOptions): void;
  revoke(linkId: string): void;
}

/** Loads and changes the record links of `sessionId` while `open`. */
export function useRecordLinks(sessionId: string, token: string, open: boolean): RecordLinks {
  const [links, setLinks] = useState<RecordLinkView[] | null>(null);
  const [busy, setBusy] = useState<RecordLinks['busy']>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    listRecordLinks(sessionId, token).then(
      (all) => current && setLinks(all.filter((link) => link.revokedAt === null)),
      (failure: unknown) => current && setError(userMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [open, sessionId, token]);

  const create = useCallback(
    (options: RecordOptions) => {
      setBusy('create');
      setError(null);
      createRecordLink(sessionId, token, options)
        .then((link) => {
          setLinks((previous) => [link, ...(previous ?? [])]);
          setNotice('Link made: copy it and send it.');
        })
        .catch((failure: unknown) => setError(userMessage(failure)))
        .finally(() => setBusy(null));
    },
    [sessionId, token],
  );

  const revoke = useCallback(
    (linkId: string) => {
      setBusy(linkId);
      setError(null);
      revokeRecordLink(sessionId, linkId, token)
        .then(() => {
          setLinks((previous) => (previous ?? []).filter((link) => link.linkId !== linkId));
          setNotice('Link revoked: it no longer opens the record.');
        })
        .catch((failure: unknown) => setError(userMessage(failure)))
        .finally(() => setBusy(null));
    },
    [sessionId, token],
  );

  return { links, busy, error, notice, create, revoke };
}
