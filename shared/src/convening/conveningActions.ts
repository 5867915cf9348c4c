/**
 * The host's convening actions as pure transitions: seat, start and end parts of the agenda, hold,
 * questions, the spotlight, a composed agenda, call links, moves and pins, the summon, broadcasts
 * and the session's settings — and a participant volunteering to host their table.
 */
import { builtInProtocol } from '../protocols/builtins.js';
import { RunStatus, applyControl, type Actor, type ControlAction } from '../protocols/control.js';
import { checkCallLink, withCallLink } from '../talk/callLinks.js';
import { BlockKind, agendaOf } from './agenda.js';
import { composeAgenda } from './compose.js';
import { currentBlock, currentRunKeys } from './position.js';
import { tableCountOf } from './problem.js';
import { endCurrentRuns, enterBlock } from './rounds.js';
import { fail, versioned } from './sessionResult.js';
import {
  Gathering,
  MAX_BROADCAST_CHARS,
  MAX_TABLES,
  type ConveningAction,
  type ConveningSettings,
  type SessionContext,
  type SessionControl,
  type SessionResult,
} from './sessionTypes.js';
import { isSeatable, placeIn, reseat, runContext, sessionRoleCounts, setTableHost } from './tableSeating.js';
import type { SeatingPerson } from './types.js';

const CONVENING_ACTIONS: ReadonlySet<string> = new Set([
  'seat',
  'startRound',
  'endRound',
  'hold',
  'question',
  'spotlight',
  'composeAgenda',
  'callLink',
  'move',
  'pin',
  'summon',
  'broadcast',
  'shareParticipation',
  'anonymousReactions',
  'talkTimeInRecord',
]);

/** Whether an action is a convening action (as opposed to a table run action). */
export function isConveningAction(action: { action: string }): action is ConveningAction {
  return CONVENING_ACTIONS.has(action.action);
}

/** A participant volunteers to host their table (it has no host, or its host is away). */
export function volunteer(control: SessionControl, actor: Actor, context: SessionContext): SessionResult {
  if (!control.convening) return fail('conflict', 'Table hosts are for convenings with several tables.');
  const table = control.tables.find((t) => t.members.includes(actor.participantId));
  if (!table) return fail('forbidden', 'Sit at a table to host it.');
  if (table.host === actor.participantId) return fail('conflict', 'You already host this table.');
  const hostPresent = table.host !== null && context.people.some((p) => p.id === table.host && p.present);
  if (hostPresent) return fail('conflict', 'This table already has a host; ask them or the session host to hand over.');
  return versioned(control, setTableHost(control, context, table.id, actor.participantId), 'all');
}

/** Seats the present people for the first round (again, before it starts), as the host asked. */
function seat(control: SessionControl, action: Extract<ConveningAction, { action: 'seat' }>, context: SessionContext): SessionResult {
  if (control.convening && control.seatings.length > 0)
    return fail('conflict', 'The first round has started: from now on the tables are reseated at each round (or move people one by one).');
  const includeHost = action.includeHost ?? control.settings.includeHost;
  const seatable = context.people.filter((p) => (p.present || p.expected === true) && isSeatable(p, includeHost)).length;
  const sized = action.tableCount !== undefined || action.tableSize !== undefined;
  const tableCount = sized
    ? tableCountOf({ people: new Array<SeatingPerson>(seatable), tableCount: action.tableCount, tableSize: action.tableSize, seed: 0 })
    : control.settings.tableCount;
  if (tableCount < 1 || tableCount > MAX_TABLES) return fail('bad_request', `Choose between 1 and ${MAX_TABLES} tables.`);
  const settings: ConveningSettings = { tableCount, clock: action.clock ?? control.settings.clock, includeHost };
  const agenda = control.agenda.length > 0 ? control.agenda : agendaOf(context.protocol);
  // Seating again before the agenda starts replaces the plan: nobody has sat anywhere yet.
  const base: SessionControl = {
    ...control,
    convening: true,
    settings,
    agenda,
    seed: action.seed ?? control.seed,
    round: 0,
    tables: [],
    history: {},
    pastRounds: [],
  };
  return versioned(control, reseat(base, context, 1), 'all');
}

export function applyConveningAction(
  control: SessionControl,
  action: ConveningAction,
  actor: Actor,
  context: SessionContext,
): SessionResult {
  const host = { participantId: actor.participantId, isHost: true, isObserver: false };
  switch (action.action) {
    case 'seat':
      return seat(control, action, context);
    case 'startRound': {
      if (!control.convening) return fail('conflict', 'Seat people at tables first.');
      if (control.block >= control.agenda.length) return fail('conflict', 'The agenda is over.');
      return versioned(control, enterBlock(control, context, control.block + 1, context.now), 'all');
    }
    case 'endRound': {
      if (currentRunKeys(control).every((key) => control.runs[key]?.status === RunStatus.Done))
        return fail('conflict', 'Nothing is going: start the next part of the agenda.');
      return versioned(control, { ...endCurrentRuns(control, context.now), hold: true }, 'all');
    }
    case 'hold':
      if (!control.convening) return fail('conflict', 'Seat people at tables first.');
      return versioned(control, { ...control, hold: action.on }, 'all');
    case 'question': {
      const block = control.agenda.find((b) => b.id === action.blockId);
      if (!block || block.kind !== BlockKind.Tables) return fail('bad_request', `There is no round ${action.blockId} in the agenda.`);
      return versioned(control, { ...control, questions: { ...control.questions, [block.id]: action.text.trim() } }, 'all');
    }
    case 'move': {
      if (!control.convening) return fail('conflict', 'Seat people at tables first.');
      const person = context.people.find((p) => p.id === action.participantId);
      if (!person || person.role === 'observer') return fail('bad_request', 'That person is not in this session or only observes.');
      if (!control.tables.some((t) => t.id === action.tableId)) return fail('bad_request', `There is no table ${action.tableId}.`);
      return versioned(control, placeIn(control, action.participantId, action.tableId, sessionRoleCounts(control, context)), 'all');
    }
    case 'pin':
      return pin(control, action, context);
    case 'composeAgenda': {
      if (control.block >= 0) return fail('conflict', 'The agenda has started: it can only be composed before.');
      const composed = composeAgenda(action.parts, (id) => (id === context.protocol.id ? context.protocol : builtInProtocol(id)));
      if (!composed.ok) return fail('bad_request', composed.message);
      // The first seating stays; its rounds follow the new agenda.
      return versioned(control, { ...control, agenda: composed.agenda, questions: {} }, 'all');
    }
    case 'callLink': {
      if (action.tableId !== null && !/^table-\d{1,3}$/.test(action.tableId))
        return fail('bad_request', `There is no table ${action.tableId}.`);
      if (action.url === null || action.url.trim() === '')
        return versioned(control, { ...control, callLinks: withCallLink(control.callLinks, action.tableId, null) }, 'all');
      const checked = checkCallLink(action.url);
      if (!checked.ok) return fail('bad_request', checked.message);
      return versioned(control, { ...control, callLinks: withCallLink(control.callLinks, action.tableId, checked.url) }, 'all');
    }
    case 'spotlight': {
      if (action.tableId !== null && !control.tables.some((t) => t.id === action.tableId))
        return fail('bad_request', `There is no table ${action.tableId}.`);
      if (action.tableId === control.spotlight)
        return fail('conflict', action.tableId ? 'That table is already shown to everyone.' : 'No table is shown to everyone.');
      return versioned(control, { ...control, spotlight: action.tableId }, 'all');
    }
    case 'summon': {
      if (action.to === control.gathering)
        return fail(
          'conflict',
          action.to === Gathering.Plenary ? 'Everyone is already in the plenary.' : 'Everyone is already at their tables.',
        );
      if (currentBlock(control)?.kind === BlockKind.Plenary)
        return fail('conflict', 'This part of the agenda is the plenary: start the next round to send people to their tables.');
      return versioned(control, summon(control, action.to, host, context), 'all');
    }
    case 'shareParticipation':
      return versioned(control, { ...control, participationShared: action.visible }, 'all');
    case 'anonymousReactions':
      return versioned(control, { ...control, anonymousReactions: action.on }, 'all');
    case 'talkTimeInRecord':
      return versioned(control, { ...control, talkTimeInRecord: action.on }, 'all');
    case 'broadcast': {
      const message = action.message.trim();
      if (message.length === 0 || message.length > MAX_BROADCAST_CHARS)
        return fail('bad_request', `Write a message of 1 to ${MAX_BROADCAST_CHARS} characters.`);
      return versioned(control, { ...control, broadcast: { id: (control.broadcast?.id ?? 0) + 1, message, at: context.now } }, 'all');
    }
  }
}

/** Pins a person to a table for future seatings; as its host too when asked (before or after seating). */
function pin(control: SessionControl, action: Extract<ConveningAction, { action: 'pin' }>, context: SessionContext): SessionResult {
  const person = context.people.find((p) => p.id === action.participantId);
  if (!person || person.role === 'observer') return fail('bad_request', 'That person is not in this session or only observes.');
  const tableCount = control.convening ? control.settings.tableCount : MAX_TABLES;
  const index = action.tableId === null ? -1 : Number(action.tableId.replace('table-', '')) - 1;
  if (action.tableId !== null && (index < 0 || index >= tableCount)) return fail('bad_request', `There is no table ${action.tableId}.`);
  const pins = { ...control.pins };
  const namedHosts = Object.fromEntries(Object.entries(control.namedHosts).filter(([, id]) => id !== action.participantId));
  if (action.tableId === null) delete pins[action.participantId];
  else {
    pins[action.participantId] = action.tableId;
    if (action.host) namedHosts[action.tableId] = action.participantId;
  }
  let next: SessionControl = { ...control, pins, namedHosts };
  const seatedNow = control.convening && control.tables.some((t) => t.id === action.tableId);
  if (action.tableId !== null && action.host && seatedNow) next = setTableHost(next, context, action.tableId, action.participantId);
  else if (!action.host || action.tableId === null)
    next = {
      ...next,
      tables: next.tables.map((t) =>
        t.host === action.participantId && control.namedHosts[t.id] === action.participantId ? { ...t, host: null } : t,
      ),
    };
  return versioned(control, next, 'all');
}

/** Everyone to the plenary (the running tables pause) or back to the tables (exactly those resume). */
function summon(control: SessionControl, to: Gathering, host: Actor, context: SessionContext): SessionControl {
  const runs = { ...control.runs };
  let summonPaused: string[] = [];
  const ids = to === Gathering.Plenary ? control.tables.map((t) => t.id) : control.summonPaused;
  for (const id of ids) {
    const run = runs[id];
    const wanted = to === Gathering.Plenary ? RunStatus.Running : RunStatus.Paused;
    if (run?.status !== wanted) continue;
    const changed = applyControl(
      run,
      { action: to === Gathering.Plenary ? 'pause' : 'resume' } as ControlAction,
      host,
      runContext(control, context, id),
    );
    if (!changed.ok) continue;
    runs[id] = changed.state;
    if (to === Gathering.Plenary) summonPaused = [...summonPaused, id];
  }
  return { ...control, runs, gathering: to, summonPaused };
}
