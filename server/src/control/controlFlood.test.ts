/**
 * One participant floods the control plane (20,000 `ready` toggles as fast as their socket sends
 * them, from a worker thread as if from another machine) against a real server on port 0: the per-socket rate limit refuses most of them before
 * anything is applied, the others at the table receive a few states instead of 20,000, and a
 * client of another session keeps getting its `time:sync` answers throughout.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTROL_CONTRACT, ControlEvent, type ControlAck, type TimeSyncAck } from '@worktable/shared';
import { loadConfig } from '../config/config.js';
import { openControlClient, type ControlClient } from '../testing/controlClient.js';
import { createSessionWith, startTestServer, waitFor, type TestServer } from '../testing/testServer.js';
import { CONTROL_ACTIONS_PER_SECOND, CONTROL_ACTION_BURST } from './controlRate.js';

let t: TestServer | undefined;
const clients: ControlClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t?.stop();
  t = undefined;
});

function client(token: string): ControlClient {
  const opened = openControlClient(t!.url, token);
  clients.push(opened);
  return opened;
}

const FLOOD = 20_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `q` quantile of `values`. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Measures `time:sync` round trips one after another until `done()`. */
async function pingUntil(socket: ControlClient['socket'], done: () => boolean): Promise<number[]> {
  const rtts: number[] = [];
  while (!done()) {
    const sent = performance.now();
    await new Promise<TimeSyncAck>((resolve) => socket.emit(ControlEvent.TimeSync, resolve));
    rtts.push(performance.now() - sent);
    await pause(5);
  }
  return rtts;
}

/** What the flooding socket saw: actions accepted and refused for the rate, and the first refusal. */
interface FloodResult {
  accepted: number;
  limited: number;
  firstRefusal: ControlAck | null;
}

/**
 * The flooder, in a worker thread of its own (as on another machine: its socket.io client's work
 * is not counted against the server's event loop): once its state arrived, it emits `FLOOD`
 * toggles of `ready` in batches of 250 per turn and resolves when every ack is back.
 */
function floodFrom(token: string): Promise<FloodResult> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { io } = require(workerData.clientPath);
    const socket = io(workerData.url, { auth: { token: workerData.token, contract: ${CONTROL_CONTRACT} }, transports: ['websocket'], forceNew: true, reconnection: false });
    const result = { accepted: 0, limited: 0, firstRefusal: null };
    let acks = 0;
    socket.once('${ControlEvent.State}', async () => {
      for (let sent = 0; sent < workerData.count; ) {
        for (let i = 0; i < 250 && sent < workerData.count; i++, sent++) {
          socket.emit('${ControlEvent.Control}', { action: 'ready', ready: sent % 2 === 0 }, (ack) => {
            if (ack.ok) result.accepted++;
            else if (ack.error.code === 'rate_limited') result.limited++;
            if (!ack.ok && result.firstRefusal === null) result.firstRefusal = ack;
            if (++acks === workerData.count) {
              socket.disconnect();
              parentPort.postMessage(result);
            }
          });
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    });`;
  const clientPath = createRequire(import.meta.url).resolve('socket.io-client');
  const worker = new Worker(source, { eval: true, workerData: { url: t!.url, token, count: FLOOD, clientPath } });
  return new Promise<FloodResult>((resolve, reject) => {
    worker.once('message', (result: FloodResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('control flood', () => {
  it('CF1 20,000 ready toggles from one socket: most refused, few states fanned out, another session keeps getting its clock sync', async () => {
    t = await startTestServer();
    const { session, members } = await createSessionWith(t.url, ['Flooder', 'Ben']);
    const host = client(session.hostToken);
    const ben = client(members[1]!.token);
    const other = await createSessionWith(t.url, ['Eve']);
    const eve = client(other.members[0]!.token);
    await waitFor(() => [host, ben, eve].every((c) => c.states.length > 0), 5000, 'everyone connected');
    expect(await host.send({ action: 'start' })).toMatchObject({ ok: true });
    await waitFor(() => ben.latest()?.status === 'running', 5000, 'running');

    const statesBefore = ben.states.length;
    const started = performance.now();
    let flooding = true;
    const pings = pingUntil(eve.socket, () => !flooding);
    const flood = await floodFrom(members[0]!.token);
    flooding = false;
    const elapsedS = (performance.now() - started) / 1000;
    const rtts = await pings;
    await pause(300);

    const { accepted, limited, firstRefusal } = flood;
    expect(firstRefusal).toEqual({ ok: false, error: { code: 'rate_limited', message: 'Too many actions: wait a moment.' } });
    expect(accepted + limited).toBe(FLOOD);
    // The burst, then the refill over the time the flood took (and a margin for timing).
    expect(accepted).toBeLessThanOrEqual(CONTROL_ACTION_BURST + Math.ceil(elapsedS * CONTROL_ACTIONS_PER_SECOND) + 5);
    const statesDuring = ben.states.length - statesBefore;
    expect(statesDuring).toBeLessThanOrEqual(accepted + 5);
    expect(statesDuring).toBeLessThan(FLOOD / 20);
    const p95 = quantile(rtts, 0.95);
    console.info(
      `control flood: ${accepted} of ${FLOOD} accepted in ${elapsedS.toFixed(1)} s; ${statesDuring} states to the table; time:sync p95 ${p95.toFixed(1)} ms over ${rtts.length} round trips`,
    );
    // Another session is not starved: without the limit its p95 was 7.6 s. The 250 ms target is
    // the benchmark's (`npm run bench:flood`): with other test files sharing 2 cores it reached 371 ms.
    expect(rtts.length).toBeGreaterThan(5);
    expect(p95).toBeLessThan(1000);

    // Counted in /metrics; and once the bucket refilled, the flooder's next action goes through.
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toContain(`worktable_control_actions_total{outcome="limited"} ${limited}`);
    await pause(1000 / CONTROL_ACTIONS_PER_SECOND + 50);
    expect(await client(members[0]!.token).send({ action: 'ready', ready: true })).toMatchObject({ ok: true });
  }, 90_000);

  it('CF2 a facilitator clicking through every phase, ready marks and speaking-time reports stay within the limit', async () => {
    t = await startTestServer();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const host = client(session.hostToken);
    const ana = client(members[0]!.token);
    await waitFor(() => [host, ana].every((c) => c.states.length > 0), 5000, 'connected');
    expect(await host.send({ action: 'start' })).toMatchObject({ ok: true });
    // Quicker than anyone clicks: every phase to the end, with ready marks and reports between.
    while (host.latest()?.status !== 'done') {
      expect(await host.send({ action: 'next' })).toMatchObject({ ok: true });
      expect(await ana.send({ action: 'ready', ready: true })).not.toMatchObject({ error: { code: 'rate_limited' } });
      expect(await ana.send({ action: 'spoke', ms: 1200 })).toMatchObject({ ok: true });
    }
  }, 30_000);

  it('CF3 marking ready twice stores and sends nothing the second time', async () => {
    t = await startTestServer();
    const { session, members } = await createSessionWith(t.url, ['Ana', 'Ben']);
    const host = client(session.hostToken);
    const ana = client(members[0]!.token);
    const ben = client(members[1]!.token);
    await waitFor(() => [host, ana, ben].every((c) => c.states.length > 0), 5000, 'connected');
    expect(await host.send({ action: 'start' })).toMatchObject({ ok: true });
    const first = await ana.send({ action: 'ready', ready: true });
    expect(first).toMatchObject({ ok: true });
    await waitFor(() => ben.latest()?.ready.includes(members[0]!.participantId) === true, 3000, 'ready seen');
    const seen = ben.states.length;
    const again = await ana.send({ action: 'ready', ready: true });
    expect(again.ok && first.ok && again.state.version).toBe(first.ok && first.state.version);
    await pause(200);
    expect(ben.states.length).toBe(seen);
  }, 30_000);

  it('CF4 the rate settings are validated', () => {
    expect(loadConfig({}).controlActionRate).toEqual({ burst: CONTROL_ACTION_BURST, perSecond: CONTROL_ACTIONS_PER_SECOND });
    expect(loadConfig({ CONTROL_ACTION_BURST: '120', CONTROL_ACTIONS_PER_SECOND: '20' }).controlActionRate).toEqual({
      burst: 120,
      perSecond: 20,
    });
    expect(() => loadConfig({ CONTROL_ACTION_BURST: '2' })).toThrow(/CONTROL_ACTION_BURST: must be at least 5/);
    expect(() => loadConfig({ CONTROL_ACTIONS_PER_SECOND: 'fast' })).toThrow(/CONTROL_ACTIONS_PER_SECOND: must be a whole number/);
  });
});
