/**
 * `npm run bench:convening`: a convening of 200 simulated participants (20 organizations, 5
 * system roles) at 40 tables running a timed round on one server process. Every participant is a
 * real socket.io client. Measured: how long seating and round starts take to reach all 200
 * (`session:state` fan-out, from the host's send to the last receipt), how late phase changes
 * arrive after their deadline (one round clock: 40 tables change at once), and the server's CPU
 * time and memory over the run (from /proc).
 *
 * The round uses a custom protocol of 15-second auto phases (the shortest a definition allows).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { controlAuth, ControlEvent, type ControlAck, type SessionState } from '@worktable/shared';
import { freePort, startServerProcess } from '../support/serverProcess.js';
import { processCpuMicros, processMemory } from './procStats.js';
import { summarize, type LatencySummary } from './stats.js';
import { seatingOf } from '@worktable/server/testing/controlClient';
import { autoPhases, benchCafe } from './benchProtocols.js';

const PEOPLE = Number(process.env.BENCH_CONVENING_PEOPLE ?? 200);
const TABLES = Number(process.env.BENCH_CONVENING_TABLES ?? 40);
const PHASE_MS = 15_000;

const protocol = benchCafe('bench-convening', 'Convening benchmark', autoPhases(['listen', 'talk', 'harvest'], PHASE_MS), 2);

interface Person {
  participantId: string;
  socket: Socket;
  states: { state: SessionState; at: number }[];
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function connect(url: string, token: string): Socket {
  return connectSocket(url, { auth: controlAuth(token), transports: ['websocket'], forceNew: true, reconnection: false });
}

function send(socket: Socket, payload: unknown): Promise<ControlAck> {
  return new Promise((resolve) => socket.emit(ControlEvent.Control, payload, resolve));
}

/** Sends an action and waits until every person received a state at least as new as the ack's. */
async function fanOut(
  host: Socket,
  people: Person[],
  payload: unknown,
): Promise<{ ackMs: number; lastMs: number; latencies: number[]; state: SessionState }> {
  const sentAt = performance.now();
  const ack = await send(host, payload);
  const ackMs = performance.now() - sentAt;
  if (!ack.ok) throw new Error(`${JSON.stringify(payload)} refused: ${ack.error.message}`);
  const { version } = ack.state;
  const deadline = Date.now() + 20_000;
  const arrival = (p: Person) => p.states.find((s) => s.state.version >= version)?.at;
  while (people.some((p) => arrival(p) === undefined)) {
    if (Date.now() > deadline) throw new Error(`${JSON.stringify(payload)}: not everyone received version ${version}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const latencies = people.map((p) => (arrival(p) as number) - sentAt);
  return { ackMs, lastMs: Math.max(...latencies), latencies, state: ack.state };
}

const ms = (value: number) => value.toFixed(1);
const row = (label: string, value: string) => process.stdout.write(`| ${label} | ${value} |\n`);
const dist = (s: LatencySummary) => `p50 ${ms(s.p50)} / p99 ${ms(s.p99)} / max ${ms(s.max)} ms (${s.count} receipts)`;

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-convening-'));
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    LOG_LEVEL: 'info',
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
  });
  const pid = server.child.pid as number;
  const sockets: Socket[] = [];
  try {
    const session = await post<{ sessionId: string; hostToken: string; inviteCode: string }>(`${server.url}/api/sessions`, {
      title: 'Convening',
      customProtocol: protocol,
    });
    const host = connect(server.url, session.hostToken);
    sockets.push(host);
    await new Promise((resolve) => host.once(ControlEvent.State, resolve));
    const people: Person[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const joined = await post<{ participantId: string; token: string }>(`${server.url}/api/sessions/${session.sessionId}/join`, {
        inviteCode: session.inviteCode,
        name: `Person ${i + 1}`,
        organization: `Org ${i % 20}`,
        systemRole: ['teacher', 'leader', 'researcher', 'coach', 'student'][Math.floor(i / 20) % 5],
      });
      const socket = connect(server.url, joined.token);
      sockets.push(socket);
      const person: Person = { participantId: joined.participantId, socket, states: [] };
      socket.on(ControlEvent.State, (state: SessionState) => person.states.push({ state, at: performance.now() }));
      people.push(person);
    }
    while (people.some((p) => p.states.length === 0)) await new Promise((resolve) => setTimeout(resolve, 20));

    const memoryBefore = processMemory(pid);
    const cpuBefore = processCpuMicros(pid);
    const wallBefore = performance.now();

    const seat = await fanOut(host, people, { action: 'seat', tableCount: TABLES });
    const start = await fanOut(host, people, { action: 'startRound' });
    const round1Seating = seatingOf(people.map((p) => p.states.at(-1)?.state));
    // The timed round: 3 phases, 2 changes at deadlines (every table at once); the host ends it in
    // its third phase (before it would end and reseat by itself) and starts round 2.
    const deadlineLatencies: number[] = [];
    const firstEndsAt = start.state.phase?.endsAt ?? Date.now();
    const roundEnds = firstEndsAt + PHASE_MS + 2_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, roundEnds - Date.now())));
    const wallOffset = Date.now() - performance.now();
    for (const person of people) {
      let previousEndsAt: number | null = null;
      let previousPhase = '';
      for (const { state, at } of person.states) {
        const phase = state.phase?.id ?? 'done';
        if (previousEndsAt !== null && phase !== previousPhase && state.status !== 'done' && previousPhase !== '')
          deadlineLatencies.push(at + wallOffset - previousEndsAt);
        previousPhase = phase;
        previousEndsAt = state.status === 'running' ? (state.phase?.endsAt ?? null) : null;
      }
    }
    const end = await fanOut(host, people, { action: 'endRound' });
    const reseat = await fanOut(host, people, { action: 'startRound' });
    const cpuMicros = processCpuMicros(pid) - cpuBefore;
    const wallMs = performance.now() - wallBefore;
    const memoryAfter = processMemory(pid);

    const seated = seatingOf(people.map((p) => p.states.at(-1)?.state));
    const sizes = seated.map((t) => t.members.length);
    const hostsStayed = seated.every((t, i) => t.host === round1Seating[i]?.host);

    process.stdout.write(
      `\nConvening benchmark: ${PEOPLE} participants (socket.io clients) at ${TABLES} tables, one round clock, ${PHASE_MS / 1000} s phases\n\n| measure | value |\n|---|---|\n`,
    );
    row('seat 200 at 40 tables: ack / last receipt (ms)', `${ms(seat.ackMs)} / ${ms(seat.lastMs)}`);
    row('seat fan-out', dist(summarize(seat.latencies)));
    row('start round 1: ack / last receipt (ms)', `${ms(start.ackMs)} / ${ms(start.lastMs)}`);
    row('phase change at the deadline → session:state', dist(summarize(deadlineLatencies)));
    row('end round: ack / last receipt (ms)', `${ms(end.ackMs)} / ${ms(end.lastMs)}`);
    row('reseat + start round 2: ack / last receipt (ms)', `${ms(reseat.ackMs)} / ${ms(reseat.lastMs)}`);
    row('round 2 fan-out', dist(summarize(reseat.latencies)));
    row('round 2 table sizes / hosts stayed', `${Math.min(...sizes)}..${Math.max(...sizes)} / ${hostsStayed ? 'yes' : 'NO'}`);
    row(
      `server CPU over the run (${(wallMs / 1000).toFixed(1)} s wall)`,
      `${(cpuMicros / 1000).toFixed(0)} ms (${((cpuMicros / 1000 / wallMs) * 100).toFixed(1)} % of one core)`,
    );
    row(
      'server RSS before → after (MiB)',
      `${(memoryBefore.rssBytes / 2 ** 20).toFixed(1)} → ${(memoryAfter.rssBytes / 2 ** 20).toFixed(1)}`,
    );
    return hostsStayed && deadlineLatencies.length >= PEOPLE * 2 ? 0 : 1;
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`convening benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
