import { describe, expect, it } from 'vitest';
import { builtInProtocol } from '../protocols/builtins.js';
import { RunStatus, initialControlState, type Actor } from '../protocols/control.js';
import type { Protocol } from '../protocols/definition.js';
import {
  ClockMode,
  Gathering,
  SINGLE_TABLE_ID,
  applySessionAction,
  initialSessionControl,
  reviewSession,
  seatArrival,
  sessionStatus,
  tablesOf,
  upgradeSessionControl,
  type SessionAction,
  type SessionContext,
  type SessionControl,
  type SessionPerson,
} from './index.js';
import { sessionStateFor, sessionStateOf } from './view.js';

const cafe = builtInProtocol('world-cafe') as Protocol;
const HOST: Actor = { participantId: 'host', isHost: true, isObserver: false };
const actor = (id: string): Actor => ({ participantId: id, isHost: false, isObserver: false });

function people(count: number, orgs = 3): SessionPerson[] {
  const list: SessionPerson[] = [{ id: 'host', role: 'host', joinedAt: 0, present: true }];
  for (let i = 0; i < count; i++)
    list.push({ id: `p${i}`, role: 'participant', joinedAt: i + 1, present: true, organization: `org${i % orgs}` });
  return list;
}

const context = (list: SessionPerson[], now = 1_000_000): SessionContext => ({ now, protocol: cafe, people: list });

function act(control: SessionControl, action: SessionAction, by: Actor, ctx: SessionContext): SessionControl {
  const result = applySessionAction(control, action, by, ctx);
  if (!result.ok) throw new Error(`${action.action} refused: ${result.error.message}`);
  return result.control;
}

/** Starts the agenda and moves past the opening plenary (the host's Next) to round 1 at the tables. */
function startTables(control: SessionControl, ctx: SessionContext): SessionControl {
  let next = act(control, { action: 'startRound' }, HOST, ctx);
  while (next.agenda[next.block]?.kind === 'plenary') next = act(next, { action: 'next' }, HOST, ctx);
  return next;
}

describe('convening session control', () => {
  it('starts as one table with everyone present, and reads legacy single-run states', () => {
    const control = initialSessionControl(cafe, 7);
    const ctx = context(people(3));
    expect(tablesOf(control, ctx)).toEqual([{ id: SINGLE_TABLE_ID, name: 'Table 1', members: ['host', 'p0', 'p1', 'p2'], host: null }]);
    const legacy = { ...initialControlState(cafe, 9), version: 12 };
    const upgraded = upgradeSessionControl(legacy, cafe, 1);
    expect(upgraded.runs[SINGLE_TABLE_ID]).toEqual(legacy);
    expect(upgraded.version).toBe(12);
    expect(upgraded.convening).toBe(false);
  });

  it('seat: present participants at balanced tables, each with a table host; the host roams', () => {
    const ctx = context(people(11));
    const control = act(initialSessionControl(cafe, 3), { action: 'seat', tableSize: 4 }, HOST, ctx);
    expect(control.convening).toBe(true);
    expect(control.round).toBe(1);
    expect(control.tables.map((t) => t.id)).toEqual(['table-1', 'table-2', 'table-3']);
    const seated = control.tables.flatMap((t) => t.members);
    expect(seated.sort()).toEqual(Array.from({ length: 11 }, (_, i) => `p${i}`).sort());
    expect(control.tables.map((t) => t.members.length).sort()).toEqual([3, 4, 4]);
    for (const table of control.tables) expect(table.members[0]).toBe(table.host);
    expect(sessionStatus(control)).toBe(RunStatus.Lobby);
    expect(sessionStateOf(control, ctx, 'host').tableId).toBeNull();
    expect(sessionStateOf(control, ctx, 'p0').tableId).toBe(control.tables.find((t) => t.members.includes('p0'))?.id);
  });

  it('only the host changes the tables; observers nothing', () => {
    const ctx = context(people(4));
    const refused = applySessionAction(initialSessionControl(cafe, 1), { action: 'seat', tableCount: 2 }, actor('p0'), ctx);
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: 'Only the host can change the tables and the agenda.' } });
    const observer = applySessionAction(
      initialSessionControl(cafe, 1),
      { action: 'startRound' },
      { participantId: 'o', isHost: false, isObserver: true },
      ctx,
    );
    expect(observer.ok).toBe(false);
  });

  it('startRound with one clock: every table runs with the same deadline; the table host holds the tableHost role', () => {
    const ctx = context(people(12));
    let control = act(initialSessionControl(cafe, 5), { action: 'seat', tableCount: 3 }, HOST, ctx);
    control = startTables(control, ctx);
    const deadlines = new Set(control.tables.map((t) => control.runs[t.id]?.endsAt));
    expect(deadlines.size).toBe(1);
    for (const table of control.tables) {
      const run = control.runs[table.id];
      expect(run?.status).toBe(RunStatus.Running);
      expect(run?.roles.tableHost).toBe(table.host);
      for (const holder of Object.values(run?.roles ?? {})) expect(table.members).toContain(holder);
    }
  });

  it('the next round reseats: table hosts stay, travelers move to other tables, newcomers are named', () => {
    const ctx = context(people(12, 12));
    let control = act(initialSessionControl(cafe, 11), { action: 'seat', tableCount: 3 }, HOST, ctx);
    control = startTables(control, ctx);
    const first = control.tables;
    control = act(control, { action: 'endRound' }, HOST, ctx);
    expect(sessionStatus(control)).toBe(RunStatus.Done);
    control = startTables(control, ctx);
    expect(control.round).toBe(2);
    expect(control.pastRounds).toEqual([{ round: 1, tables: first }]);
    control.tables.forEach((table, t) => {
      expect(table.host).toBe(first[t]?.host);
    });
    // Travelers: every non-host left their table (12 people at 3 tables cannot avoid some repeats,
    // but meeting a fellow traveler again is preferred to staying).
    for (const table of control.tables) {
      const before = first.find((f) => f.id === table.id)?.members ?? [];
      const travelers = table.members.filter((id) => id !== table.host);
      for (const id of travelers) expect(before).not.toContain(id);
    }
    const state = sessionStateFor(control, ctx, 'table-1');
    const table1 = state.table;
    expect(table1?.id).toBe('table-1');
    expect(state.tableCount).toBe(control.tables.length);
    expect(table1?.newcomers.sort()).toEqual(table1?.members.filter((id) => id !== table1.host).sort());
    expect(state.round).toBe(2);
  });

  it('one clock: only the host sets the time, for every table; per table: a facilitator runs their own', () => {
    const ctx = context(people(8));
    let control = act(initialSessionControl(cafe, 2), { action: 'seat', tableCount: 2 }, HOST, ctx);
    control = startTables(control, ctx);
    const facilitator = control.runs['table-1']?.roles.facilitator as string;
    const refused = applySessionAction(control, { action: 'pause' }, actor(facilitator), ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused).toMatchObject({ error: { message: expect.stringContaining('the host moves everyone on') } });
    const paused = act(control, { action: 'pause' }, HOST, ctx);
    expect(control.tables.map((t) => paused.runs[t.id]?.status)).toEqual([RunStatus.Paused, RunStatus.Paused]);
    // Rotating is not timing: the facilitator may, at their own table only.
    expect(applySessionAction(control, { action: 'rotate' }, actor(facilitator), ctx)).toMatchObject({ ok: true, changed: ['table-1'] });
    expect(applySessionAction(control, { action: 'rotate', tableId: 'table-2' }, actor(facilitator), ctx)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    let own = act(initialSessionControl(cafe, 2), { action: 'seat', tableCount: 2, clock: ClockMode.PerTable }, HOST, ctx);
    own = startTables(own, ctx);
    const f2 = own.runs['table-2']?.roles.facilitator as string;
    const result = applySessionAction(own, { action: 'pause' }, actor(f2), ctx);
    expect(result).toMatchObject({ ok: true, changed: ['table-2'] });
    if (result.ok)
      expect([result.control.runs['table-1']?.status, result.control.runs['table-2']?.status]).toEqual([
        RunStatus.Running,
        RunStatus.Paused,
      ]);
  });

  it('move: the host moves a person now, with their role counts; pin: honoured at the next seating, as table host if asked', () => {
    const ctx = context(people(8));
    let control = act(initialSessionControl(cafe, 4), { action: 'seat', tableCount: 2 }, HOST, ctx);
    control = startTables(control, ctx);
    const mover = control.tables[0]?.members.find((id) => id !== control.tables[0]?.host) as string;
    const moved = act(control, { action: 'move', participantId: mover, tableId: 'table-2' }, HOST, ctx);
    expect(moved.tables[1]?.members).toContain(mover);
    expect(moved.tables[0]?.members).not.toContain(mover);
    expect(moved.runs['table-2']?.roleCounts[mover]).toEqual(
      control.runs['table-1']?.roleCounts[mover] ?? moved.runs['table-2']?.roleCounts[mover],
    );
    expect(applySessionAction(control, { action: 'move', participantId: mover, tableId: 'table-9' }, HOST, ctx)).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });

    let pinned = act(moved, { action: 'pin', participantId: 'p5', tableId: 'table-2', host: true }, HOST, ctx);
    pinned = act(pinned, { action: 'pin', participantId: 'p6', tableId: 'table-1' }, HOST, ctx);
    expect(pinned.tables[1]?.host).toBe('p5'); // named now: the table and its run agree at once
    expect(pinned.runs['table-2']?.roles.tableHost).toBe('p5');
    pinned = act(act(pinned, { action: 'endRound' }, HOST, ctx), { action: 'startRound' }, HOST, ctx);
    expect(pinned.round).toBe(2);
    expect(pinned.tables[1]?.host).toBe('p5');
    expect(pinned.tables[0]?.members).toContain('p6');
  });

  it('late arrivals sit at the smallest table, away from their own organization', () => {
    const list = people(6, 6);
    let control = act(initialSessionControl(cafe, 8), { action: 'seat', tableCount: 2 }, HOST, context(list));
    control = startTables(control, context(list));
    const late: SessionPerson = { id: 'late', role: 'participant', joinedAt: 99, present: true, organization: 'org0' };
    const withLate = [...list, late];
    const seated = seatArrival(control, context(withLate), 'late');
    const table = seated.tables.find((t) => t.members.includes('late'));
    expect(table).toBeDefined();
    expect(table?.members).not.toContain('p0'); // p0 is org0: equal sizes, so the table without them
    expect(seatArrival(seated, context(withLate), 'late')).toBe(seated);
  });

  it('summon pauses the running tables and sending everyone back resumes exactly those', () => {
    const ctx = context(people(8));
    let control = act(initialSessionControl(cafe, 6), { action: 'seat', tableCount: 2, clock: ClockMode.PerTable }, HOST, ctx);
    control = startTables(control, ctx);
    const f1 = control.runs['table-1']?.roles.facilitator as string;
    control = act(control, { action: 'pause' }, actor(f1), ctx);
    control = act(control, { action: 'summon', to: Gathering.Plenary }, HOST, ctx);
    expect(control.gathering).toBe(Gathering.Plenary);
    expect(control.summonPaused).toEqual(['table-2']);
    control = act(control, { action: 'summon', to: Gathering.Tables }, HOST, ctx);
    expect([control.runs['table-1']?.status, control.runs['table-2']?.status]).toEqual([RunStatus.Paused, RunStatus.Running]);
    expect(applySessionAction(control, { action: 'summon', to: Gathering.Tables }, HOST, ctx)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('broadcast: a trimmed message with a new id; empty or too long is refused', () => {
    const ctx = context(people(2));
    const once = act(initialSessionControl(cafe, 1), { action: 'broadcast', message: '  Five minutes left  ' }, HOST, ctx);
    expect(once.broadcast).toEqual({ id: 1, message: 'Five minutes left', at: ctx.now });
    expect(act(once, { action: 'broadcast', message: 'Again' }, HOST, ctx).broadcast?.id).toBe(2);
    expect(applySessionAction(once, { action: 'broadcast', message: '   ' }, HOST, ctx).ok).toBe(false);
    expect(applySessionAction(once, { action: 'broadcast', message: 'x'.repeat(501) }, HOST, ctx).ok).toBe(false);
  });

  it('catches up every table’s deadline after downtime, reporting only the tables that changed', () => {
    const ctx = context(people(8));
    let control = act(initialSessionControl(cafe, 6), { action: 'seat', tableCount: 2, clock: ClockMode.PerTable }, HOST, ctx);
    control = startTables(control, ctx);
    const f1 = control.runs['table-1']?.roles.facilitator as string;
    control = act(control, { action: 'pause' }, actor(f1), ctx);
    const later = context(ctx.people as SessionPerson[], ctx.now + 60 * 60_000);
    const reviewed = reviewSession(control, later, 'host', 60_000);
    expect(reviewed.changed).toEqual(['table-2']);
    const caught = reviewed.control.runs['table-2'];
    // The café round (20 minutes) ended at its exact deadline; table 1 is paused, so the round waits for it.
    expect(caught).toMatchObject({ status: RunStatus.Done, doneAt: control.runs['table-2']?.endsAt as number });
    expect(reviewed.control.block).toBe(control.block);
    expect(reviewed.control.runs['table-1']).toBe(control.runs['table-1']);
    expect(reviewSession(reviewed.control, later, 'host', 60_000).control).toBe(reviewed.control);
  });

  it('a participant volunteers to host a table whose host is away; not while the host is there', () => {
    const list = people(8);
    let control = act(initialSessionControl(cafe, 9), { action: 'seat', tableCount: 2 }, HOST, context(list));
    control = startTables(control, context(list));
    const table = control.tables[0]!;
    const volunteer = table.members.find((id) => id !== table.host)!;
    expect(applySessionAction(control, { action: 'volunteerHost' }, actor(volunteer), context(list))).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const hostAway = list.map((p) => (p.id === table.host ? { ...p, present: false } : p));
    const result = applySessionAction(control, { action: 'volunteerHost' }, actor(volunteer), context(hostAway));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.control.tables[0]).toMatchObject({
      host: volunteer,
      members: [volunteer, ...table.members.filter((m) => m !== volunteer)],
    });
    expect(result.control.runs['table-1']?.roles.tableHost).toBe(volunteer);
    // The next round keeps the volunteer as the table's host.
    const next = act(
      act(result.control, { action: 'endRound' }, HOST, context(hostAway)),
      { action: 'startRound' },
      HOST,
      context(hostAway),
    );
    expect(next.tables[0]?.host).toBe(volunteer);
  });

  it('a convening stored before agendas existed gets its protocol’s agenda, held at the round it was in', () => {
    const ctx = context(people(8));
    const seated = act(initialSessionControl(cafe, 4), { action: 'seat', tableCount: 2 }, HOST, ctx);
    // As an older server stored it: no agenda fields, the tables running the whole protocol.
    const { agenda: _agenda, block: _block, hold: _hold, seatings: _seatings, ...legacy } = seated;
    const runs = Object.fromEntries(
      Object.entries(legacy.runs).map(([id, run]) => [id, { ...run, status: RunStatus.Running, endsAt: ctx.now + 60_000 }]),
    );
    const upgraded = upgradeSessionControl({ ...legacy, runs }, cafe, 4);
    expect(upgraded.agenda.map((b) => b.id)).toEqual(['opening', 'round-1', 'round-2', 'round-3', 'closing']);
    expect(upgraded.block).toBe(1);
    expect(upgraded.hold).toBe(true);
    expect(upgraded.tables.map((t) => upgraded.runs[t.id]?.status)).toEqual([RunStatus.Done, RunStatus.Done]);
    // The host goes on from there: round 2 reseats.
    const next = act(upgraded, { action: 'startRound' }, HOST, ctx);
    expect(next.round).toBe(2);
    expect(next.agenda[next.block]?.id).toBe('round-2');
  });
});
