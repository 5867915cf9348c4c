/**
 * Shared pieces of the fault tests: the scale (short in `npm test`, long with `FAULTS_LONG=1`, which
 * `npm run test:faults` sets), cleanup, the real server as a child process (`server/dist/main.mjs`),
 * its resident memory from `/proc`, and one line of figures per test for docs/RELIABILITY.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { processMemory } from '../bench/procStats.js';
import { startServerProcess, type ServerProcess } from '../support/serverProcess.js';

/** True for the long versions (`npm run test:faults`). */
export const LONG = process.env.FAULTS_LONG === '1';

/** `short` in `npm test`, `long` under `npm run test:faults`. */
export function scale<T>(short: T, long: T): T {
  return LONG ? long : short;
}

const cleanup: (() => Promise<unknown> | unknown)[] = [];

/** Registers the cleanup of one test file: every step registered with `onCleanup`, newest first. */
export function useCleanup(): void {
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        process.stderr.write(`cleanup step failed: ${String(error)}\n`);
      }
    }
  });
}

/** Runs `step` after the current test (newest first). */
export function onCleanup(step: () => Promise<unknown> | unknown): void {
  cleanup.push(step);
}

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'worktable-faults-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Whether the process is still running. */
export function running(server: ServerProcess): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}

/** Starts `server/dist/main.mjs` with `env`; killed after the test if still running. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  onCleanup(() => (running(server) ? server.stop('SIGKILL') : undefined));
  return server;
}

/** Resident memory (VmRSS) of a process in MiB. */
export function rssMiB(pid: number): number {
  return processMemory(pid).rssBytes / 1024 / 1024;
}

/**
 * Samples the resident memory of `pid` every `everyMs` until stopped; the process may exit
 * meanwhile. `hwmMiB` is the kernel's high-water mark (VmHWM) as last read: the peak since the
 * process started, including spikes between two samples (NaN if it could never be read).
 */
export function sampleRss(pid: number, everyMs = 25): { stop(): { peakMiB: number; lastMiB: number; hwmMiB: number; samples: number } } {
  let peak = 0;
  let last = 0;
  let hwm = Number.NaN;
  let samples = 0;
  const take = () => {
    try {
      const memory = processMemory(pid);
      last = memory.rssBytes / 1024 / 1024;
      hwm = memory.peakRssBytes / 1024 / 1024;
      if (Number.isFinite(last)) {
        peak = Math.max(peak, last);
        samples++;
      }
    } catch {
      // exited
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakMiB: round(peak), lastMiB: round(last), hwmMiB: round(hwm), samples };
    },
  };
}

/** Nearest-rank percentiles of `values` (each `p` in 0–100; 0 is the minimum, 100 the maximum), keyed `p<p>`. */
export function percentiles(values: readonly number[], ps: readonly number[] = [0, 10, 50, 90, 100]): Record<string, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const result: Record<string, number> = {};
  for (const p of ps) {
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    result[`p${p}`] = sorted[rank - 1] ?? Number.NaN;
  }
  return result;
}

/** How many of `times` fall into each `bucketMs` bucket from `origin` on (times before `origin` are not counted). */
export function perBucket(times: readonly number[], origin: number, bucketMs: number): number[] {
  const counts: number[] = [];
  for (const time of times) {
    if (time < origin) continue;
    const index = Math.floor((time - origin) / bucketMs);
    while (counts.length <= index) counts.push(0);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rounds to one decimal. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Polls `predicate` (sync or async) every `everyMs` until true; throws naming `what` after `timeoutMs`. */
export async function waitUntil(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * Prints the figures of one test run as one line (`[faults] FT1 {...}`), with the scale, machine,
 * load average (at the end of the test) and date, for docs/RELIABILITY.md.
 */
export function report(id: string, figures: Record<string, unknown>): void {
  const line = {
    id,
    version: LONG ? 'long' : 'short',
    ...figures,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    loadAverage1m5m15m: os.loadavg().map((load) => Math.round(load * 100) / 100),
    at: new Date().toISOString(),
  };
  process.stdout.write(`[faults] ${id} ${JSON.stringify(line)}\n`);
}

/** `GET /healthz` status and body. */
export async function health(baseUrl: string): Promise<{ status: number; body: HealthBody }> {
  const response = await fetch(`${baseUrl}/healthz`);
  return { status: response.status, body: (await response.json()) as HealthBody };
}

/** The parts of `/healthz` the fault tests read. */
export interface HealthBody {
  status: string;
  storage: { engine: string; ok: boolean; pendingUpdates?: number; pendingBytes?: number; failing?: boolean; error?: string };
  rooms: number;
  connections: number;
}

/** Runs `task` over `items` with at most `limit` at a time. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  });
  await Promise.all(workers);
  return results;
}

/** How many ledger entries the clients typed in all. */
export function typedEntries(clients: readonly { ledger: readonly string[] }[]): number {
  return clients.reduce((n, client) => n + client.ledger.length, 0);
}

/** One sample of `/metrics`, e.g. `worktable_errors_total{kind="close_4504"}`; 0 when absent (a counter not yet incremented). */
export async function metricSample(baseUrl: string, sample: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const escaped = sample.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^${escaped} ([0-9.eE+-]+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}
