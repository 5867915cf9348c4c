/**
 * The call signaling benchmark's scenario (`callSignalingBench.ts`): the session convened over the
 * API and socket.io, everyone joining their table's call, the reseat, and when each call is whole
 * again at its table.
 */
import { io as connectSocket, type Socket } from 'socket.io-client';
import { controlAuth, ControlEvent, type ControlAck, type SessionState, type WireTable } from '@worktable/shared';
import { seatingOf } from '@worktable/server/testing/controlClient';
import { SimulatedCall, type Traffic } from './callBenchBrowser.js';
import { openWindow, totalTraffic, trafficSince, type Window, type WindowResult } from './callBenchMeasure.js';
import { postJson } from './targets.js';
import { sleep } from './time.js';
import { autoPhases, benchCafe } from './benchProtocols.js';

/** Two café rounds of long auto phases (nothing ends by itself during the run); round 2 reseats. */
const protocol = benchCafe('bench-calls', 'Call signaling benchmark', autoPhases(['listen', 'talk', 'harvest'], 10 * 60_000), 2);

/** A call that has not reconnected after this long counts as never reconnecting (the run fails). */
export const RECONNECT_TIMEOUT_MS = 30_000;

/** A participant of the bench. */
export interface Person {
  participantId: string;
  socket: Socket;
  states: { state: SessionState; at: number }[];
  call: SimulatedCall;
}

/** The calls by peer id, to look at the other side of a link. */
export type CallsByPeer = ReadonlyMap<string, SimulatedCall>;

/**
 * When `call`'s call became whole at its table in `seating` (`performance.now()`): it lists every
 * other member of the table, and each link is complete on both sides. Null while it is not.
 */
function wholeAt(call: SimulatedCall, seating: readonly WireTable[], calls: CallsByPeer): number | null {
  const table = seating.find((t) => t.members.includes(call.participantId));
  if (!table || call.tableId !== table.id) return null;
  const expected = table.members.filter((id) => id !== call.participantId);
  const listed = new Set(call.listed.values());
  if (listed.size !== expected.length || expected.some((id) => !listed.has(id))) return null;
  let latest = Number.NEGATIVE_INFINITY;
  for (const peerId of call.listed.keys()) {
    const mine = call.links.get(peerId)?.completedAt ?? null;
    const theirs = call.peerId === null ? null : (calls.get(peerId)?.links.get(call.peerId)?.completedAt ?? null);
    if (mine === null || theirs === null) return null;
    latest = Math.max(latest, mine, theirs);
  }
  return latest;
}

/** When each participant first received its table's full list in `seating`, after `since` (null: never). */
function peersListedAt(call: SimulatedCall, seating: readonly WireTable[], since: number): number | null {
  const table = seating.find((t) => t.members.includes(call.participantId));
  if (!table) return null;
  const size = table.members.length - 1;
  return call.receipts.find((r) => r.at >= since && r.tableId === table.id && r.participantIds.length === size)?.at ?? null;
}

/** Waits until every call is whole at its table in `seating`, or the timeout; the times, from `since` (null: not whole). */
async function waitUntilWhole(
  people: readonly Person[],
  seating: readonly WireTable[],
  calls: CallsByPeer,
  since: number,
): Promise<(number | null)[]> {
  const deadline = performance.now() + RECONNECT_TIMEOUT_MS;
  const times = () => people.map((p) => wholeAt(p.call, seating, calls));
  while (times().some((t) => t === null) && performance.now() < deadline) await sleep(5);
  return times().map((t) => (t === null ? null : Math.max(0, t - since)));
}

/** A control connection with a participant's (or the host's) token, WebSocket only, no reconnection. */
function connect(url: string, token: string): Socket {
  return connectSocket(url, { auth: controlAuth(token), transports: ['websocket'], forceNew: true, reconnection: false });
}

/** Sends a control action and fails when it is refused. */
export async function control(socket: Socket, payload: unknown): Promise<SessionState> {
  const ack = (await socket.timeout(20_000).emitWithAck(ControlEvent.Control, payload)) as ControlAck;
  if (!ack.ok) throw new Error(`${JSON.stringify(payload)} refused: ${ack.error.message}`);
  return ack.state;
}

/** Waits until every person received a state at least as new as `version`. */
export async function reachedEveryone(people: readonly Person[], version: number): Promise<void> {
  const deadline = performance.now() + 20_000;
  while (people.some((p) => !p.states.some((s) => s.state.version >= version))) {
    if (performance.now() > deadline) throw new Error(`not everyone received version ${version}`);
    await sleep(5);
  }
}

/** Creates the session, the host's socket and `count` participants, each with their socket and call. */
export async function convene(url: string, sockets: Socket[], count: number): Promise<{ host: Socket; people: Person[] }> {
  const session = await postJson<{ sessionId: string; hostToken: string; inviteCode: string }>(`${url}/api/sessions`, {
    title: 'Calls',
    customProtocol: protocol,
  });
  const host = connect(url, session.hostToken);
  sockets.push(host);
  await new Promise((resolve) => host.once(ControlEvent.State, resolve));
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const joined = await postJson<{ participantId: string; token: string }>(`${url}/api/sessions/${session.sessionId}/join`, {
      inviteCode: session.inviteCode,
      name: `Person ${i + 1}`,
      organization: `Org ${i % 20}`,
      systemRole: ['teacher', 'leader', 'researcher', 'coach', 'student'][Math.floor(i / 20) % 5],
    });
    const socket = connect(url, joined.token);
    sockets.push(socket);
    const person: Person = {
      participantId: joined.participantId,
      socket,
      states: [],
      call: new SimulatedCall(socket, joined.participantId, i + 1),
    };
    socket.on(ControlEvent.State, (state: SessionState) => person.states.push({ state, at: performance.now() }));
    people.push(person);
  }
  while (people.some((p) => p.states.length === 0)) await sleep(20);
  return { host, people };
}

/** One stage's measurements (the initial join, the reseat): from a send to every call whole. */
export interface Stage {
  /** Per participant, ms from the send (null: never whole within the timeout). */
  whole: (number | null)[];
  /** Per participant, ms from the send to its new table's full `call:peers` (null: none). */
  listed: (number | null)[];
  ackMs: number;
  traffic: Traffic;
  /** Signaling in the second after every call was whole (nothing is expected). */
  trafficAfter: Traffic;
  window: WindowResult;
  seating: WireTable[];
}

/** Everyone joins their round-1 table's call at once; until every call is whole. */
export async function joinAll(
  url: string,
  pid: number,
  people: readonly Person[],
  seating: WireTable[],
  calls: Map<string, SimulatedCall>,
): Promise<Stage> {
  const before = totalTraffic(people);
  const window = await openWindow(url, pid);
  const sentAt = performance.now();
  await Promise.all(people.map((p) => p.call.join()));
  const ackMs = performance.now() - sentAt;
  for (const { call } of people) if (call.peerId !== null) calls.set(call.peerId, call);
  return finishStage(people, seating, calls, { sentAt, ackMs, before, window });
}

/** The host ends round 1 and starts round 2 (the reseat); until every call is whole again. */
export async function reseat(url: string, pid: number, host: Socket, people: readonly Person[], calls: CallsByPeer): Promise<Stage> {
  const ended = await control(host, { action: 'endRound' });
  await reachedEveryone(people, ended.version);
  await sleep(500); // Whatever the end of the round sends settles first.
  const before = totalTraffic(people);
  const window = await openWindow(url, pid);
  const sentAt = performance.now();
  const round2 = await control(host, { action: 'startRound' });
  const ackMs = performance.now() - sentAt;
  await reachedEveryone(people, round2.version);
  const seating = seatingOf(people.map((p) => p.states.at(-1)?.state));
  return finishStage(people, seating, calls, { sentAt, ackMs, before, window });
}

/** Where a stage started: when its action was sent and acknowledged, the traffic and CPU window then. */
interface StageStart {
  sentAt: number;
  ackMs: number;
  before: Traffic;
  window: Window;
}

/** Waits until every call is whole at `seating`, then measures the stage from `start`. */
async function finishStage(people: readonly Person[], seating: WireTable[], calls: CallsByPeer, start: StageStart): Promise<Stage> {
  const whole = await waitUntilWhole(people, seating, calls, start.sentAt);
  const window = await start.window.stop();
  const traffic = trafficSince(people, start.before);
  const trafficAfter = await trafficInNextSecond(people);
  return {
    whole,
    listed: people.map((p) => relative(peersListedAt(p.call, seating, start.sentAt), start.sentAt)),
    ackMs: start.ackMs,
    traffic,
    trafficAfter,
    window,
    seating,
  };
}

/** What the clients count in the next second (a stage is over: nothing more should come). */
async function trafficInNextSecond(people: readonly Person[]): Promise<Traffic> {
  const before = totalTraffic(people);
  await sleep(1_000);
  return trafficSince(people, before);
}

/** `at` as ms after `origin` (null stays null). */
function relative(at: number | null, origin: number): number | null {
  return at === null ? null : at - origin;
}
