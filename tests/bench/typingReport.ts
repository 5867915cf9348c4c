/**
 * The typing benchmark's report (`typingLatency.ts`): its rows in the client benchmark's table.
 */
import type { KeystrokeLatency, Percentiles, TypingLatencyResult } from './typingLatency.js';

/** Milliseconds to one decimal ('n/a' when there were no samples). */
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
/** `p50 / p95 / p99 / max` in ms. */
function spread(p: Percentiles): string {
  return `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)} / ${ms(p.max)}`;
}

/** The benchmark's rows for the client benchmark's table, as [label, value]. */
export function typingRows(result: TypingLatencyResult): Array<[string, string]> {
  const { busy, quiet } = result;
  const both = (pick: (phase: KeystrokeLatency) => Percentiles) => `${spread(pick(busy))} · idle: ${spread(pick(quiet))}`;
  return [
    [
      `typing in a document, key → painted, p50 / p95 / p99 / max (ms): ${result.remoteEditors} remote editors typing · idle`,
      `${both((phase) => phase.toPaint)} (${busy.toPaint.count} · ${quiet.toPaint.count} keystrokes, one per ${result.keyIntervalMs} ms; ${busy.missing + quiet.missing} missing)`,
    ],
    ['typing: key → in the editor DOM (ms), typing · idle', both((phase) => phase.toDom)],
    ['typing: key event waits for the main thread (ms), typing · idle', both((phase) => phase.inputDelay)],
    [
      'typing: remote insert → in the browser DOM · painted, p50 / p95 / p99 / max (ms)',
      `${spread(result.remoteToDom)} · ${spread(result.remoteToPaint)} (${result.remoteToDom.count} of ${result.remoteInserts} inserts, ${result.remoteRate.toFixed(1)} chars/s from all editors; clocks ±${result.clockError.toFixed(2)} ms)`,
    ],
    ['typing: everyone ends with the same text', result.converged ? 'yes' : 'NO'],
    [
      'typing: CPU while everyone types, this bench (Node + Chromium) / everything else (cores)',
      `${result.cpu.ours.toFixed(2)} / ${result.cpu.others.toFixed(2)}`,
    ],
  ];
}
