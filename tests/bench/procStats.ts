/**
 * CPU time and memory of another process, read from Linux `/proc`. CPU is the process total
 * (all threads: main, GC, libuv pool), user + system, so it is independent of what the load
 * generator does on the other core.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let clockTicksPerSecond: number | undefined;

/** `sysconf(_SC_CLK_TCK)`, the unit of the times in `/proc/<pid>/stat` (100 on Linux almost always). */
function clockTicks(): number {
  if (clockTicksPerSecond === undefined) {
    try {
      clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicksPerSecond = 100;
    }
  }
  return clockTicksPerSecond;
}

/** CPU time (user + system) consumed so far by process `pid`, in microseconds (resolution: one clock tick). */
export function processCpuMicros(pid: number): number {
  const { user, system } = processCpuSplitMicros(pid);
  return user + system;
}

/** CPU time consumed so far by process `pid`, in microseconds, split into user and system (kernel) time. */
export function processCpuSplitMicros(pid: number): { user: number; system: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the name start at field 3 (state); utime is field 14, stime field 15.
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  return { user: (utime * 1_000_000) / clockTicks(), system: (stime * 1_000_000) / clockTicks() };
}

/** Resident memory of a process now and at its peak. */
export interface MemorySample {
  rssBytes: number;
  peakRssBytes: number;
}

/** Reads `VmRSS` and `VmHWM` of process `pid`. */
export function processMemory(pid: number): MemorySample {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : Number.NaN;
  };
  return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
}

/** CPU time spent by the whole machine so far (all cores, everything but idle and iowait), in microseconds. */
export function machineBusyMicros(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user)
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1_000_000) / clockTicks();
}

/**
 * CPU time (µs) of every process whose command name (`/proc/<pid>/comm`) is one of `names`, by
 * pid. Processes we may not read or that exit meanwhile are skipped.
 */
export function namedProcessesCpuMicros(names: readonly string[]): Map<number, number> {
  const wanted = new Set(names);
  const result = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!wanted.has(fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) continue;
      result.set(Number(entry), processCpuMicros(Number(entry)));
    } catch {
      // gone, or not ours to read
    }
  }
  return result;
}

/** Something whose CPU the load run measures over its window besides the server (e.g. PostgreSQL, Redis). */
export interface CpuSource {
  name: string;
  /** Starts measuring; the returned function gives the CPU (µs) used since. */
  start(): () => number;
}

/**
 * The processes named `names` (e.g. `postgres`, which forks one backend per connection) as one
 * CPU source. A process started during the window counts with all its CPU (all of it was spent
 * after the start); one that exited during the window loses what it used after the start.
 */
export function namedProcessesCpu(label: string, names: readonly string[]): CpuSource {
  return {
    name: label,
    start() {
      const before = namedProcessesCpuMicros(names);
      return () => {
        let total = 0;
        for (const [pid, micros] of namedProcessesCpuMicros(names)) total += micros - (before.get(pid) ?? 0);
        return total;
      };
    },
  };
}
