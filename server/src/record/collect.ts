/**
 * Gathers a session's record from storage and the open documents: who took part, the protocol
 * and its phases, each table's seating per round, artifacts, feedback, scribe notes, votes,
 * who held which role in each phase (from the history), and the plenary's harvest cards.
 */
import * as Y from 'yjs';
import {
  PLENARY_DOC,
  PlenaryRoot,
  docKey,
  readHarvestCard,
  tableIdentity,
  timelineOf,
  upgradeSessionControl,
  type ClosedVote,
  type HarvestCard,
  type HistoryLabel,
  type Protocol,
  type SessionControl,
} from '@worktable/shared';
import type { HistoryRecorder } from '../history/historyRecorder.js';
import type { StoragePort } from '../storage/port.js';
import { readTableContent, type TableContent } from './tableContent.js';

/** A participant in the record. */
export interface RecordPerson {
  id: string;
  name: string;
  role: string;
  organization: string | null;
  systemRole: string | null;
}

/** One table in the record. */
export interface RecordTable {
  id: string;
  name: string;
  /** Who sat there in each round (round 0: the whole session when it was not a convening). */
  seating: { round: number; members: string[]; host: string | null }[];
  content: TableContent;
  votes: ClosedVote[];
  /** Phases that ended here, in order, with who held each role. */
  phases: HistoryLabel[];
}

/** Everything an export shows. */
export interface SessionRecordData {
  sessionId: string;
  title: string;
  createdAt: number;
  exportedAt: number;
  protocol: { id: string; title: string; summary: string; rounds: number; phases: { title: string; prompt: string; durationMs: number; round: number }[] };
  people: RecordPerson[];
  tables: RecordTable[];
  harvest: HarvestCard[];
  /** Upload id → its bytes and type (images are embedded in the HTML). */
  uploads: Map<string, { mime: string; name: string; bytes: Uint8Array }>;
  /** Dots each person has placed in votes still open (not yet in the record's votes). */
  openVoteDots: Record<string, number>[];
  /** The control state, when the session has one. */
  control: SessionControl | null;
}

/** Reads a document's current state into a fresh Y.Doc (the caller destroys it). */
async function openDoc(history: HistoryRecorder, key: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await history.capture(key));
  return doc;
}

const tableNumber = (id: string) => Number(/^table-(\d+)$/.exec(id)?.[1] ?? 0);

/** Collects the record of one session (which must exist). */
export async function collectRecord(
  sessionId: string,
  deps: { storage: StoragePort; history: HistoryRecorder; protocol: Protocol; now: number; withUploads?: boolean },
): Promise<SessionRecordData> {
  const { storage, history, protocol } = deps;
  const [session, participants, stored, labels] = await Promise.all([
    storage.getSession(sessionId),
    storage.listParticipants(sessionId),
    storage.loadControlState(sessionId),
    storage.listHistory(sessionId),
  ]);
  if (!session) throw new Error(`unknown session ${sessionId}`);
  const control: SessionControl | null = stored === null ? null : upgradeSessionControl(stored, protocol, 0);
  const phases = labels.map((h) => h.label as HistoryLabel);
  const tableIds = new Set<string>(['table-1']);
  for (const t of control?.tables ?? []) tableIds.add(t.id);
  for (const h of labels) if (/^table-\d+$/.test(h.docName)) tableIds.add(h.docName);

  const tables: RecordTable[] = [];
  const uploadIds = new Set<string>();
  for (const id of [...tableIds].sort((a, b) => tableNumber(a) - tableNumber(b))) {
    const doc = await openDoc(history, docKey(sessionId, id));
    const content = readTableContent(doc);
    doc.destroy();
    for (const a of content.artifacts) if ((a.content.kind === 'image' || a.content.kind === 'pdf') && a.content.uploadId) uploadIds.add(a.content.uploadId);
    const seating = control?.convening
      ? [...control.pastRounds, { round: control.round, tables: control.tables }].flatMap(({ round, tables: seated }) =>
          seated.filter((t) => t.id === id).map((t) => ({ round, members: t.members, host: t.host })),
        )
      : [{ round: 0, members: participants.filter((p) => p.role !== 'observer').map((p) => p.participantId), host: null }];
    const tablePhases = phases.filter((p) => p.tableId === id);
    const empty = content.artifacts.length === 0 && content.threads.length === 0 && tablePhases.length === 0;
    if (empty && id !== 'table-1' && !control?.tables.some((t) => t.id === id)) continue;
    tables.push({
      id,
      name: control?.tables.find((t) => t.id === id)?.name ?? tableIdentity(tableNumber(id) - 1).name,
      seating,
      content,
      votes: (control?.closedVotes ?? []).filter((v) => v.tableId === id),
      phases: tablePhases,
    });
  }

  const plenary = await openDoc(history, docKey(sessionId, PLENARY_DOC));
  const harvest = [...plenary.getMap<unknown>(PlenaryRoot.Harvest).values()].map(readHarvestCard).filter((c): c is HarvestCard => c !== null);
  plenary.destroy();
  harvest.sort((a, b) => a.round - b.round || tableNumber(a.tableId) - tableNumber(b.tableId) || a.at - b.at);

  const uploads = new Map<string, { mime: string; name: string; bytes: Uint8Array }>();
  for (const uploadId of deps.withUploads === false ? [] : uploadIds) {
    const upload = await storage.getUpload(sessionId, uploadId);
    if (upload) uploads.set(uploadId, { mime: upload.record.mime, name: upload.record.name, bytes: upload.bytes });
  }

  return {
    sessionId,
    title: session.title,
    createdAt: session.createdAt,
    exportedAt: deps.now,
    protocol: {
      id: protocol.id,
      title: protocol.title,
      summary: protocol.summary,
      rounds: protocol.rounds,
      phases: timelineOf(protocol).map((step) => ({ title: step.phase.title, prompt: step.phase.prompt, durationMs: step.phase.durationMs, round: step.round })),
    },
    people: participants.map((p) => ({ id: p.participantId, name: p.name, role: p.role, organization: p.organization ?? null, systemRole: p.systemRole ?? null })),
    tables,
    harvest,
    uploads,
    openVoteDots: Object.values(control?.votes ?? {}).map((vote) =>
      Object.fromEntries(Object.entries(vote.ballots).map(([id, ballot]) => [id, Object.values(ballot).reduce((a, b) => a + b, 0)])),
    ),
    control,
  };
}
