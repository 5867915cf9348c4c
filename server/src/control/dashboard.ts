/**
 * The host dashboard's payload: every table's seating and run (from the session control) with
 * its activity (from the relay: edits in the last minute, notes on the table, harvest cards on
 * the plenary) for the documents the server has open.
 */
import * as Y from 'yjs';
import {
  ArtifactKind,
  PLENARY_DOC,
  PlenaryRoot,
  TableRoot,
  docKey,
  harvestCountByTable,
  readArtifactMeta,
  readHarvestCard,
  BlockKind,
  PLENARY_RUN,
  type DashboardPayload,
  type DashboardPlenary,
  type HarvestCard,
} from '@worktable/shared';
import type { SessionRuntime } from './sessionRuntime.js';

/** What the dashboard reads from the relay. */
export interface DocumentActivity {
  editsLastMinute(docKey: string): number;
  /** The open document, if the server holds it now. */
  document(docKey: string): Y.Doc | undefined;
}

const WRITTEN: ReadonlySet<string> = new Set([ArtifactKind.Sticky, ArtifactKind.Document]);

/** Stickies and documents on a table document. */
export function countNotes(doc: Y.Doc): number {
  let notes = 0;
  for (const value of doc.getMap<unknown>(TableRoot.Artifacts).values()) {
    if (value instanceof Y.Map && WRITTEN.has(readArtifactMeta(value)?.kind ?? '')) notes++;
  }
  return notes;
}

/** The harvest cards on a plenary document. */
export function harvestCards(doc: Y.Doc): HarvestCard[] {
  const cards: HarvestCard[] = [];
  for (const value of doc.getMap<unknown>(PlenaryRoot.Harvest).values()) {
    const card = readHarvestCard(value);
    if (card) cards.push(card);
  }
  return cards;
}

/** Builds the dashboard of one session. */
export function buildDashboard(runtime: SessionRuntime, activity: DocumentActivity, now: number): DashboardPayload {
  const control = runtime.control;
  const tables = runtime.tables();
  const plenary = activity.document(docKey(runtime.sessionId, PLENARY_DOC));
  const harvest = plenary ? harvestCountByTable(harvestCards(plenary)) : null;
  const people = runtime.people();
  const seated = new Set(tables.flatMap((t) => t.members));
  return {
    serverNow: now,
    version: control.version,
    round: control.round,
    convening: control.convening,
    clock: control.settings.clock,
    gathering: control.gathering,
    tableCount: control.settings.tableCount,
    includeHost: control.settings.includeHost,
    agenda: runtime.agenda(),
    plenary: plenaryOf(runtime),
    plan: runtime.plan(),
    seed: control.seed,
    spotlight: control.spotlight,
    callLinks: control.callLinks,
    tables: tables.map((table) => {
      const view = runtime.runView(table.id) ?? runtime.stateFor(table.id);
      const key = docKey(runtime.sessionId, table.id);
      const doc = activity.document(key);
      return {
        ...table,
        status: view.status,
        phaseTitle: view.phase?.title ?? null,
        endsAt: view.phase?.endsAt ?? null,
        remainingMs: view.phase?.remainingMs ?? 0,
        over: view.phase?.over ?? false,
        phaseIndex: view.phaseIndex,
        phaseCount: view.phaseCount,
        roles: view.roles,
        editsLastMinute: activity.editsLastMinute(key),
        notes: doc ? countNotes(doc) : null,
        harvest: harvest ? (harvest[table.id] ?? 0) : null,
      };
    }),
    unseated: people.filter((p) => p.present && p.role !== 'observer' && !seated.has(p.participantId)).map((p) => p.participantId),
    people: people.map((p) => ({
      participantId: p.participantId,
      name: p.name,
      role: p.role,
      organization: p.organization,
      systemRole: p.systemRole,
      present: p.present,
      pinnedTo: control.pins[p.participantId] ?? null,
      namedHostOf: Object.entries(control.namedHosts).find(([, id]) => id === p.participantId)?.[0] ?? null,
      expected: p.rostered === true && !p.present,
    })),
  };
}

/** The plenary's run while a plenary block goes on (or after it ended the agenda). */
function plenaryOf(runtime: SessionRuntime): DashboardPlenary | null {
  const agenda = runtime.agenda();
  const block = agenda?.blocks[agenda.index] ?? (agenda && agenda.index >= agenda.blocks.length ? agenda.blocks.at(-1) : undefined);
  if (block?.kind !== BlockKind.Plenary) return null;
  const view = runtime.runView(PLENARY_RUN);
  if (!view) return null;
  return {
    status: view.status,
    phaseTitle: view.phase?.title ?? null,
    phaseIndex: view.phaseIndex,
    phaseCount: view.phaseCount,
    endsAt: view.phase?.endsAt ?? null,
    remainingMs: view.phase?.remainingMs ?? 0,
    over: view.phase?.over ?? false,
  };
}
