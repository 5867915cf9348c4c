/** The relay bench's report lines: ratios against the baselines and the floor, Redis per update, the machine. */
import os from 'node:os';
import type { LoadMeasurement } from './loadRun.js';
import type { LoadScenario, ServerChoice } from './options.js';
import { CORE_SERVER_NAMES, ratio } from './scenarioKit.js';
import type { ServerResult } from './report.js';
import { counterDelta, type CrossNodeCounters, type RedisStats } from './scaleout.js';

/** Worktable against each baseline that ran: CPU per delivery, p99 latency, idle memory per connection. */
export function ratioLines(scenario: LoadScenario, results: readonly ServerResult[]): string[] {
  const lines = floorLines(scenario, results);
  const worktable = results.find((r) => r.name === SERVER_NAMES.worktable);
  if (!worktable) return lines;
  const m = worktable.measurement;
  for (const choice of ['hocuspocus', 'reference'] as const) {
    const other = results.find((r) => r.name === SERVER_NAMES[choice]);
    if (!other) continue;
    const o = other.measurement;
    lines.push(
      `${scenario}: Worktable / ${other.name}: CPU per delivery ${ratio(m.serverCpuMicrosPerDelivery, o.serverCpuMicrosPerDelivery)} ` +
        `(${m.serverCpuMicrosPerDelivery.toFixed(2)} vs ${o.serverCpuMicrosPerDelivery.toFixed(2)} µs), ` +
        `p99 latency ${ratio(m.latency.p99, o.latency.p99)} (${m.latency.p99.toFixed(1)} vs ${o.latency.p99.toFixed(1)} ms), ` +
        `idle memory per connection ${ratio(idleBytesPerConnection(m), idleBytesPerConnection(o))} ` +
        `(${(idleBytesPerConnection(m) / 1024).toFixed(1)} vs ${(idleBytesPerConnection(o) / 1024).toFixed(1)} KiB)`,
    );
  }
  if (scenario === 'many-idle') {
    lines.push(
      `many-idle: Worktable p99 ${m.latency.p99.toFixed(1)} ms (target < 100), ${(idleBytesPerConnection(m) / 1024).toFixed(1)} KiB per idle connection (target ≤ 20 KB)`,
    );
  }
  return lines;
}

/**
 * The floor's CPU per delivery against Hocuspocus's and Worktable's, when the floor ran. Where no
 * two changes share a relay (the convening), it is the least any relay that sends each change on
 * its own can cost; where a room is busy (the hot room), merging writes less and goes below it.
 */
export function floorLines(scenario: LoadScenario, results: readonly ServerResult[]): string[] {
  const floor = results.find((r) => r.name === SERVER_NAMES.floor)?.measurement.serverCpuMicrosPerDelivery;
  const hocuspocus = results.find((r) => r.name === SERVER_NAMES.hocuspocus)?.measurement.serverCpuMicrosPerDelivery;
  const worktable = results.find((r) => r.name === SERVER_NAMES.worktable)?.measurement.serverCpuMicrosPerDelivery;
  if (floor === undefined) return [];
  const parts = [`CPU per delivery ${floor.toFixed(2)} µs`];
  if (hocuspocus !== undefined) parts.push(`${ratio(floor, hocuspocus)} Hocuspocus's`);
  if (worktable !== undefined)
    parts.push(
      `Worktable ${worktable >= floor ? '+' : '−'}${Math.abs(worktable - floor).toFixed(2)} µs (${ratio(worktable, floor)} the floor)`,
    );
  return [`${scenario}: floor (forwards each frame, no Yjs, no storage): ${parts.join('; ')}`];
}

/** Server RSS growth from before the first connection to all connected and synced, per connection. */
export function idleBytesPerConnection(m: LoadMeasurement): number {
  const before = m.startMemory.reduce((sum, sample) => sum + sample.rssBytes, 0);
  const idle = m.idleMemory.reduce((sum, sample) => sum + sample.rssBytes, 0);
  return (idle - before) / m.connections;
}

/** The load average over 1, 5 and 15 minutes. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** Each server's name in the report. */
export const SERVER_NAMES: Record<ServerChoice, string> = {
  ...CORE_SERVER_NAMES,
  floor: 'floor (forward only)',
  'reference-leveldb': 'y-websocket 2.1 (LevelDB)',
  'worktable-postgres': 'Worktable (PostgreSQL, 1 node)',
  'worktable-2nodes': 'Worktable (PostgreSQL + Redis, 2 nodes)',
};

/** Redis messages per update, from the nodes' own counters and (server-wide) from Redis. */
export function crossNodeNotes(
  before: { nodes: CrossNodeCounters[]; redis: RedisStats },
  after: { nodes: CrossNodeCounters[]; redis: RedisStats },
  updatesSent: number,
): ServerResult['notes'] {
  const delta = counterDelta(before.nodes, after.nodes);
  const per = (count: number): string => (updatesSent > 0 ? (count / updatesSent).toFixed(3) : 'n/a');
  const perNode = (key: 'published' | 'received'): string => after.nodes.map((c, i) => c[key] - (before.nodes[i]?.[key] ?? 0)).join(' + ');
  const redisDelta = (key: keyof RedisStats): number => after.redis[key] - before.redis[key];
  return [
    {
      name: "Redis messages per update: published / received (nodes' counters, load + drain)",
      value: `${per(delta.published)} / ${per(delta.received)} (published ${perNode('published')}, received ${perNode('received')}, over ${updatesSent} updates)`,
    },
    { name: 'cross-node duplicates (remote updates already known)', value: `${delta.duplicates} (${per(delta.duplicates)} per update)` },
    {
      name: 'Redis server-wide per update: PUBLISH / commands / bytes in / bytes out',
      value: `${per(redisDelta('publishCalls'))} / ${per(redisDelta('commands'))} / ${per(redisDelta('netInputBytes'))} / ${per(redisDelta('netOutputBytes'))}`,
    },
  ];
}

/** One window's throughput and CPU, as the progress log shows it. */
export function summaryLine(perSecond: number, cpuPerDelivery: number): string {
  return `${Math.round(perSecond)} deliveries/s, ${cpuPerDelivery.toFixed(2)} µs server CPU per delivery`;
}

/** The machine the bench ran on. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `Machine: ${os.availableParallelism()} cores (${cpu}), ${memory} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
