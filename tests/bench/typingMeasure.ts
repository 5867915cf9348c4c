/**
 * The typing benchmark's measurements (`typingLatency.ts`): latency percentiles, the CPU used by
 * this process tree and by everything else, and the latencies of keystrokes and remote inserts
 * out of the probe's samples.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import type { KeystrokeLatency, Percentiles } from './typingLatency.js';
import type { RemoteInsert } from './typingRemotes.js';
import { readProbe, type RemoteSample } from './typingProbe.js';
import { machineBusyMicros, processCpuMicros } from './procStats.js';
import { percentile } from './stats.js';
import { sleep } from './time.js';

/** Nearest-rank p50/p95/p99/max of `samples`. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  if (sorted.length === 0) return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] as number,
  };
}

/** This process and its descendants (Chromium and its helpers). */
function ownProcessTree(): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const siblings = children.get(parent) ?? [];
      siblings.push(Number(entry));
      children.set(parent, siblings);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(process.pid);
  return tree;
}

/** CPU time (µs) of each of `pids` that is still there. */
function cpuOf(pids: readonly number[]): Map<number, number> {
  const result = new Map<number, number>();
  for (const pid of pids) {
    try {
      result.set(pid, processCpuMicros(pid));
    } catch {
      // exited
    }
  }
  return result;
}

/** Starts measuring CPU; the returned function gives the cores used since by this process tree and by everything else. */
export function startCpuMeter(): () => { ours: number; others: number } {
  const started = performance.now();
  const machine = machineBusyMicros();
  const before = cpuOf(ownProcessTree());
  return () => {
    const seconds = (performance.now() - started) / 1000;
    let ours = 0;
    for (const [pid, micros] of cpuOf(ownProcessTree())) ours += micros - (before.get(pid) ?? 0);
    const others = Math.max(0, machineBusyMicros() - machine - ours);
    return { ours: ours / 1e6 / seconds, others: others / 1e6 / seconds };
  };
}

/** Waits until the probe has seen and painted every keystroke (or 5 s), then summarises them. */
export async function keystrokeLatency(page: Page, expected: number): Promise<KeystrokeLatency> {
  const painted = async () => (await readProbe(page)).keys.filter((k) => k[3] >= 0).length;
  const deadline = Date.now() + 5_000;
  while ((await painted()) < expected && Date.now() < deadline) await sleep(50);
  const { keys } = await readProbe(page);
  const done = keys.filter((k) => k[3] >= 0);
  return {
    toDom: percentiles(done.map(([event, , dom]) => dom - event)),
    toPaint: percentiles(done.map(([event, , , paint]) => paint - event)),
    inputDelay: percentiles(keys.map(([event, handler]) => handler - event)),
    missing: expected - done.length,
  };
}

/** Matches each remote insert with the first time the page showed its paragraph at least that long. */
export function remoteLatencies(
  inserts: readonly RemoteInsert[],
  seen: readonly RemoteSample[],
  offset: number,
): { dom: number[]; paint: number[] } {
  const byBlock = new Map<number, RemoteSample[]>();
  for (const sample of seen) {
    const list = byBlock.get(sample[0]) ?? [];
    list.push(sample);
    byBlock.set(sample[0], list);
  }
  const dom: number[] = [];
  const paint: number[] = [];
  for (const [block, length, at] of inserts) {
    const match = byBlock.get(block)?.find((sample) => sample[1] >= length);
    if (!match) continue;
    dom.push(match[2] - offset - at);
    if (match[3] >= 0) paint.push(match[3] - offset - at);
  }
  return { dom, paint };
}
