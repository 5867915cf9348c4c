/**
 * `npm run bench:timers`: how late does `session:state` arrive after a phase deadline, with 200
 * sessions running timers at once, and how far apart are 20 clients' displayed remaining times?
 *
 * 200 sessions run a custom protocol of 15-second auto phases (the shortest a definition
 * allows), started at random moments over the first 15 s so deadlines are spread; each has its
 * host connected over socket.io. For every phase change the latency is the client's receive time
 * minus the deadline the previous phase ended at (the bench and the server share one clock).
 * Then 20 clients join one session, estimate their clock offset with `time:sync` (5 samples,
 * lowest round trip), and compute the remaining time at the same instant.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { controlAuth, ControlEvent, estimateClockOffset, type ControlAck, type SessionState } from '@worktable/shared';
import { freePort, startServerProcess } from '../support/serverProcess.js';
import { summarize } from './stats.js';
import { testProtocol } from '@worktable/server/testing/fixtures';
import { autoPhases } from './benchProtocols.js';

const SESSIONS = Number(process.env.BENCH_TIMER_SESSIONS ?? 200);
const PHASE_MS = 15_000;
const RUN_MS = 50_000;
const SPREAD_CLIENTS = 20;

const protocol = testProtocol('bench-timers', autoPhases(['a', 'b', 'c', 'd', 'e'], PHASE_MS), {
  title: 'Timer benchmark',
  summary: 'Auto phases of 15 s.',
  groupSize: { min: 1, max: 50 },
});

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function connect(url: string, token: string): Socket {
  return connectSocket(url, { auth: controlAuth(token), transports: ['websocket'], forceNew: true, reconnection: false });
}

function emitControl(socket: Socket, payload: unknown): Promise<ControlAck> {
  return new Promise((resolve) => socket.emit(ControlEvent.Control, payload, resolve));
}

async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-timers-'));
  const server = await startServerProcess({ DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'info' });
  const sockets: Socket[] = [];
  const latencies: number[] = [];
  try {
    const sessions = [];
    for (let i = 0; i < SESSIONS; i++) {
      sessions.push(
        await post<{ sessionId: string; hostToken: string; inviteCode: string }>(`${server.url}/api/sessions`, {
          title: `Timers ${i}`,
          customProtocol: protocol,
        }),
      );
    }
    const runEnds = Date.now() + RUN_MS;
    await Promise.all(
      sessions.map(async (session) => {
        const socket = connect(server.url, session.hostToken);
        sockets.push(socket);
        let lastEndsAt: number | null = null;
        let lastPhase = '';
        socket.on(ControlEvent.State, (state: SessionState) => {
          const receivedAt = Date.now();
          const phase = state.phase?.id ?? '';
          if (lastEndsAt !== null && phase !== lastPhase && receivedAt < runEnds) latencies.push(receivedAt - lastEndsAt);
          lastPhase = phase;
          lastEndsAt = state.phase?.endsAt ?? null;
        });
        await new Promise((resolve) => socket.once(ControlEvent.State, resolve));
        await new Promise((resolve) => setTimeout(resolve, Math.random() * PHASE_MS));
        const ack = await emitControl(socket, { action: 'start' });
        if (!ack.ok) throw new Error(`start refused: ${ack.error.message}`);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, runEnds - Date.now())));

    // Displayed remaining time across 20 clients of one session.
    const target = sessions[0]!;
    const clients = [];
    for (let i = 0; i < SPREAD_CLIENTS; i++) {
      const joined = await post<{ token: string }>(`${server.url}/api/sessions/${target.sessionId}/join`, {
        inviteCode: target.inviteCode,
        name: `Client ${i}`,
      });
      const socket = connect(server.url, joined.token);
      sockets.push(socket);
      const state = await new Promise<SessionState>((resolve) => socket.once(ControlEvent.State, resolve));
      const samples = [];
      for (let k = 0; k < 5; k++) {
        const sentAt = Date.now();
        const { serverNow } = await new Promise<{ serverNow: number }>((resolve) => socket.emit(ControlEvent.TimeSync, resolve));
        samples.push({ sentAt, receivedAt: Date.now(), serverNow });
      }
      clients.push({ offset: estimateClockOffset(samples), endsAt: state.phase?.endsAt ?? 0 });
    }
    const instant = Date.now();
    const shown = clients.map((c) => c.endsAt - (instant + c.offset));
    const spread = Math.max(...shown) - Math.min(...shown);

    const latency = summarize(latencies);
    const line = (label: string, value: string) => process.stdout.write(`| ${label} | ${value} |\n`);
    process.stdout.write(
      `\nTimer benchmark: ${SESSIONS} sessions with running timers, ${PHASE_MS / 1000} s auto phases, ${RUN_MS / 1000} s\n\n| measure | value |\n|---|---|\n`,
    );
    line('phase changes measured', String(latency.count));
    line('deadline → session:state p50 (ms)', latency.p50.toFixed(1));
    line('deadline → session:state p99 (ms)', latency.p99.toFixed(1));
    line('deadline → session:state max (ms)', latency.max.toFixed(1));
    line(`displayed remaining time spread across ${SPREAD_CLIENTS} clients (ms)`, spread.toFixed(1));
    const ok = latency.count > SESSIONS && latency.p99 <= 50 && spread <= 100;
    process.stdout.write(`\ntargets (p99 ≤ 50 ms, spread ≤ 100 ms): ${ok ? 'MET' : 'NOT MET'}\n`);
    return ok ? 0 : 1;
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`timer benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
