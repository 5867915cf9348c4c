/**
 * Builds what one rendering of a record shows (`RecordOutline`), in the order a network lead
 * sends it: the summary (for a session with one table, first what it came to: the focusing
 * question, what we heard, the presenter's reflection; the next steps; the agenda with each
 * round's question; who came), the themes and harvest, then the agenda part by part (partsOutline.ts). Times are in the options'
 * zone; names, organizations and system roles appear only as the options allow.
 */
import { describeTalkSpread, groupByTheme, talkSpread, READING_ORDER_NOTE, type RecordOptions } from '@worktable/shared';
import { RecordClock } from './clock.js';
import { formatDuration } from './format.js';
import type { OutlineContext } from './itemsOutline.js';
import type { AgendaLine, RecordOutline, SummaryOutline, ThemeOutline } from './outlineTypes.js';
import { partsOutline } from './partsOutline.js';
import { RecordPeople } from './people.js';
import { nextStepsOutline, tableSummaryOutline } from './tableSummaryOutline.js';
import type { SessionRecordData } from './recordData.js';

/** The day the session ran: when its first round started or first phase ended, else when it was made. */
function dayOf(data: SessionRecordData): number {
  const moments = [...data.rounds.flatMap((r) => (r.at === null ? [] : [r.at])), ...data.phases.map((p) => p.endedAt)];
  return moments.length > 0 ? Math.min(...moments) : data.createdAt;
}

/** The agenda: a convening's blocks with their questions, or a single table's phases. */
function agendaLines(data: SessionRecordData): AgendaLine[] {
  if (data.agenda.length > 0) {
    return data.agenda.map(({ block, question }) => ({
      title: block.title,
      planned: formatDuration(block.phases.reduce((sum, p) => sum + p.durationMs, 0)),
      question,
      phases: block.phases.length > 1 ? block.phases.map((p) => ({ title: p.title, planned: formatDuration(p.durationMs) })) : [],
    }));
  }
  return data.protocol.phases.map((p) => ({
    title: data.protocol.rounds > 1 && p.round > 0 ? `${p.title} (round ${p.round})` : p.title,
    planned: formatDuration(p.durationMs),
    question: null,
    phases: [],
  }));
}

/** What the summary says about reading the record. */
function readingNotes(options: RecordOptions, zone: string): string[] {
  const notes = [`Times are in ${zone}.`, READING_ORDER_NOTE];
  if (!options.names) notes.push('Names are left out: people are numbered in the order they joined, the same number throughout.');
  const left = [!options.organizations && 'organizations', !options.systemRoles && 'roles in their systems'].filter(
    (x): x is string => typeof x === 'string',
  );
  if (left.length > 0) notes.push(`People’s ${left.join(' and ')} are left out.`);
  return notes;
}

/** The spread of talk time, no names, if the host put it in the record and anyone spoke in a call. */
function talkTimeLine(data: SessionRecordData): string | null {
  if (!data.control?.talkTimeInRecord) return null;
  const spread = talkSpread(data.control.spoken ?? {});
  return spread ? `Talk time in the calls: ${describeTalkSpread(spread)}` : null;
}

function summaryOutline(data: SessionRecordData, context: OutlineContext, day: number): SummaryOutline {
  const table = tableSummaryOutline(data, context);
  return {
    table,
    nextSteps: nextStepsOutline(data, context, table !== null),
    date: context.clock.day(day),
    exportedAt: context.clock.time(data.exportedAt),
    protocolTitle: data.protocol.title,
    protocolSummary: data.protocol.summary,
    agenda: agendaLines(data),
    attendance: context.people.attendance(),
    talkTime: talkTimeLine(data),
    notes: readingNotes(context.options, context.clock.zone(day)),
  };
}

function themesOutline(data: SessionRecordData, context: OutlineContext): ThemeOutline[] {
  return groupByTheme(data.harvest, data.themes, data.cardThemes).map(({ theme, cards }) => ({
    name: theme?.name ?? null,
    cards: cards.map((card) => ({
      kind: card.kind,
      text: card.text,
      turnsOut: card.kind === 'shift' ? (card.turnsOut ?? '') : null,
      from: card.round > 0 ? `${card.tableName} · Round ${card.round}` : card.tableName,
      by: context.people.name(card.by, card.byName),
    })),
  }));
}

/** The outline of `data` rendered with `options`. */
export function buildOutline(data: SessionRecordData, options: RecordOptions): RecordOutline {
  const day = dayOf(data);
  const context: OutlineContext = {
    people: new RecordPeople(data.people, options),
    clock: new RecordClock(options.timeZone, day),
    options,
  };
  // Built in reading order, so people who left are numbered as the reader meets them.
  const summary = summaryOutline(data, context, day);
  const themes = themesOutline(data, context);
  const parts = partsOutline(data, context);
  return { title: data.title, summary, themes, parts, uploads: data.uploads };
}
