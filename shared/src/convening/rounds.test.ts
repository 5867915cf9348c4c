import { describe, expect, it } from 'vitest';
import { builtInProtocol } from '../protocols/builtins.js';
import { RunStatus, type Actor } from '../protocols/control.js';
import { Advance, minutes, type Protocol } from '../protocols/definition.js';
import { PLENARY_RUN } from './agenda.js';
import { applySessionAction, initialSessionControl, nextSessionDeadline, reviewSession } from './session.js';
import { ClockMode, Gathering, type SessionAction, type SessionContext, type SessionControl, type SessionPerson } from './sessionTypes.js';
import { sessionStateOf } from './view.js';
import { planSeatings } from './plan.js';

const cafe = builtInProtocol('world-cafe') as Protocol;
const HOST: Actor = { participantId: 'host', isHost: true, isObserver: false };
const T0 = 1_800_000_000_000;
const GRACE = 30_000;

/** 20 people of 5 organizations sized 5/4/4/4/3, and the host. */
function twenty(): SessionPerson[] {
  const sizes = [5, 4, 4, 4, 3];
  const list: SessionPerson[] = [{ id: 'host', role: 'host', joinedAt: 0, present: true }];
  sizes.forEach((size, org) => {
    for (let i = 0; i < size; i++)
      list.push({ id: `o${org}p${i}`, role: 'participant', joinedAt: list.length, present: true, organization: `Org ${org}` });
  });
  return list;
}

/** A fake clock and the people, with the transitions the server runs. */
class Event {
  now = T0;
  control: SessionControl;
  constructor(
    readonly protocol: Protocol,
    public people: SessionPerson[],
    seed = 42,
  ) {
    this.control = initialSessionControl(protocol, seed);
  }
  get context(): SessionContext {
    return { now: this.now, protocol: this.protocol, people: this.people };
  }
  act(action: SessionAction, by: Actor = HOST): SessionControl {
    const result = applySessionAction(this.control, action, by, this.context);
    if (!result.ok) throw new Error(`${action.action} refused: ${result.error.message}`);
    this.control = result.control;
    return this.control;
  }
  /** The server's timer: jump to the next deadline and review, as often as it fires. */
  fireTimer(): boolean {
    const due = nextSessionDeadline(this.control, GRACE);
    if (due === null) return false;
    this.now = Math.max(this.now, due);
    this.control = reviewSession(this.control, this.context, 'host', GRACE).control;
    return true;
  }
  advance(ms: number): void {
    this.now += ms;
    this.control = reviewSession(this.control, this.context, 'host', GRACE).control;
  }
  block(): string | undefined {
    return this.control.agenda[this.control.block]?.id;
  }
}

describe('a café as an agenda, with a fake clock', () => {
  it('20 people at 5 tables over 3 rounds: Welcome once, one café phase per round with its own question, reseats between rounds, the harvest in the plenary', () => {
    const event = new Event(cafe, twenty());
    event.act({ action: 'seat', tableCount: 5 });
    expect(event.control.tables.map((t) => t.members.length)).toEqual([4, 4, 4, 4, 4]);
    event.act({ action: 'startRound' });
    expect(event.block()).toBe('opening');
    expect(event.control.gathering).toBe(Gathering.Plenary);
    const welcome = sessionStateOf(event.control, event.context, 'o0p0');
    expect(welcome).toMatchObject({
      phase: { title: 'Welcome and café etiquette' },
      protocolRound: 0,
      protocolRounds: 3,
      agenda: { index: 0 },
    });
    // The welcome waits for the host (it is theirs to close); the plenary shows it as over.
    event.advance(minutes(10));
    expect(sessionStateOf(event.control, event.context, 'o0p0').phase?.over).toBe(true);
    event.act({ action: 'next' });

    const phasesSeen: string[] = [];
    const questions: (string | null)[] = [];
    const seatings: SessionControl['tables'][] = [];
    for (let round = 1; round <= 3; round++) {
      expect(event.block()).toBe(`round-${round}`);
      expect(event.control.gathering).toBe(Gathering.Tables);
      expect(event.control.round).toBe(round);
      seatings.push(event.control.tables);
      for (const person of event.people.filter((p) => p.role === 'participant')) {
        const state = sessionStateOf(event.control, event.context, person.id);
        expect(state.status).toBe(RunStatus.Running);
        expect(state.protocolRound).toBe(round);
        expect(state.phaseCount).toBe(1);
        phasesSeen.push(state.phase?.id ?? '');
        if (person.id === 'o0p0') questions.push(state.agenda?.blocks[event.control.block]?.question ?? null);
      }
      // One clock: every table ends at the same moment, 20 minutes after the round started.
      expect(new Set(event.control.tables.map((t) => event.control.runs[t.id]?.endsAt))).toEqual(new Set([event.now + minutes(20)]));
      // Each role once per table, nobody with two.
      for (const table of event.control.tables) {
        const holders = Object.values(event.control.runs[table.id]?.roles ?? {});
        expect(holders).toHaveLength(3);
        expect(new Set(holders).size).toBe(3);
        expect(event.control.runs[table.id]?.roles.tableHost).toBe(table.host);
      }
      expect(event.fireTimer()).toBe(true); // the round ends and the next one starts by itself
    }
    expect(new Set(phasesSeen)).toEqual(new Set(['round']));
    expect(new Set(questions).size).toBe(3);
    expect(questions.every((q) => q !== null)).toBe(true);
    // Hosts stay; every traveler moved to another table between rounds.
    for (let r = 1; r < 3; r++) {
      seatings[r]!.forEach((table, t) => {
        expect(table.host).toBe(seatings[0]![t]!.host);
        const before = seatings[r - 1]![t]!.members;
        for (const id of table.members.filter((m) => m !== table.host)) expect(before).not.toContain(id);
      });
    }
    // The seatings are kept as each round started, at the exact deadlines.
    expect(event.control.seatings.map((s) => [s.round, s.at - event.control.seatings[0]!.at])).toEqual([
      [1, 0],
      [2, minutes(20)],
      [3, minutes(40)],
    ]);
    expect(event.block()).toBe('closing');
    expect(event.control.gathering).toBe(Gathering.Plenary);
    expect(sessionStateOf(event.control, event.context, 'o1p1')).toMatchObject({
      phase: { title: 'Harvest' },
      status: RunStatus.Running,
      protocolRound: 0,
    });
    event.advance(minutes(30));
    event.act({ action: 'next' });
    expect(event.control.block).toBe(event.control.agenda.length);
    expect(sessionStateOf(event.control, event.context, 'o1p1').status).toBe(RunStatus.Done);
  });

  it('with every phase automatic, the clock reaches the end with nobody acting, at the exact deadlines', () => {
    const auto = (p: Protocol['round'][number]) => ({ ...p, advance: Advance.Auto });
    const allAuto: Protocol = { ...cafe, opening: cafe.opening.map(auto), round: cafe.round.map(auto), closing: cafe.closing.map(auto) };
    const event = new Event(allAuto, twenty());
    event.act({ action: 'seat', tableCount: 5 });
    event.act({ action: 'startRound' });
    const started = event.now;
    let firings = 0;
    while (event.fireTimer()) firings++;
    expect(event.control.block).toBe(event.control.agenda.length);
    expect(firings).toBe(5); // welcome, three rounds, harvest: one timer each
    expect(event.now - started).toBe(minutes(10 + 3 * 20 + 30));
    // A server down for the whole event catches up in one review, to the same end.
    const late = new Event(allAuto, twenty());
    late.act({ action: 'seat', tableCount: 5 });
    late.act({ action: 'startRound' });
    late.advance(minutes(200));
    expect(late.control.block).toBe(late.control.agenda.length);
    expect(late.control.seatings.map((s) => s.at - started)).toEqual([minutes(10), minutes(30), minutes(50)]);
  });

  it('the host’s Next advances every table; holding a round keeps it from reseating until the host goes on', () => {
    const tuning = builtInProtocol('tuning') as Protocol;
    const event = new Event({ ...tuning, rounds: 2 }, twenty());
    event.act({ action: 'seat', tableCount: 4 });
    event.act({ action: 'startRound' });
    expect(event.block()).toBe('round-1');
    event.act({ action: 'next' });
    expect(event.control.tables.map((t) => event.control.runs[t.id]?.stepIndex)).toEqual([1, 1, 1, 1]);
    const presenters = event.control.tables.map((t) => event.control.runs[t.id]?.roles.presenter);
    const groups = event.control.tables.map((t) => t.members);
    // Roles hold through the round's phases…
    for (let step = 2; step < tuning.round.length; step++) event.act({ action: 'next' });
    expect(event.control.tables.map((t) => event.control.runs[t.id]?.roles.presenter)).toEqual(presenters);
    // …the host holds the end, so the last Next ends the round without starting the next one.
    event.act({ action: 'hold', on: true });
    event.act({ action: 'next' });
    expect(event.block()).toBe('round-1');
    expect(sessionStateOf(event.control, event.context, 'o0p0').agenda).toMatchObject({ waiting: true, held: true });
    event.act({ action: 'startRound' });
    expect(event.block()).toBe('round-2');
    // Tuning groups stay together while the presenter role moves on.
    expect(event.control.tables.map((t) => t.members)).toEqual(groups);
    event.control.tables.forEach((t, i) => {
      expect(event.control.runs[t.id]?.roles.presenter).not.toBe(presenters[i]);
    });
  });

  it('a table host who left is replaced by someone who sat at that table; a host named before seating hosts their table', () => {
    const people = twenty();
    const event = new Event(cafe, people);
    event.act({ action: 'pin', participantId: 'o4p2', tableId: 'table-3', host: true });
    event.act({ action: 'seat', tableCount: 5, clock: ClockMode.Shared });
    expect(event.control.tables[2]).toMatchObject({ host: 'o4p2' });
    expect(event.control.tables[2]?.members[0]).toBe('o4p2');
    event.act({ action: 'startRound' });
    event.act({ action: 'next' }); // welcome → round 1
    expect(event.control.runs['table-3']?.roles.tableHost).toBe('o4p2');
    const table1 = event.control.tables[0]!;
    const leaver = table1.host as string;
    event.people = people.map((p) => (p.id === leaver ? { ...p, present: false } : p));
    event.fireTimer(); // round 1 ends, round 2 seats
    const newHost = event.control.tables[0]?.host as string;
    expect(newHost).not.toBe(leaver);
    expect(table1.members).toContain(newHost);
    expect(event.control.runs['table-1']?.roles.tableHost).toBe(newHost);
    expect(event.control.tables[2]?.host).toBe('o4p2');
  });

  it('a broadcast ends with its round; in the plenary the side panel follows the plenary, not a paused table', () => {
    const event = new Event(cafe, twenty());
    event.act({ action: 'seat', tableCount: 5 });
    event.act({ action: 'startRound' });
    event.act({ action: 'next' });
    event.act({ action: 'broadcast', message: 'Five minutes left' });
    expect(event.control.broadcast?.message).toBe('Five minutes left');
    event.fireTimer();
    expect(event.control.broadcast).toBeNull();
    event.fireTimer();
    event.fireTimer();
    const harvest = sessionStateOf(event.control, event.context, 'o2p2');
    expect(harvest.tableId).not.toBeNull();
    expect(harvest.phase?.id).toBe('harvest');
    expect(event.control.runs[PLENARY_RUN]?.status).toBe(RunStatus.Running);
    // Participants cannot run the plenary's clock or mark themselves ready in it.
    const by = { participantId: 'o2p2', isHost: false, isObserver: false };
    expect(applySessionAction(event.control, { action: 'next' }, by, event.context)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('the plan previewed before the start is the seating every round gets when the same people come; expected people are planned in', () => {
    const everyone = twenty();
    // Half of them are on the roster and not here yet: the plan seats them all the same.
    const expectedOnly = everyone.map((p, i) => (i % 2 === 1 ? { ...p, present: false, expected: true } : p));
    const event = new Event(cafe, expectedOnly);
    event.act({ action: 'seat', tableCount: 5, seed: 2026 });
    const plan = planSeatings(event.control, event.context);
    expect(plan.map((r) => r.round)).toEqual([1, 2, 3]);
    expect(plan[0]?.tables.flatMap((t) => t.members)).toHaveLength(20);
    expect(plan.every((r) => !r.started)).toBe(true);
    expect(plan.map((r) => r.repeatedPairs)).toEqual([0, 0, 0]);
    // Everyone arrives; the agenda runs by itself; each round is seated as planned.
    event.people = everyone;
    event.act({ action: 'startRound' });
    event.act({ action: 'next' });
    while (event.fireTimer() && event.control.agenda[event.control.block]?.kind === 'tables');
    expect(event.control.seatings.map((s) => s.tables)).toEqual(plan.map((r) => r.tables));
    const after = planSeatings(event.control, event.context);
    expect(after.every((r) => r.started)).toBe(true);
    // The same seed gives the same plan again.
    const again = new Event(cafe, expectedOnly);
    again.act({ action: 'seat', tableCount: 5, seed: 2026 });
    expect(planSeatings(again.control, again.context).map((r) => r.tables)).toEqual(plan.map((r) => r.tables));
  });

  it('the host shows one table to everyone until they send everyone back or the round ends', () => {
    const event = new Event(cafe, twenty());
    event.act({ action: 'seat', tableCount: 5 });
    event.act({ action: 'startRound' });
    event.act({ action: 'next' });
    event.act({ action: 'spotlight', tableId: 'table-2' });
    expect(sessionStateOf(event.control, event.context, 'o0p0').spotlight).toBe('table-2');
    const by = { participantId: 'o0p0', isHost: false, isObserver: false };
    expect(applySessionAction(event.control, { action: 'spotlight', tableId: null }, by, event.context)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(applySessionAction(event.control, { action: 'spotlight', tableId: 'table-9' }, HOST, event.context)).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    event.act({ action: 'spotlight', tableId: null });
    expect(event.control.spotlight).toBeNull();
    event.act({ action: 'spotlight', tableId: 'table-4' });
    event.fireTimer();
    expect(event.control.round).toBe(2);
    expect(event.control.spotlight).toBeNull();
  });

  it('in the plenary everyone dot-votes on harvest themes; the host runs the vote', () => {
    const event = new Event(cafe, twenty());
    event.act({ action: 'seat', tableCount: 5 });
    event.act({ action: 'startRound' });
    const ana = { participantId: 'o0p0', isHost: false, isObserver: false };
    const ben = { participantId: 'o1p0', isHost: false, isObserver: false };
    expect(
      applySessionAction(event.control, { action: 'openVote', items: ['theme-a', 'theme-b'], dots: 2 }, ana, event.context),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    event.act({ action: 'openVote', items: ['theme-a', 'theme-b'], dots: 2, title: 'Which theme next?' });
    event.act({ action: 'vote', itemId: 'theme-a', count: 2 }, ana);
    event.act({ action: 'vote', itemId: 'theme-b', count: 1 }, ben);
    expect(sessionStateOf(event.control, event.context, 'o2p0').vote).toMatchObject({
      items: ['theme-a', 'theme-b'],
      voters: ['o0p0', 'o1p0'],
    });
    event.act({ action: 'revealVote' });
    expect(sessionStateOf(event.control, event.context, 'o2p0').vote?.results).toEqual({ 'theme-a': 2, 'theme-b': 1 });
    event.act({ action: 'closeVote' });
    expect(event.control.closedVotes.map((v) => v.tableId)).toEqual(['plenary']);
  });

  it('a Knowledge Café: the talk together, three reshuffled rounds that end by themselves, the circle and pledges together', () => {
    const knowledge = builtInProtocol('knowledge-cafe') as Protocol;
    const event = new Event(knowledge, twenty());
    event.act({ action: 'seat', tableSize: 4 });
    event.act({ action: 'startRound' });
    const parts: string[] = [];
    for (let guard = 0; guard < 20 && event.control.block < event.control.agenda.length; guard++) {
      const state = sessionStateOf(event.control, event.context, 'o3p1');
      parts.push(`${event.block()}:${state.phase?.id}`);
      // The host closes only the phases that wait for them; the rounds end at their deadlines.
      if (state.phase?.advance === Advance.Facilitator) {
        event.advance(state.phase.durationMs);
        event.act({ action: 'next' });
      } else event.fireTimer();
    }
    expect(parts).toEqual([
      'opening:opening',
      'round-1:conversation',
      'round-2:conversation',
      'round-3:conversation',
      'closing:circle',
      'closing:pledge',
    ]);
    expect(event.control.seatings.map((s) => s.tables.length)).toEqual([5, 5, 5]);
    // Reshuffled each round: nobody sits with the same three people twice.
    for (let r = 1; r < 3; r++) {
      for (const table of event.control.seatings[r]!.tables) {
        const before = event.control.seatings[r - 1]!.tables.find((t) => t.members.includes(table.members[1]!))!;
        expect(table.members.filter((id) => before.members.includes(id)).length).toBeLessThan(table.members.length);
      }
    }
  });

  it('hands go up at a table for its people only; the plenary has one queue for everyone; a new part starts with none', () => {
    const event = new Event(cafe, twenty());
    event.act({ action: 'seat', tableCount: 5 });
    event.act({ action: 'startRound' });
    event.act({ action: 'next' });
    const ana = { participantId: 'o0p0', isHost: false, isObserver: false };
    event.act({ action: 'raiseHand', up: true }, ana);
    const table = event.control.tables.find((t) => t.members.includes('o0p0'))!;
    const neighbour = table.members.find((id) => id !== 'o0p0')!;
    const elsewhere = event.control.tables.find((t) => t.id !== table.id)!.members[0]!;
    expect(sessionStateOf(event.control, event.context, neighbour).talk?.hands.map((h) => h.participantId)).toEqual(['o0p0']);
    expect(sessionStateOf(event.control, event.context, elsewhere).talk).toBeNull();
    expect(applySessionAction(event.control, { action: 'raiseHand', up: true, tableId: 'table-9' }, ana, event.context).ok).toBe(false);
    event.fireTimer(); // round 2: fresh queues
    expect(sessionStateOf(event.control, event.context, 'o0p0').talk).toBeNull();
    event.fireTimer();
    event.fireTimer(); // the harvest, everyone together
    event.act({ action: 'raiseHand', up: true }, ana);
    event.act({ action: 'startPiece', perPersonMs: 60_000 });
    const state = sessionStateOf(event.control, event.context, elsewhere);
    expect(state.talk?.hands.map((h) => h.participantId)).toEqual(['o0p0']);
    expect(state.talk?.piece?.order).toHaveLength(21); // the host takes a turn too
  });
});
