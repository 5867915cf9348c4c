/**
 * Gathers a session's record from storage and the open documents: who took part, the protocol
 * and the convening's agenda with each round's question, each round's seating as it started,
 * every table's artifacts, feedback, scribe notes and votes, who held which role in each phase
 * (from the history), and the plenary: its canvas, harvest cards and themes.
 */
import * as Y from 'yjs';
import {
  PLENARY_DOC,
  PlenaryRoot,
  RunStatus,
  docKey,
  questionOf,
  readHarvestCard,
  readHarvestTheme,
  tableIdentity,
  tableNumberOf,
  timelineOf,
  upgradeSessionControl,
  type HarvestCard,
  type HarvestTheme,
  type HistoryLabel,
  type Protocol,
  type SessionControl,
} from '@worktable/shared';
import type { HistoryRecorder } from '../history/historyRecorder.js';
import type { StoragePort } from '../storage/port.js';
import { readUpload } from '../storage/uploadBytes.js';
import {
  EMBEDDABLE_IMAGES,
  type RecordSeat,
  type RecordTable,
  type RecordUpload,
  type RoundSeatingRecord,
  type SessionRecordData,
} from './recordData.js';
import { readTableContent, type TableContent } from './tableContent.js';

/** Reads a document's current state into a fresh Y.Doc (the caller destroys it). */
async function openDoc(history: HistoryRecorder, key: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await history.capture(key));
  return doc;
}

/**
 * Each round's seating, oldest first: as it started (`control.seatings`); for rounds that were
 * not kept that way (sessions from before), as they ended (`pastRounds`), or the current tables
 * once their round has begun. A start not kept is taken as the end of the previous round's last
 * phase, when one ended.
 */
export function roundSeatingsOf(control: SessionControl | null, phases: readonly HistoryLabel[]): RoundSeatingRecord[] {
  if (!control?.convening) return [];
  const byRound = new Map<number, RoundSeatingRecord>();
  for (const s of control.seatings)
    if (!byRound.has(s.round)) byRound.set(s.round, { round: s.round, blockId: s.blockId, at: s.at, tables: s.tables });
  for (const past of control.pastRounds)
    if (!byRound.has(past.round)) byRound.set(past.round, { round: past.round, blockId: null, at: null, tables: past.tables });
  const begun = control.tables.some((t) => (control.runs[t.id]?.status ?? RunStatus.Lobby) !== RunStatus.Lobby);
  if (control.round > 0 && begun && !byRound.has(control.round))
    byRound.set(control.round, { round: control.round, blockId: null, at: null, tables: control.tables });
  const rounds = [...byRound.values()].sort((a, b) => a.round - b.round);
  for (const r of rounds) {
    if (r.at !== null) continue;
    const previousEnds = phases.filter((p) => p.round === r.round - 1 && p.round > 0).map((p) => p.endedAt);
    r.at = previousEnds.length > 0 ? Math.max(...previousEnds) : null;
  }
  return rounds;
}

/** Harvest cards, themes and which theme each card is in, from the plenary document. */
function readHarvest(plenary: Y.Doc): { harvest: HarvestCard[]; themes: HarvestTheme[]; cardThemes: Record<string, string> } {
  const harvest = [...plenary.getMap<unknown>(PlenaryRoot.Harvest).values()]
    .map(readHarvestCard)
    .filter((c): c is HarvestCard => c !== null);
  harvest.sort((a, b) => a.round - b.round || tableNumberOf(a.tableId) - tableNumberOf(b.tableId) || a.at - b.at);
  const themes = [...plenary.getMap<unknown>(PlenaryRoot.Themes).values()]
    .map(readHarvestTheme)
    .filter((t): t is HarvestTheme => t !== null);
  const cardThemes: Record<string, string> = {};
  for (const [cardId, themeId] of plenary.getMap<unknown>(PlenaryRoot.CardThemes).entries())
    if (typeof themeId === 'string') cardThemes[cardId] = themeId;
  return { harvest, themes, cardThemes };
}

/** Upload ids the images and PDFs of `content` show. */
function uploadIdsOf(content: TableContent): string[] {
  return content.artifacts.flatMap((a) =>
    (a.content.kind === 'image' || a.content.kind === 'pdf') && a.content.uploadId ? [a.content.uploadId] : [],
  );
}

/** Collects the record of one session (which must exist). */
export async function collectRecord(
  sessionId: string,
  deps: {
    storage: StoragePort;
    history: HistoryRecorder;
    protocol: Protocol;
    now: number;
    /** False: no uploads at all (names included). */
    withUploads?: boolean;
    /** Bytes of images the record may embed, in the order they appear (0 or absent: none, as for Markdown). */
    embedBytes?: number;
  },
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
  const phases = labels.map((h) => h.label as HistoryLabel).sort((a, b) => a.endedAt - b.endedAt);
  const rounds = roundSeatingsOf(control, phases);
  const tableIds = new Set<string>(['table-1']);
  for (const t of control?.tables ?? []) tableIds.add(t.id);
  for (const r of rounds) for (const t of r.tables) tableIds.add(t.id);
  for (const h of labels) if (/^table-\d+$/.test(h.docName)) tableIds.add(h.docName);
  const seated = new Set(rounds.flatMap((r) => r.tables.map((t) => t.id)));
  const everyone: RecordSeat[] = [
    { round: 0, members: participants.filter((p) => p.role !== 'observer').map((p) => p.participantId), host: null },
  ];

  const tables: RecordTable[] = [];
  const uploadIds = new Set<string>();
  for (const id of [...tableIds].sort((a, b) => tableNumberOf(a) - tableNumberOf(b))) {
    const doc = await openDoc(history, docKey(sessionId, id));
    const content = readTableContent(doc);
    doc.destroy();
    const tablePhases = phases.filter((p) => p.tableId === id);
    const empty = content.artifacts.length === 0 && content.threads.length === 0 && tablePhases.length === 0;
    if (empty && id !== 'table-1' && !control?.tables.some((t) => t.id === id) && !seated.has(id)) continue;
    for (const uploadId of uploadIdsOf(content)) uploadIds.add(uploadId);
    const seating = control?.convening
      ? rounds.flatMap(({ round, tables: at }) => at.filter((t) => t.id === id).map((t) => ({ round, members: t.members, host: t.host })))
      : everyone;
    const named = [...rounds.map((r) => r.tables), control?.tables ?? []].flat().find((t) => t.id === id)?.name;
    tables.push({
      id,
      name: named ?? tableIdentity(tableNumberOf(id) - 1).name,
      seating,
      content,
      votes: (control?.closedVotes ?? []).filter((v) => v.tableId === id),
      phases: tablePhases,
    });
  }

  const plenaryDoc = await openDoc(history, docKey(sessionId, PLENARY_DOC));
  const plenary = readTableContent(plenaryDoc);
  const { harvest, themes, cardThemes } = readHarvest(plenaryDoc);
  plenaryDoc.destroy();
  for (const uploadId of uploadIdsOf(plenary)) uploadIds.add(uploadId);

  const uploads = new Map<string, RecordUpload>();
  let budget = deps.embedBytes ?? 0;
  for (const uploadId of deps.withUploads === false ? [] : uploadIds) {
    // Only the bytes of the images embedded are read; the others need their record alone.
    const record = await storage.uploads.getRecord(sessionId, uploadId);
    if (!record) continue;
    const { mime, name, size } = record;
    const embedded = EMBEDDABLE_IMAGES.has(mime) && size <= budget;
    const bytes = embedded ? ((await readUpload(storage, sessionId, uploadId))?.bytes ?? null) : null;
    if (bytes) budget -= size;
    uploads.set(uploadId, { mime, name, size, bytes });
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
      phases: timelineOf(protocol).map((step) => ({
        id: step.phase.id,
        title: step.phase.title,
        prompt: step.phase.prompt,
        durationMs: step.phase.durationMs,
        round: step.round,
      })),
    },
    agenda: control?.convening ? control.agenda.map((block) => ({ block, question: questionOf(block, control.questions) })) : [],
    rounds,
    people: participants.map((p) => ({
      id: p.participantId,
      name: p.name,
      role: p.role,
      organization: p.organization ?? null,
      systemRole: p.systemRole ?? null,
    })),
    tables,
    phases,
    plenary,
    harvest,
    themes,
    cardThemes,
    uploads,
    openVoteDots: Object.values(control?.votes ?? {}).map((vote) =>
      Object.fromEntries(Object.entries(vote.ballots).map(([id, ballot]) => [id, Object.values(ballot).reduce((a, b) => a + b, 0)])),
    ),
    control,
  };
}
