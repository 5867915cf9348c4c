/**
 * How long the event loop of this process stood still, for tests that run a server in-process
 * and must show that some work never holds it for long.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** A running measurement of the event loop's delays. */
export interface EventLoopStallMeter {
  /** Stops measuring; the longest stall seen (milliseconds beyond the sampling interval) and the 99th percentile. */
  stop(): { maxMs: number; p99Ms: number };
}

/** Starts sampling the event loop every `resolutionMs` (10 ms by default). */
export function measureEventLoopStalls(resolutionMs = 10): EventLoopStallMeter {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      // The histogram counts the whole delay of each sample, sampling interval included.
      const beyond = (ns: number) => Math.max(0, ns / 1e6 - resolutionMs);
      return { maxMs: beyond(histogram.max), p99Ms: beyond(histogram.percentile(99)) };
    },
  };
}
