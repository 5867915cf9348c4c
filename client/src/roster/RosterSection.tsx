/**
 * The dashboard's Roster view: the people the host expects with their personal links, pins and
 * table hosts, and the import (open while the roster is empty, folded under "Import again…"
 * afterwards).
 */
import { useId, useState } from 'react';
import type { DashboardPayload, RosterImportResult } from '@worktable/shared';
import { useDashboardContext } from '../dashboard/DashboardContext.js';
import { RosterImport } from './RosterImport.js';
import { RosterTable } from './RosterTable.js';
import { importedSentence } from './rosterText.js';
import { useRoster } from './useRoster.js';
import './roster.css';

/** Props of `RosterSection`. */
export interface RosterSectionProps {
  dashboard: DashboardPayload;
  /** The host's bearer token (the roster API is the host's). */
  token: string;
  title: string;
}

/** The Roster view. */
export function RosterSection({ dashboard, token, title }: RosterSectionProps) {
  const id = useId();
  const { sessionId, announce } = useDashboardContext();
  const { load, replace, reload } = useRoster(sessionId, token);
  const people = load.kind === 'ready' ? load.roster.people : [];
  const [imports, setImports] = useState(0);

  const onImported = (result: RosterImportResult) => {
    replace(result);
    setImports((n) => n + 1);
    announce(importedSentence(result));
  };

  return (
    <section className="roster card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Roster</h2>
      <p className="hint">
        The people you expect, each with a personal link to open the session directly. Until they arrive, seating plans them in as if they
        were here; people without a roster entry join with the invite link and are seated as they arrive.
      </p>
      {load.kind === 'loading' && (
        <p className="h-quiet" aria-busy="true">
          Loading the roster…
        </p>
      )}
      {load.kind === 'error' && (
        <div className="actions">
          <p className="alert" role="alert">
            {load.message}
          </p>
          <button type="button" className="button secondary" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {load.kind === 'ready' && people.length > 0 && (
        <RosterTable people={people} linksExpireAt={load.roster.linksExpireAt} dashboard={dashboard} title={title} imports={imports} />
      )}
      {load.kind === 'ready' &&
        (people.length === 0 ? (
          <RosterImport sessionId={sessionId} token={token} hasRoster={false} onImported={onImported} />
        ) : (
          <details className="roster-again">
            <summary>Import again…</summary>
            <RosterImport sessionId={sessionId} token={token} hasRoster onImported={onImported} />
          </details>
        ))}
    </section>
  );
}
