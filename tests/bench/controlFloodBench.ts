/**
 * `npm run bench:flood` (issue #19): one participant floods the control plane with 20,000 `ready`
 * toggles as fast as their socket sends them, while a client of a *different* session measures its
 * `time:sync` round trips one after another. The server is its own process (SQLite), and so is the
 * flooder (this file run with `--flooder <url> <token>`), as on another machine: its client's work
 * does not delay the measuring client's answers. Before the per-socket rate limit the other session
 * waited 7.6 s; the target is a p95 under 250 ms. Also reported: how many toggles were accepted and
 * how many states reached the flooder's tablemate.
 *
 * `--smoke`: 2,000 toggles; prints the results, asserts no timing, leaves docs/BENCHMARKS.md alone.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { controlAuth, ControlEvent, type ControlAck, type SessionState } from '@worktable/shared';
import { freePort, startServerProcess } from '../support/serverProcess.js';
import { machineDescription, measureTable, recordInBenchmarks } from './benchmarksDoc.js';
import { percentile } from './stats.js';
import { sleep } from './time.js';

const SMOKE = process.argv.includes('--smoke');
const FLOOD = SMOKE ? 2_000 : 20_000;
/** Issue #19's target for the other session's `time:sync` round trip at p95. */
const TARGET_P95_MS = 250;
const SECTION_HEADING = '## Control flood: another session keeps its clock sync';

/** Opens a control socket and resolves once its first state arrived. */
async function connect(url: string, token: string, sockets: Socket[], states?: SessionState[]): Promise<Socket> {
  const socket = connectSocket(url, { auth: controlAuth(token), transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(socket);
  const first = new Promise((resolve) => socket.once(ControlEvent.State, resolve));
  if (states) socket.on(ControlEvent.State, (state: SessionState) => states.push(state));
  await first;
  return socket;
}

/** A session with the given people: its host token and each person's token. */
async function session(url: string, names: readonly string[]): Promise<{ hostToken: string; tokens: string[] }> {
  const post = async <T>(at: string, body: unknown): Promise<T> => {
    const response = await fetch(at, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${at}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const created = await post<{ sessionId: string; hostToken: string; inviteCode: string }>(`${url}/api/sessions`, {
    title: 'Flood',
    protocol: 'tuning',
  });
  const tokens: string[] = [];
  for (const name of names)
    tokens.push(
      (await post<{ token: string }>(`${url}/api/sessions/${created.sessionId}/join`, { inviteCode: created.inviteCode, name })).token,
    );
  return { hostToken: created.hostToken, tokens };
}

/** Sends `count` ready toggles in batches of 250 per turn once connected; resolves with the accepted count once every ack is back. */
async function flood(url: string, token: string, count: number): Promise<number> {
  const sockets: Socket[] = [];
  const socket = await connect(url, token, sockets);
  return new Promise((resolve) => {
    let acks = 0;
    let accepted = 0;
    const send = async () => {
      for (let sent = 0; sent < count; ) {
        for (let i = 0; i < 250 && sent < count; i++, sent++) {
          socket.emit(ControlEvent.Control, { action: 'ready', ready: sent % 2 === 0 }, (ack: ControlAck) => {
            if (ack.ok) accepted++;
            if (++acks === count) {
              socket.disconnect();
              resolve(accepted);
            }
          });
        }
        await new Promise((next) => setImmediate(next));
      }
    };
    void send();
  });
}

/** Measures `time:sync` round trips one after another until `done()`. */
async function pingUntil(socket: Socket, done: () => boolean): Promise<number[]> {
  const rtts: number[] = [];
  while (!done()) {
    const sent = performance.now();
    await socket.timeout(30_000).emitWithAck(ControlEvent.TimeSync);
    rtts.push(performance.now() - sent);
    await sleep(5);
  }
  return rtts;
}

/** Runs the flooder in a process of its own; resolves with the number of toggles accepted. */
function floodFromAnotherProcess(url: string, token: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--flooder', url, token, String(FLOOD)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const accepted = Number(/accepted (\d+)/.exec(output)?.[1]);
      if (code === 0 && Number.isFinite(accepted)) resolve(accepted);
      else reject(new Error(`the flooder exited with ${code}: ${output}`));
    });
  });
}

/** Runs the scenario; 0 when the flood ran through (and, in a full run, the target was met). */
async function main(): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worktable-flood-'));
  const server = await startServerProcess({ DATA_DIR: dataDir, PORT: String(await freePort()) });
  const sockets: Socket[] = [];
  try {
    const flooded = await session(server.url, ['Flooder', 'Ben']);
    const other = await session(server.url, ['Eve']);
    const host = await connect(server.url, flooded.hostToken, sockets);
    const start = (await host.timeout(10_000).emitWithAck(ControlEvent.Control, { action: 'start' })) as ControlAck;
    if (!start.ok) throw new Error(`start refused: ${start.error.message}`);
    const benStates: SessionState[] = [];
    await connect(server.url, flooded.tokens[1]!, sockets, benStates);
    const eve = await connect(server.url, other.tokens[0]!, sockets);
    let warmups = 0;
    const baseline = await pingUntil(eve, () => ++warmups > 50);

    await sleep(300);
    const statesBefore = benStates.length;
    const started = performance.now();
    let flooding = true;
    const pings = pingUntil(eve, () => !flooding);
    const accepted = await floodFromAnotherProcess(server.url, flooded.tokens[0]!);
    flooding = false;
    const seconds = (performance.now() - started) / 1000;
    const rtts = await pings;
    await sleep(300);

    const sorted = Float64Array.from(rtts).sort();
    const p95 = percentile(sorted, 95);
    const verdict = p95 < TARGET_P95_MS ? 'met' : 'MISSED';
    const rows: [string, string][] = [
      ['toggles sent / accepted', `${FLOOD} / ${accepted} in ${seconds.toFixed(1)} s`],
      ["states that reached the flooder's tablemate", String(benStates.length - statesBefore)],
      [
        "other session's `time:sync` before the flood: p50 / p95",
        `${percentile(Float64Array.from(baseline).sort(), 50).toFixed(1)} / ${percentile(Float64Array.from(baseline).sort(), 95).toFixed(1)} ms`,
      ],
      [
        `**during the flood: p50 / p95 / max** (target p95 < ${TARGET_P95_MS} ms)`,
        `**${percentile(sorted, 50).toFixed(1)} / ${p95.toFixed(1)} / ${sorted[sorted.length - 1]!.toFixed(1)} ms** over ${rtts.length} round trips — ${verdict}`,
      ],
    ];
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const markdown = [`### Run of ${when} UTC`, '', `Machine: ${machineDescription()}.`, '', ...measureTable(rows), ''].join('\n');
    process.stdout.write(`\n${markdown}\n`);
    if (SMOKE) return 0;
    recordInBenchmarks(SECTION_HEADING, sectionIntro, markdown);
    process.stdout.write('Recorded in docs/BENCHMARKS.md.\n');
    return verdict === 'met' ? 0 : 1;
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The section's opening, written once when the section is created. */
function sectionIntro(): string {
  return [
    SECTION_HEADING,
    '',
    '`npm run bench:flood` (issue #19). One participant of a running Tuning session sends 20,000 `ready`',
    'toggles as fast as their socket.io client emits them (250 per turn); meanwhile a client of another',
    'session sends `time:sync` one after another (5 ms apart) and times each answer. The server is its',
    'own process on SQLite; both clients share the benchmark process. Before the per-socket action limit',
    '(burst 60, 10 per second) every toggle was stored and fanned out and the other session waited',
    '7.6 s. Target: p95 under 250 ms.',
    '',
  ].join('\n');
}

const flooderAt = process.argv.indexOf('--flooder');
const run =
  flooderAt === -1
    ? main()
    : flood(process.argv[flooderAt + 1]!, process.argv[flooderAt + 2]!, Number(process.argv[flooderAt + 3])).then((accepted) => {
        process.stdout.write(`accepted ${accepted}\n`);
        return 0;
      });
run.then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
