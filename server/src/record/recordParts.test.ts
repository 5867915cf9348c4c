/**
 * The record's pure pieces: the reading order of a canvas, scribe notes sorted under their phases
 * without empty headings, each round's seating for sessions from before seatings were kept,
 * who held each role over which phases, and the presenter's reflection when the scribe wrote none.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  RunStatus,
  builtInProtocol,
  initialSessionControl,
  inReadingOrder,
  timelineOf,
  type HistoryLabel,
  type SessionControl,
  type TableSeating,
  notesByPhase,
  withoutEmptyHeadings,
  type Block,
} from '@worktable/shared';
import { roundSeatingsOf } from './collect.js';
import { phasesOutline, type OutlineContext } from './itemsOutline.js';
import { roleSpanLines } from './roleSpans.js';
import type { SessionRecordData } from './recordData.js';
import { readTableContent } from './tableContent.js';
import { tableSummaryOutline } from './tableSummaryOutline.js';
import { putNotes, putSticky, putThread } from '../testing/canvasWrites.js';

const at = (id: string, x: number, y: number, h = 100, createdAt = 0) => ({ id, x, y, h, createdAt });
const heading = (text: string, level = 2): Block => ({ type: 'heading', level, inlines: [{ text }] });
const paragraph = (text: string): Block => ({ type: 'paragraph', inlines: text ? [{ text }] : [] });

describe('record parts', () => {
  it('RP1 reads a canvas row by row from the top, left to right, whatever order things were made in', () => {
    const items = [at('c', 0, 300), at('b', 400, 30), at('a', 0, 0), at('d', 200, 310), at('e', 200, 0, 100, 5), at('f', 200, 0, 100, 1)];
    expect(inReadingOrder(items).map((i) => i.id)).toEqual(['a', 'f', 'e', 'b', 'c', 'd']);
  });

  it('RP2 puts notes under the phase they were written in, drops empty phase headings and empty paragraphs, keeps the rest apart', () => {
    const blocks = [
      paragraph('Before anything'),
      heading('1 / 2 · Talk'),
      paragraph('We talked'),
      paragraph(''),
      heading('2 / 2 · Gather'),
      paragraph(''),
      heading('3 / 3 · Still going'),
      paragraph('Live notes'),
    ];
    const split = notesByPhase(blocks, new Set(['1 / 2 · Talk', '2 / 2 · Gather']));
    expect([...split.phases.keys()]).toEqual(['1 / 2 · Talk']);
    expect(split.phases.get('1 / 2 · Talk')).toEqual([paragraph('We talked')]);
    expect(split.rest).toEqual([paragraph('Before anything'), heading('3 / 3 · Still going'), paragraph('Live notes')]);
    expect(withoutEmptyHeadings([heading('Empty', 1), heading('Also empty', 2), heading('Full', 2), paragraph('x')])).toEqual([
      heading('Empty', 1),
      heading('Full', 2),
      paragraph('x'),
    ]);
  });

  it('RP3 a session from before seatings were kept shows each round as it ended, started when the round before ended', () => {
    const table = (id: string, members: string[]): TableSeating => ({ id, name: id, members, host: members[0] ?? null });
    const protocol = builtInProtocol('world-cafe')!;
    const base = initialSessionControl(protocol, 1);
    const control: SessionControl = {
      ...base,
      convening: true,
      round: 2,
      tables: [table('table-1', ['c', 'd'])],
      runs: { 'table-1': { ...base.runs['table-1']!, status: RunStatus.Running } },
      pastRounds: [{ round: 1, tables: [table('table-1', ['a', 'b'])] }],
    };
    const label = { tableId: 'table-1', round: 1, endedAt: 5_000 } as HistoryLabel;
    expect(roundSeatingsOf(control, [label])).toEqual([
      { round: 1, blockId: null, at: null, tables: [table('table-1', ['a', 'b'])] },
      { round: 2, blockId: null, at: 5_000, tables: [table('table-1', ['c', 'd'])] },
    ]);
    // Kept seatings win over the seating as it ended.
    const kept = { ...control, seatings: [{ round: 1, blockId: 'round-1', at: 1_000, tables: [table('table-1', ['a', 'z'])] }] };
    expect(roundSeatingsOf(kept, [label])[0]).toEqual({ round: 1, blockId: 'round-1', at: 1_000, tables: [table('table-1', ['a', 'z'])] });
  });

  it('RP4 a phase run again after Back is marked "(again)", its notes shown once', () => {
    const label = (phaseIndex: number, phaseTitle: string, endedAt: number) =>
      ({
        tableId: 'table-1',
        protocolId: 'tuning',
        protocolTitle: 'Tuning',
        phaseId: phaseTitle,
        phaseTitle,
        phaseIndex,
        phaseCount: 8,
        protocolRound: 0,
        round: 0,
        roles: {},
        endedAt,
      }) as unknown as HistoryLabel;
    const context = {
      people: { name: (id: string) => id },
      clock: { time: (ms: number) => String(ms) },
      options: {},
    } as unknown as OutlineContext;
    const { phases } = phasesOutline(
      [label(0, 'Introduction', 1), label(1, 'Presentation', 2), label(0, 'Introduction', 3)],
      [],
      (l) => `${l.phaseIndex + 1} / 8 · ${l.phaseTitle}`,
      context,
    );
    expect(phases.map((p) => p.title)).toEqual(['Introduction', 'Presentation', 'Introduction (again)']);
  });

  it('RP5 roles by who held them when: consecutive phases with one holder are one span, a phase run again starts another', () => {
    const label = (phaseIndex: number, roles: HistoryLabel['roles'], endedAt: number) =>
      ({ tableId: 'table-1', phaseIndex, roles, endedAt }) as HistoryLabel;
    const labels = [
      label(3, { facilitator: 'ben', scribe: 'cy' }, 40),
      label(0, { facilitator: 'ana', scribe: 'cy', presenter: 'dee' }, 10),
      label(1, { facilitator: 'ana', scribe: 'cy', presenter: 'dee' }, 20),
      label(2, { facilitator: 'ana', scribe: 'cy' }, 30),
      label(4, { facilitator: 'ben', scribe: 'cy' }, 50),
      label(5, { facilitator: 'ben', scribe: 'cy' }, 60),
      label(4, { facilitator: 'ben', scribe: 'cy' }, 70), // Back, and phase 5 again
    ];
    const names: Record<string, string> = { ana: 'Ana', ben: 'Ben', cy: 'Cy', dee: 'Dee' };
    expect(roleSpanLines(labels, (id) => names[id] ?? id)).toEqual([
      'Facilitator: Ana (phases 1–3), Ben (phases 4–6), Ben (phase 5)',
      'Scribe: Cy (phases 1–6), Cy (phase 5)',
      'Presenter: Dee (phases 1–2)',
    ]);
    expect(roleSpanLines([], (id) => id)).toEqual([]);
  });

  it('RP6 with no notes under the reflection heading, the reflection is the feedback written while it ran', () => {
    const protocol = builtInProtocol('tuning')!;
    const steps = timelineOf(protocol);
    const labels = steps.map(
      (step, i) =>
        ({ tableId: 'table-1', phaseId: step.phase.id, phaseIndex: i, roles: {}, endedAt: (i + 1) * 100 }) as unknown as HistoryLabel,
    );
    const reflection = steps.findIndex((step) => step.phase.id === 'reflection'); // ends at (reflection + 1) * 100
    const doc = new Y.Doc();
    const maker = { id: 'dee', name: 'Dee', at: 1 };
    doc.transact(() => {
      putSticky(doc, 'work', 'The rubric', { y: 0 }, maker);
      putThread(doc, 'early', 'work', 'warm', [
        { text: 'Clear criteria', authorId: 'ana', authorName: 'Ana', at: 150 },
        { text: 'I will keep the criteria and cut the rest', authorId: 'dee', authorName: 'Dee', at: reflection * 100 + 50 },
      ]);
      putThread(doc, 'late', 'work', 'comment', [
        { text: 'Good protocol', authorId: 'ana', authorName: 'Ana', at: (reflection + 1) * 100 + 50 },
      ]);
      putNotes(
        doc,
        'notes',
        'tuning',
        'Notes · Tuning',
        [{ heading: '1 / 8 · Introduction', text: 'Norms reviewed' }],
        { x: 500, y: 0 },
        maker,
      );
    });
    const data = {
      agenda: [],
      control: null,
      protocol: {
        id: protocol.id,
        title: protocol.title,
        summary: protocol.summary,
        rounds: protocol.rounds,
        phases: steps.map((s) => ({ id: s.phase.id, title: s.phase.title, prompt: '', durationMs: 0, round: s.round })),
      },
      tables: [{ id: 'table-1', name: 'Table 1', seating: [], content: readTableContent(doc), votes: [], phases: labels }],
    } as unknown as SessionRecordData;
    const context = {
      people: { name: (_id: string, stored?: string) => stored ?? '?' },
      clock: { time: String },
      options: { names: true },
    } as unknown as OutlineContext;
    const summary = tableSummaryOutline(data, context);
    expect(summary?.reflection).toEqual([
      {
        title: 'Presenter reflection',
        blocks: [{ type: 'paragraph', inlines: [{ text: 'Dee: ', bold: true }, { text: 'I will keep the criteria and cut the rest' }] }],
      },
    ]);
    expect(summary?.heard.map((h) => [h.label, h.count])).toEqual([
      ['Warm feedback', 1],
      ['Comment', 1],
    ]);
    // A protocol without a reflection phase has no reflection to show (not an empty one).
    const atlas = builtInProtocol('atlas')!;
    const noReflection = {
      ...data,
      protocol: {
        ...data.protocol,
        phases: timelineOf(atlas).map((s) => ({ id: s.phase.id, title: s.phase.title, prompt: '', durationMs: 0, round: s.round })),
      },
    } as SessionRecordData;
    expect(tableSummaryOutline(noReflection, context)?.reflection).toBeNull();
  });
});
