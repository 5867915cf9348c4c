/**
 * `npm run bench:calls` (issue #17): the calls at the tables when a round reseats everyone at once.
 * 200 participants (real socket.io clients in this process) and a host; the host seats 40 tables
 * and starts a two-round café agenda; everyone joins their table's call and runs a simulated
 * browser negotiation over the server's signaling (fake SDP of a realistic size, 4 ICE candidates
 * per side, no media). The host then ends round 1 and starts round 2, which reseats: travelers move,
 * table hosts stay, every table's call changes. Measured per participant: the time from the host's
 * `startRound` send until their call is whole again at their new table, the signaling it took,
 * and the server's CPU and memory over that window (from /proc; the server is its own process).
 *
 * The simulated browser follows `client/src/call/meshCall.ts`: a `call:peers` naming another table
 * closes every link; links to peers no longer listed are dropped; a link opens for each new peer,
 * and signals from a peer not linked yet wait until it is. Unlike the real client, only the side
 * with the larger peer id offers (no glare to resolve). A link is connected when both of its sides
 * have sent and received a description and all their candidates.
 *
 * `--smoke` (with small BENCH_CALL_PEOPLE / BENCH_CALL_TABLES): prints the results, asserts no
 * timing, leaves docs/BENCHMARKS.md alone, and still fails when a call never reconnects.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { controlAuth, CallEvent, ControlEvent, type CallJoinAck, type CallPeers, type ControlAck, type SessionState, type SignalIn, type SignalOut, type WireTable } from '@worktable/shared';
import { freePort, startServerProcess } from '../support/serverProcess.js';
import { seatingOf } from '../../server/src/testing/controlClient.js';
import { machineDescription, recordInBenchmarks } from './benchmarksDoc.js';
import { processCpuMicros, processMemory } from './procStats.js';
import { percentile, summarize } from './stats.js';
import { sleep } from './time.js';

const PEOPLE = Number(process.env.BENCH_CALL_PEOPLE ?? 200);
const TABLES = Number(process.env.BENCH_CALL_TABLES ?? 40);
const SMOKE = process.argv.includes('--smoke');
/** A call that has not reconnected after this long counts as never reconnecting (the run fails). */
const RECONNECT_TIMEOUT_MS = 30_000;
/** Issue #17's target for the 95th percentile of the reconnect time, on localhost. */
const TARGET_P95_MS = 3_000;
/** Candidates each side trickles per link (host udp, host tcp, srflx, relay). */
const CANDIDATES_PER_SIDE = 4;
/** About the size of an audio-only SDP from Chrome. */
const SDP_BYTES = 2_500;
/** The date the runs of this section were recorded on. */
const RUN_DATE = new Date().toISOString().slice(0, 10);
const SECTION_HEADING = '## Call signaling: 200 people, 40 tables, one reseat';

/** Two café rounds of long auto phases (nothing ends by itself during the run); round 2 reseats. */
const protocol = {
  id: 'bench-calls',
  title: 'Call signaling benchmark',
  summary: 'Two café rounds; the second reseats.',
  groupSize: { min: 3, max: 6 },
  roles: ['facilitator', 'tableHost', 'reporter', 'scribe'],
  rotateAt: 'round',
  opening: [],
  round: ['listen', 'talk', 'harvest'].map((id) => ({ id, title: id, prompt: '', durationMs: 10 * 60_000, speakers: 'everyone', feedback: [], advance: 'auto' })),
  rounds: 2,
  reseat: true,
  closing: [],
};

// ---------------------------------------------------------------------------------------------
// Fake signaling payloads
// ---------------------------------------------------------------------------------------------

/** An audio-only session description shaped like Chrome's, padded to `SDP_BYTES`. */
function fakeSdp(type: 'offer' | 'answer', ufrag: string): string {
  const lines = [
    'v=0',
    `o=- ${4_611_731_400_430_051_000 + ufrag.length} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=extmap-allow-mixed',
    'a=msid-semantic: WMS 4b1f0c52-9d3e-4a8e-b2a1-3f6c7d8e9a0b',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126',
    'c=IN IP4 0.0.0.0',
    'a=rtcp:9 IN IP4 0.0.0.0',
    `a=ice-ufrag:${ufrag}`,
    'a=ice-pwd:Zk3pQx8vT2mLr7sYw1nB5cHd',
    'a=ice-options:trickle',
    'a=fingerprint:sha-256 6B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08',
    `a=setup:${type === 'offer' ? 'actpass' : 'active'}`,
    'a=mid:0',
    'a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level',
    'a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time',
    'a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01',
    'a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid',
    'a=sendrecv',
    'a=msid:4b1f0c52-9d3e-4a8e-b2a1-3f6c7d8e9a0b 7c2d1e0f-8a9b-4c3d-9e8f-1a2b3c4d5e6f',
    'a=rtcp-mux',
    'a=rtcp-rsize',
    'a=rtpmap:111 opus/48000/2',
    'a=rtcp-fb:111 transport-cc',
    'a=fmtp:111 minptime=10;useinbandfec=1',
    'a=rtpmap:63 red/48000/2',
    'a=fmtp:63 111/111',
    'a=rtpmap:9 G722/8000',
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:8 PCMA/8000',
    'a=rtpmap:13 CN/8000',
    'a=rtpmap:110 telephone-event/48000',
    'a=rtpmap:126 telephone-event/8000',
    'a=ssrc:1001275043 cname:Qm9vG2xYp3LkT8sW',
    'a=ssrc:1001275043 msid:4b1f0c52-9d3e-4a8e-b2a1-3f6c7d8e9a0b 7c2d1e0f-8a9b-4c3d-9e8f-1a2b3c4d5e6f',
  ];
  let sdp = `${lines.join('\r\n')}\r\n`;
  // Video, simulcast and more codecs would fill the rest in a real browser; padding stands for them.
  while (sdp.length < SDP_BYTES) sdp += `a=x-bench-padding:${'0123456789abcdef'.repeat(4)}\r\n`;
  return sdp.slice(0, SDP_BYTES - 2) + '\r\n';
}

/** The candidates one side trickles: host udp, host tcp, server reflexive, relayed. */
function fakeCandidates(ufrag: string, seed: number): NonNullable<SignalOut['candidate']>[] {
  const port = 40_000 + (seed % 20_000);
  const tail = `generation 0 ufrag ${ufrag} network-id 1`;
  return [
    `candidate:1467250027 1 udp 2122260223 192.168.1.${seed % 250} ${port} typ host ${tail}`,
    `candidate:435653019 1 tcp 1518280447 192.168.1.${seed % 250} 9 typ host tcptype active ${tail}`,
    `candidate:2530088836 1 udp 1686052607 203.0.113.${seed % 250} ${port} typ srflx raddr 192.168.1.${seed % 250} rport ${port} ${tail}`,
    `candidate:3427845345 1 udp 41885439 198.51.100.7 ${port + 1} typ relay raddr 203.0.113.${seed % 250} rport ${port} ${tail}`,
  ]
    .slice(0, CANDIDATES_PER_SIDE)
    .map((candidate) => ({ candidate, sdpMid: '0', sdpMLineIndex: 0, usernameFragment: ufrag }));
}

// ---------------------------------------------------------------------------------------------
// The simulated browser
// ---------------------------------------------------------------------------------------------

/** One side of a peer connection: what it sent and received so far. */
interface Link {
  offerer: boolean;
  sentDescription: boolean;
  receivedDescription: boolean;
  candidatesSent: number;
  candidatesReceived: number;
  /** When this side had sent and received everything (`performance.now()`), if it has. */
  completedAt: number | null;
}

/** Signaling traffic one client saw (cumulative; windows are differences). */
interface Traffic {
  descriptionsSent: number;
  candidatesSent: number;
  signalsReceived: number;
  bytesSent: number;
  peersReceived: number;
}

/** A `call:peers` as one client received it. */
interface PeersReceipt {
  at: number;
  tableId: string | null;
  participantIds: string[];
}

/** One participant's call, negotiated the way a browser would, without media. */
class SimulatedCall {
  peerId: string | null = null;
  tableId: string | null = null;
  /** The other peers of the latest `call:peers`: peer id → participant id. */
  readonly listed = new Map<string, string>();
  readonly links = new Map<string, Link>();
  readonly receipts: PeersReceipt[] = [];
  readonly traffic: Traffic = { descriptionsSent: 0, candidatesSent: 0, signalsReceived: 0, bytesSent: 0, peersReceived: 0 };
  private readonly pending = new Map<string, SignalIn[]>();
  /** This browser's offer, answer and candidates, made once (the generator shares the cores with the server). */
  private readonly descriptions: Record<'offer' | 'answer', string>;
  private readonly candidates: NonNullable<SignalOut['candidate']>[];

  constructor(
    private readonly socket: Socket,
    readonly participantId: string,
    seed: number,
  ) {
    const ufrag = `u${seed.toString(36).padStart(3, '0')}`;
    this.descriptions = { offer: fakeSdp('offer', ufrag), answer: fakeSdp('answer', ufrag) };
    this.candidates = fakeCandidates(ufrag, seed);
    socket.on(CallEvent.Peers, (payload: CallPeers) => this.onPeers(payload));
    socket.on(CallEvent.Signal, (signal: SignalIn) => this.onSignal(signal));
  }

  /**
   * Joins the call of the table the socket sits at (microphone on, camera off). The peer id is
   * taken in the ack's callback, not after an `await`: a browser dispatches each WebSocket message
   * as its own task (the ack's promise settles before the next message), but the ws client in Node
   * emits every message of one read at once, so a `call:peers` right behind the ack would
   * otherwise be handled before the peer id is known.
   */
  join(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.timeout(10_000).emit(CallEvent.Join, { muted: false, video: false }, (error: Error | null, ack: CallJoinAck) => {
        if (error) return reject(error);
        if (!ack.ok) return reject(new Error(`call:join refused: ${ack.error.message}`));
        this.peerId = ack.peerId;
        resolve();
      });
    });
  }

  /** A new list of the table's call: a new table hangs up on everyone; then drop the gone, call the new. */
  private onPeers(payload: CallPeers): void {
    this.traffic.peersReceived++;
    if (payload.tableId !== this.tableId) this.closeLinks();
    this.tableId = payload.tableId;
    const others = payload.peers.filter((p) => p.peerId !== this.peerId);
    this.receipts.push({ at: performance.now(), tableId: payload.tableId, participantIds: others.map((p) => p.participantId) });
    this.listed.clear();
    for (const peer of others) this.listed.set(peer.peerId, peer.participantId);
    for (const peerId of [...this.links.keys()]) if (!this.listed.has(peerId)) this.links.delete(peerId);
    for (const peerId of this.listed.keys()) if (!this.links.has(peerId)) this.openLink(peerId);
  }

  /** A signal for a linked peer goes to its link; one from a peer not linked yet waits for its link. */
  private onSignal(signal: SignalIn): void {
    this.traffic.signalsReceived++;
    const link = this.links.get(signal.from);
    if (link) return this.receive(signal.from, link, signal);
    const waiting = this.pending.get(signal.from) ?? [];
    waiting.push(signal);
    this.pending.set(signal.from, waiting);
  }

  /** Hangs up on everyone (and forgets what was waiting). */
  private closeLinks(): void {
    this.links.clear();
    this.pending.clear();
  }

  /** Opens a link to a newly listed peer; the larger peer id offers at once. */
  private openLink(peerId: string): void {
    if (this.peerId === null) return;
    const link: Link = { offerer: this.peerId > peerId, sentDescription: false, receivedDescription: false, candidatesSent: 0, candidatesReceived: 0, completedAt: null };
    this.links.set(peerId, link);
    if (link.offerer) this.sendDescriptionAndCandidates(peerId, link, 'offer');
    const waiting = this.pending.get(peerId) ?? [];
    this.pending.delete(peerId);
    for (const signal of waiting) this.receive(peerId, link, signal);
  }

  /** Takes a description (answering an offer) or a candidate. */
  private receive(peerId: string, link: Link, signal: SignalIn): void {
    if (signal.description) {
      link.receivedDescription = true;
      if (signal.description.type === 'offer' && !link.sentDescription) this.sendDescriptionAndCandidates(peerId, link, 'answer');
    } else if (signal.candidate) {
      link.candidatesReceived++;
    }
    this.markIfComplete(link);
  }

  /** Sends this side's offer or answer, then trickles its candidates. */
  private sendDescriptionAndCandidates(peerId: string, link: Link, type: 'offer' | 'answer'): void {
    this.send({ to: peerId, description: { type, sdp: this.descriptions[type] } });
    link.sentDescription = true;
    this.traffic.descriptionsSent++;
    for (const candidate of this.candidates) {
      this.send({ to: peerId, candidate });
      link.candidatesSent++;
      this.traffic.candidatesSent++;
    }
    this.markIfComplete(link);
  }

  /** Emits one `call:signal`, counting its bytes. */
  private send(signal: SignalOut): void {
    this.traffic.bytesSent += JSON.stringify(signal).length;
    this.socket.emit(CallEvent.Signal, signal);
  }

  /** Stamps the moment this side has sent and received everything. */
  private markIfComplete(link: Link): void {
    if (link.completedAt !== null) return;
    if (link.sentDescription && link.receivedDescription && link.candidatesSent >= CANDIDATES_PER_SIDE && link.candidatesReceived >= CANDIDATES_PER_SIDE) link.completedAt = performance.now();
  }
}

// ---------------------------------------------------------------------------------------------
// Reconnection: when is everyone's call whole at their table?
// ---------------------------------------------------------------------------------------------

/** A participant of the bench. */
interface Person {
  participantId: string;
  socket: Socket;
  states: { state: SessionState; at: number }[];
  call: SimulatedCall;
}

/** The calls by peer id, to look at the other side of a link. */
type CallsByPeer = ReadonlyMap<string, SimulatedCall>;

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
async function waitUntilWhole(people: readonly Person[], seating: readonly WireTable[], calls: CallsByPeer, since: number): Promise<(number | null)[]> {
  const deadline = performance.now() + RECONNECT_TIMEOUT_MS;
  const times = () => people.map((p) => wholeAt(p.call, seating, calls));
  while (times().some((t) => t === null) && performance.now() < deadline) await sleep(5);
  return times().map((t) => (t === null ? null : Math.max(0, t - since)));
}

// ---------------------------------------------------------------------------------------------
// Session set-up (as in conveningBench.ts)
// ---------------------------------------------------------------------------------------------

/** POSTs JSON and returns the JSON answer (fails on an error status). */
async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A control connection with a participant's (or the host's) token, WebSocket only, no reconnection. */
function connect(url: string, token: string): Socket {
  return connectSocket(url, { auth: controlAuth(token), transports: ['websocket'], forceNew: true, reconnection: false });
}

/** Sends a control action and fails when it is refused. */
async function control(socket: Socket, payload: unknown): Promise<SessionState> {
  const ack = (await socket.timeout(20_000).emitWithAck(ControlEvent.Control, payload)) as ControlAck;
  if (!ack.ok) throw new Error(`${JSON.stringify(payload)} refused: ${ack.error.message}`);
  return ack.state;
}

/** Waits until every person received a state at least as new as `version`. */
async function reachedEveryone(people: readonly Person[], version: number): Promise<void> {
  const deadline = performance.now() + 20_000;
  while (people.some((p) => !p.states.some((s) => s.state.version >= version))) {
    if (performance.now() > deadline) throw new Error(`not everyone received version ${version}`);
    await sleep(5);
  }
}

/** Creates the session, the host's socket and every participant with their socket and call. */
async function convene(url: string, sockets: Socket[]): Promise<{ host: Socket; people: Person[] }> {
  const session = await post<{ sessionId: string; hostToken: string; inviteCode: string }>(`${url}/api/sessions`, { title: 'Calls', customProtocol: protocol });
  const host = connect(url, session.hostToken);
  sockets.push(host);
  await new Promise((resolve) => host.once(ControlEvent.State, resolve));
  const people: Person[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const joined = await post<{ participantId: string; token: string }>(`${url}/api/sessions/${session.sessionId}/join`, {
      inviteCode: session.inviteCode,
      name: `Person ${i + 1}`,
      organization: `Org ${i % 20}`,
      systemRole: ['teacher', 'leader', 'researcher', 'coach', 'student'][Math.floor(i / 20) % 5],
    });
    const socket = connect(url, joined.token);
    sockets.push(socket);
    const person: Person = { participantId: joined.participantId, socket, states: [], call: new SimulatedCall(socket, joined.participantId, i + 1) };
    socket.on(ControlEvent.State, (state: SessionState) => person.states.push({ state, at: performance.now() }));
    people.push(person);
  }
  while (people.some((p) => p.states.length === 0)) await sleep(20);
  return { host, people };
}

// ---------------------------------------------------------------------------------------------
// Measurement windows
// ---------------------------------------------------------------------------------------------

/** Everything the clients counted, summed. */
function totalTraffic(people: readonly Person[]): Traffic {
  const total: Traffic = { descriptionsSent: 0, candidatesSent: 0, signalsReceived: 0, bytesSent: 0, peersReceived: 0 };
  for (const { call } of people) for (const key of Object.keys(total) as (keyof Traffic)[]) total[key] += call.traffic[key];
  return total;
}

/** What the clients counted since `before`. */
function trafficSince(people: readonly Person[], before: Traffic): Traffic {
  const now = totalTraffic(people);
  for (const key of Object.keys(now) as (keyof Traffic)[]) now[key] -= before[key];
  return now;
}

/** The server's own count of call signals by outcome (`/metrics`). */
async function serverSignalCounts(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const counts: Record<string, number> = { relayed: 0, refused: 0, limited: 0 };
  for (const match of text.matchAll(/^worktable_call_signals_total\{outcome="(\w+)"\} (\d+)/gm)) counts[match[1] as string] = Number(match[2]);
  return counts;
}

/** A window over which the server's CPU, RSS and signal counts, and this process's load, are measured. */
interface Window {
  stop(): Promise<WindowResult>;
}

/** What a window measured. */
interface WindowResult {
  wallMs: number;
  serverCpuMs: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
  rssAfterMiB: number;
  serverSignals: Record<string, number>;
  generatorCpuMs: number;
  generatorLoopDelayP99Ms: number;
}

/** Starts measuring: the server's CPU, RSS (sampled every 20 ms) and signal counts, this process's CPU and event loop. */
async function openWindow(url: string, pid: number): Promise<Window> {
  const mib = () => processMemory(pid).rssBytes / 2 ** 20;
  const signalsBefore = await serverSignalCounts(url);
  const rssBefore = mib();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, mib())), 20);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const generatorBefore = process.cpuUsage();
  const cpuBefore = processCpuMicros(pid);
  const wallBefore = performance.now();
  return {
    async stop() {
      const serverCpuMs = (processCpuMicros(pid) - cpuBefore) / 1000;
      const wallMs = performance.now() - wallBefore;
      const generator = process.cpuUsage(generatorBefore);
      clearInterval(sampler);
      loop.disable();
      const rssAfter = mib();
      const signalsAfter = await serverSignalCounts(url);
      const serverSignals = Object.fromEntries(Object.keys(signalsAfter).map((k) => [k, (signalsAfter[k] ?? 0) - (signalsBefore[k] ?? 0)]));
      return {
        wallMs,
        serverCpuMs,
        rssBeforeMiB: rssBefore,
        rssPeakMiB: Math.max(rssPeak, rssAfter),
        rssAfterMiB: rssAfter,
        serverSignals,
        generatorCpuMs: (generator.user + generator.system) / 1000,
        generatorLoopDelayP99Ms: loop.percentile(99) / 1e6,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The scenario
// ---------------------------------------------------------------------------------------------

/** One stage's measurements (the initial join, the reseat): from a send to every call whole. */
interface Stage {
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
async function joinAll(url: string, pid: number, people: readonly Person[], seating: WireTable[], calls: Map<string, SimulatedCall>): Promise<Stage> {
  const before = totalTraffic(people);
  const window = await openWindow(url, pid);
  const sentAt = performance.now();
  await Promise.all(people.map((p) => p.call.join()));
  const ackMs = performance.now() - sentAt;
  for (const { call } of people) if (call.peerId !== null) calls.set(call.peerId, call);
  const whole = await waitUntilWhole(people, seating, calls, sentAt);
  const result = await window.stop();
  const traffic = trafficSince(people, before);
  const trafficAfter = await trafficInNextSecond(people);
  return { whole, listed: people.map((p) => relative(peersListedAt(p.call, seating, sentAt), sentAt)), ackMs, traffic, trafficAfter, window: result, seating };
}

/** The host ends round 1 and starts round 2 (the reseat); until every call is whole again. */
async function reseat(url: string, pid: number, host: Socket, people: readonly Person[], calls: CallsByPeer): Promise<Stage> {
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
  const whole = await waitUntilWhole(people, seating, calls, sentAt);
  const result = await window.stop();
  const traffic = trafficSince(people, before);
  const trafficAfter = await trafficInNextSecond(people);
  return { whole, listed: people.map((p) => relative(peersListedAt(p.call, seating, sentAt), sentAt)), ackMs, traffic, trafficAfter, window: result, seating };
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

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const ms = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'never');

/** p50 / p95 / p99 / max over everyone; someone who never got there (null) counts as infinitely late. */
function distribution(samples: readonly (number | null)[]): { text: string; p95: number } {
  const times = samples.map((s) => s ?? Number.POSITIVE_INFINITY);
  const summary = summarize(times);
  const p95 = times.length === 0 ? Number.NaN : percentile(Float64Array.from(times).sort(), 95);
  return { text: `p50 ${ms(summary.p50)} / p95 ${ms(p95)} / p99 ${ms(summary.p99)} / max ${ms(summary.max)} ms`, p95 };
}

/** Signals sent and received and peer lists received, then what came in the second after. */
function trafficText(t: Traffic, after: Traffic): string {
  const sent = t.descriptionsSent + t.candidatesSent;
  const late = after.descriptionsSent + after.candidatesSent + after.signalsReceived + after.peersReceived;
  return `${sent.toLocaleString('en-US')} signals sent (${t.descriptionsSent} descriptions, ${t.candidatesSent} candidates, ${(t.bytesSent / 1024).toFixed(0)} KiB) / ${t.signalsReceived.toLocaleString('en-US')} received; ${t.peersReceived} \`call:peers\` received; ${late} more messages in the second after`;
}

/** The server's CPU over the window and its own count of signals. */
function serverText(w: WindowResult): string {
  const s = w.serverSignals;
  return `${ms(w.serverCpuMs)} ms over ${ms(w.wallMs)} ms (${((w.serverCpuMs / w.wallMs) * 100).toFixed(0)} % of one core); signals relayed ${s.relayed ?? 0}, refused ${s.refused ?? 0}, rate-limited ${s.limited ?? 0}`;
}

/** The results as a markdown block (a heading line, the machine, one table). */
function resultsMarkdown(join: Stage, moved: Stage): string {
  const reconnected = moved.whole.filter((t) => t !== null).length;
  const reseatDist = distribution(moved.whole);
  const verdict = reseatDist.p95 <= TARGET_P95_MS ? 'met' : 'MISSED';
  const sizes = moved.seating.map((t) => t.members.length);
  const rows: [string, string][] = [
    ['initial join: `call:join` acks (all sent at once)', `${ms(join.ackMs)} ms`],
    ['initial join: full `call:peers` of the table received', distribution(join.listed).text],
    ['initial join: every call whole', `${distribution(join.whole).text} (${join.whole.filter((t) => t !== null).length}/${PEOPLE})`],
    ['initial join: signaling (clients)', trafficText(join.traffic, join.trafficAfter)],
    ['reseat: `startRound` ack', `${ms(moved.ackMs)} ms (round 2 tables of ${Math.min(...sizes)}..${Math.max(...sizes)})`],
    ['reseat: new table\'s full `call:peers` received', distribution(moved.listed).text],
    [`**reseat: call reconnected** (target p95 ≤ ${ms(TARGET_P95_MS)} ms)`, `**${reseatDist.text}** — ${verdict}`],
    ['reseat: reconnected', `${reconnected}/${PEOPLE}`],
    ['reseat: signaling (clients)', trafficText(moved.traffic, moved.trafficAfter)],
    ['reseat: server CPU (start → last call whole)', serverText(moved.window)],
    ['reseat: server RSS before / peak / after', `${moved.window.rssBeforeMiB.toFixed(0)} / ${moved.window.rssPeakMiB.toFixed(0)} / ${moved.window.rssAfterMiB.toFixed(0)} MiB`],
    ['reseat: load generator CPU / event-loop delay p99', `${ms(moved.window.generatorCpuMs)} ms / ${moved.window.generatorLoopDelayP99Ms.toFixed(0)} ms`],
  ];
  const when = new Date().toISOString().slice(0, 19).replace('T', ' ');
  return [
    `### Run of ${when} UTC: ${PEOPLE} people, ${TABLES} tables`,
    '',
    `Machine: ${machineDescription()}.`,
    `The load generator (${PEOPLE + 1} clients in one Node process) shares the cores with the server.`,
    '',
    '| measure | value |',
    '|---|---|',
    ...rows.map(([label, value]) => `| ${label} | ${value} |`),
    '',
  ].join('\n');
}

/** The section's opening, written once when the section is created. */
function sectionIntro(): string {
  return [
    SECTION_HEADING,
    '',
    `\`npm run bench:calls\` (issue #17), first recorded ${RUN_DATE}. 200 participants (real socket.io`,
    'clients in one process) and a host on one server process with SQLite; the host seats 40 tables of',
    '5 and starts a two-round café (round 2 reseats: table hosts stay, travelers move). Everyone joins',
    "their table's call and negotiates like a browser over `call:signal` (a fake ~2.5 KB SDP and 4 ICE",
    'candidates each way per link, the larger peer id offers; no media). A link is connected when both',
    'sides have sent and received a description and all candidates; a call is reconnected when it has',
    "a connected link to everyone its new table's `call:peers` lists (checked against the round-2",
    "seating). Times run from the host's `startRound` send (round 1 was ended before). Server CPU from",
    '/proc, over the window from that send to the last call whole. Target: p95 ≤ 3 s on localhost.',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

/** Runs the scenario; 0 when every call reconnected (and, in a full run, the p95 target was met). */
async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-calls-'));
  const server = await startServerProcess({ DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'info', ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}) });
  const pid = server.child.pid as number;
  const sockets: Socket[] = [];
  try {
    const { host, people } = await convene(server.url, sockets);
    const seated = await control(host, { action: 'seat', tableCount: TABLES });
    await reachedEveryone(people, seated.version);
    const round1 = await control(host, { action: 'startRound' });
    await reachedEveryone(people, round1.version);
    const calls = new Map<string, SimulatedCall>();
    const join = await joinAll(server.url, pid, people, seatingOf(people.map((p) => p.states.at(-1)?.state)), calls);
    const moved = await reseat(server.url, pid, host, people, calls);

    const markdown = resultsMarkdown(join, moved);
    process.stdout.write(`\n${markdown}\n`);
    const missing = [...join.whole, ...moved.whole].filter((t) => t === null).length;
    if (missing > 0) {
      process.stderr.write(`${missing} call(s) never became whole within ${RECONNECT_TIMEOUT_MS / 1000} s (initial join: ${join.whole.filter((t) => t === null).length}, reseat: ${moved.whole.filter((t) => t === null).length})\n`);
      return 1;
    }
    if (SMOKE) return 0;
    recordInBenchmarks(SECTION_HEADING, sectionIntro, markdown);
    process.stdout.write('Recorded in docs/BENCHMARKS.md.\n');
    return distribution(moved.whole).p95 <= TARGET_P95_MS ? 0 : 1;
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`call signaling benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
