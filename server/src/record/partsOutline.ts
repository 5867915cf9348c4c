/**
 * The record after the harvest, in agenda order: each plenary block with the phases that ended
 * in it and what was put on the plenary canvas then, and each round table by table (in table
 * order) with who sat there as the round started, the phases that ended there in that round with
 * their notes, and what was made there during the round. A session with one table is one part.
 *
 * Which part something belongs to: a table's notes document names its round; any other item
 * belongs to the last round of its table that had started when it was made (items made before
 * the first round: the first). On the plenary, an item or phase belongs to the last plenary block
 * before the first round that started after it (so the opening holds what came before the
 * rounds, the closing what came after). Parts with nothing in them are left out.
 */
import { BlockKind, PLENARY_RUN, notesRoundOf, phaseNotesHeading, roundCountOf, tableNumberOf, type HistoryLabel } from '@worktable/shared';
import { isNotes, itemsOutline, phasesOutline, type OutlineContext } from './itemsOutline.js';
import type { PartOutline, PlenaryOutline, RoundOutline, TableOutline } from './outlineTypes.js';
import type { RecordTable, RoundSeatingRecord, SessionRecordData } from './recordData.js';
import type { RecordArtifact } from './tableContent.js';

/** The latest of `rounds` that had started at `ms`; the first when none had. */
function roundAt(ms: number, rounds: readonly RoundSeatingRecord[]): number | undefined {
  let found = rounds[0]?.round;
  for (const r of rounds) if (r.at !== null && r.at <= ms) found = r.round;
  return found;
}

/** One table in round `round` (its seating there, if any, in `seating`). */
function tableOutline(
  table: RecordTable,
  round: number,
  seating: RoundSeatingRecord | undefined,
  data: SessionRecordData,
  context: OutlineContext,
  headingOf: (l: HistoryLabel) => string,
): TableOutline {
  const tableRounds = data.rounds.filter((r) => r.tables.some((t) => t.id === table.id));
  const roundOf = (ms: number) => (tableRounds.length > 0 ? roundAt(ms, tableRounds) : round);
  const notesRound = (a: RecordArtifact) => (a.content.kind === 'document' && a.content.notesOf ? notesRoundOf(a.content.notesOf) : null);
  const inRound = (a: RecordArtifact) =>
    (isNotes(a) && tableRounds.some((r) => r.round === notesRound(a)) ? notesRound(a) : roundOf(a.createdAt)) === round;
  const artifacts = table.content.artifacts.filter(inRound);
  const seat = seating?.tables.find((t) => t.id === table.id);
  const { phases, otherNotes, roles } = phasesOutline(
    table.phases.filter((p) => p.round === round),
    artifacts.filter(isNotes),
    headingOf,
    context,
  );
  // The run keeps its presenter's latest focusing question: it belongs to the table's last round.
  const lastRound = Math.max(0, ...tableRounds.map((r) => r.round));
  const focus = round >= lastRound ? (data.control?.runs[table.id]?.focus?.text ?? null) : null;
  return {
    name: seat?.name ?? table.name,
    focus,
    seated: (seat?.members ?? []).map((id) => context.people.name(id)),
    host: seat?.host ? context.people.name(seat.host) : null,
    roles,
    phases,
    otherNotes,
    items: itemsOutline(
      table.content.artifacts,
      {
        artifacts,
        threads: table.content.threads.filter((t) => roundOf(t.createdAt) === round),
        votes: table.votes.filter((v) => roundOf(v.openedAt) === round),
      },
      context,
    ),
  };
}

const isEmptyPlenary = (part: PlenaryOutline) =>
  part.phases.length === 0 && part.otherNotes.length === 0 && part.items.artifacts.length === 0 && part.items.threads.length === 0;

/** A plenary part from its phases and the plenary items that belong to it. */
function plenaryOutline(
  title: string,
  labels: readonly HistoryLabel[],
  artifacts: readonly RecordArtifact[],
  threads: SessionRecordData['plenary']['threads'],
  data: SessionRecordData,
  context: OutlineContext,
): PlenaryOutline {
  const { phases, otherNotes, roles } = phasesOutline(
    labels,
    artifacts.filter(isNotes),
    (l) => phaseNotesHeading({ ...l, protocolRound: 0 }),
    context,
  );
  return {
    kind: 'plenary',
    title,
    roles,
    phases,
    otherNotes,
    items: itemsOutline(data.plenary.artifacts, { artifacts, threads, votes: [] }, context),
  };
}

/** The parts of a convening, in agenda order. */
function conveningParts(data: SessionRecordData, context: OutlineContext): PartOutline[] {
  const agenda = data.agenda.map((a) => a.block);
  const roundCount = roundCountOf(agenda);
  const startOf = (round: number) => data.rounds.find((r) => r.round === round)?.at ?? null;
  const plenaryIndexes = agenda.flatMap((b, i) => (b.kind === BlockKind.Plenary ? [i] : []));
  /** The plenary block an item or phase at `ms` belongs to (see the file's comment). */
  const plenaryAt = (ms: number): number | undefined => {
    let next = agenda.findIndex((b) => b.kind === BlockKind.Tables && (startOf(b.round) ?? Number.NEGATIVE_INFINITY) > ms);
    if (next < 0) next = agenda.length;
    return plenaryIndexes.filter((i) => i < next).at(-1) ?? plenaryIndexes[0];
  };
  const tableHeading = (l: HistoryLabel) => phaseNotesHeading({ ...l, protocolRound: roundCount > 1 ? l.round : 0 });
  const parts: PartOutline[] = [];
  data.agenda.forEach(({ block, question }, index) => {
    if (block.kind === BlockKind.Plenary) {
      const part = plenaryOutline(
        block.title,
        data.phases.filter((p) => p.tableId === PLENARY_RUN && plenaryAt(p.endedAt) === index),
        data.plenary.artifacts.filter((a) => plenaryAt(a.createdAt) === index),
        data.plenary.threads.filter((t) => plenaryAt(t.createdAt) === index),
        data,
        context,
      );
      if (!isEmptyPlenary(part)) parts.push(part);
      return;
    }
    const seating = data.rounds.find((r) => r.round === block.round);
    const ended = new Set(data.phases.filter((p) => p.tableId !== PLENARY_RUN && p.round === block.round).map((p) => p.tableId));
    const tables = data.tables.filter((t) => seating?.tables.some((s) => s.id === t.id) || ended.has(t.id));
    if (tables.length === 0) return; // a round not held (yet)
    parts.push({
      kind: 'round',
      title: block.title,
      question,
      startedAt: seating && seating.at !== null ? context.clock.time(seating.at) : null,
      tables: tables
        .sort((a, b) => tableNumberOf(a.id) - tableNumberOf(b.id))
        .map((t) => tableOutline(t, block.round, seating, data, context, tableHeading)),
    });
  });
  if (plenaryIndexes.length === 0) {
    const part = plenaryOutline('The plenary canvas', [], data.plenary.artifacts, data.plenary.threads, data, context);
    if (!isEmptyPlenary(part)) parts.push(part);
  }
  const seatedAnywhere = new Set(data.rounds.flatMap((r) => r.tables.map((t) => t.id)).concat(data.phases.map((p) => p.tableId)));
  const unseated = data.tables.filter((t) => !seatedAnywhere.has(t.id) && (t.content.artifacts.length > 0 || t.content.threads.length > 0));
  if (unseated.length > 0) {
    parts.push({
      kind: 'round',
      title: 'Other tables',
      question: null,
      startedAt: null,
      tables: unseated.map((t) => tableOutline(t, 0, undefined, data, context, tableHeading)),
    });
  }
  return parts;
}

/** The part of a session with one table: that table, everyone who took part seated at it. */
function singleTableParts(data: SessionRecordData, context: OutlineContext): PartOutline[] {
  const heading = (l: HistoryLabel) => phaseNotesHeading(l);
  const tables = data.tables.map((table): TableOutline => {
    const { phases, otherNotes, roles } = phasesOutline(table.phases, table.content.artifacts.filter(isNotes), heading, context);
    const seat = table.seating[0];
    return {
      name: table.name,
      focus: data.control?.runs[table.id]?.focus?.text ?? null,
      seated: (seat?.members ?? []).map((id) => context.people.name(id)),
      host: null,
      roles,
      phases,
      otherNotes,
      items: itemsOutline(
        table.content.artifacts,
        { artifacts: table.content.artifacts, threads: table.content.threads, votes: table.votes },
        context,
      ),
    };
  });
  const parts: PartOutline[] = [
    { kind: 'round', title: data.protocol.title, question: null, startedAt: null, tables } satisfies RoundOutline,
  ];
  const plenary = plenaryOutline('The plenary canvas', [], data.plenary.artifacts, data.plenary.threads, data, context);
  if (!isEmptyPlenary(plenary)) parts.push(plenary);
  return parts;
}

/** Every part after the harvest, in order. */
export function partsOutline(data: SessionRecordData, context: OutlineContext): PartOutline[] {
  return data.agenda.length > 0 ? conveningParts(data, context) : singleTableParts(data, context);
}
