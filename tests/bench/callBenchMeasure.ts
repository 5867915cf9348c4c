/**
 * The call signaling benchmark's measurements (`callSignalingBench.ts`): the signaling the clients
 * counted, and windows over which the server's CPU, memory and own signal counts and this
 * process's load are measured.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Traffic } from './callBenchBrowser.js';
import type { Person } from './callBenchScenario.js';
import { processCpuMicros, processMemory } from './procStats.js';

/** Everything the clients counted, summed. */
export function totalTraffic(people: readonly Person[]): Traffic {
  const total: Traffic = { descriptionsSent: 0, candidatesSent: 0, signalsReceived: 0, bytesSent: 0, peersReceived: 0 };
  for (const { call } of people) for (const key of Object.keys(total) as (keyof Traffic)[]) total[key] += call.traffic[key];
  return total;
}

/** What the clients counted since `before`. */
export function trafficSince(people: readonly Person[], before: Traffic): Traffic {
  const now = totalTraffic(people);
  for (const key of Object.keys(now) as (keyof Traffic)[]) now[key] -= before[key];
  return now;
}

/** The server's own count of call signals by outcome (`/metrics`). */
async function serverSignalCounts(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const counts: Record<string, number> = { relayed: 0, refused: 0, limited: 0 };
  for (const match of text.matchAll(/^worktable_call_signals_total\{outcome="(\w+)"\} (\d+)/gm))
    counts[match[1] as string] = Number(match[2]);
  return counts;
}

/** A window over which the server's CPU, RSS and signal counts, and this process's load, are measured. */
export interface Window {
  stop(): Promise<WindowResult>;
}

/** What a window measured. */
export interface WindowResult {
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
export async function openWindow(url: string, pid: number): Promise<Window> {
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
